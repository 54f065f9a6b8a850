// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The trained named-entity model: a two-stage linear-chain tagger over IOB2 tags (the first
/// stage over each line's tokens; the second adds what the first made of the whole article),
/// with the lexicon and training counts its features read, and the temperature that turns its
/// scores into span probabilities.
///
/// Made by ``NERTrainer``; stored and read by ``NERModelCodec`` (`Resources/ner/model.bin`).
public struct NERModel: Sendable {
    /// Recogniser name and version for `pipeline.model`, e.g. `perceptron-ner-1`.
    public let name: String
    /// The feature groups the model was trained with.
    public let groups: NERFeatureGroups
    /// Divides the final stage's scores before forward-backward (fitted on the development set).
    public let temperature: Double
    /// How the model was made: data, options, figures (one line each).
    public let notes: [String]
    /// The most frequent tokens of the training text (surface forms): the tagger scores their
    /// type features once, when it is made, instead of once per article.
    public let frequentWords: [String]
    let lexicon: NERLexicon
    /// Training counts by lexical form (``NERSeenCounts`` raw values).
    let seen: NERPackedTable
    /// Feature key -> row of ``weights``.
    let table: NERRowTable
    let weights: NERRowWeights
    let transitions1: NERTransitions
    /// `nil` for a model trained without the document stage.
    let transitions2: NERTransitions?

    init(
        name: String, groups: NERFeatureGroups, temperature: Double, notes: [String], frequentWords: [String],
        lexicon: NERLexicon,
        seen: NERPackedTable, table: NERRowTable, weights: NERRowWeights, transitions1: NERTransitions,
        transitions2: NERTransitions?
    ) {
        precondition(table.count == weights.rowCount, "one weight row per key")
        self.name = name
        self.groups = groups
        self.temperature = temperature
        self.notes = notes
        self.frequentWords = frequentWords
        self.lexicon = lexicon
        self.seen = seen
        self.table = table
        self.weights = weights
        self.transitions1 = transitions1
        self.transitions2 = transitions2
    }

    /// The same model with another temperature.
    func with(temperature: Double) -> NERModel {
        NERModel(
            name: name, groups: groups, temperature: temperature, notes: notes, frequentWords: frequentWords,
            lexicon: lexicon, seen: seen,
            table: table, weights: weights, transitions1: transitions1, transitions2: transitions2)
    }

    /// The same model with other notes.
    func with(notes: [String]) -> NERModel {
        NERModel(
            name: name, groups: groups, temperature: temperature, notes: notes, frequentWords: frequentWords,
            lexicon: lexicon, seen: seen,
            table: table, weights: weights, transitions1: transitions1, transitions2: transitions2)
    }

    /// The same model with `bias` taken from every move into `O` of the final stage: the same as
    /// taking it from `O`'s score at every token, so that decoding trades precision for recall.
    func with(outsideBias bias: Float) -> NERModel {
        func shifted(_ t: NERTransitions) -> NERTransitions {
            var t = t
            t.start[0] -= bias
            for from in 0..<NERTransitions.tags { t.pair[from * NERTransitions.tags] -= bias }
            return t
        }
        return NERModel(
            name: name, groups: groups, temperature: temperature, notes: notes, frequentWords: frequentWords,
            lexicon: lexicon, seen: seen,
            table: table, weights: weights, transitions1: transitions2 == nil ? shifted(transitions1) : transitions1,
            transitions2: transitions2.map(shifted))
    }

    /// Feature rows.
    public var featureCount: Int { table.count }
    /// Word forms in the lexicon.
    public var wordCount: Int { lexicon.words.count }
}
