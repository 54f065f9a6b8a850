// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Options of ``NERTrainer``.
public struct NERTrainingOptions: Sendable {
    /// Share of the training file's sentences, at its end, held out as the development set.
    public var devFraction = 0.1
    /// Seed of every shuffle: the same seed and data give the same model.
    public var seed: UInt64 = 1
    /// Cross-validation folds for the "seen" counts and the first-stage tags the second stage
    /// learns from.
    public var folds = 5
    /// Most passes over the training data per stage; the pass count that does best on the
    /// development set is kept (3 passes without gain stop it early).
    public var maxEpochs = 20
    /// Sentences per training document (the second stage's window), as `ner eval` cuts them.
    public var sentencesPerDocument = 20
    public var groups: NERFeatureGroups = .all
    /// The model's name for `pipeline.model`.
    public var name = "perceptron-ner-1"
    /// Word forms counted fewer times are left out of the lexicon's frequency table.
    public var minimumCount = 2
    /// Self-training: at most this many tokens of unlabelled text, tagged by the first model, join
    /// the training data for a second round (0: none).
    public var selfTrainingTokens = 0
    /// A line joins only when every token's tag is at least this probable (and it has an entity).
    public var selfTrainingThreshold = 0.9
    /// Features seen fewer times in the training data are left out (a count cut-off).
    public var minimumFeatureCount = 1
    /// The most frequent surface forms of the training text the model keeps for its tagger's
    /// cache (``NERModel/frequentWords``).
    public var frequentWords = 8000
    /// Perceptrons trained in their own seeded orders whose weights are averaged (1: one).
    public var ensemble = 1
    /// Rows whose largest weight (in either stage) is below this are left out of the model.
    public var pruneBelow: Float = 0

    public init() {}
}
