// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The data ``NERTrainer`` learns from.
public struct NERTrainingInput: Sendable {
    /// The training file's sentences, in file order (the development set is cut from the end).
    public var sentences: [IOB2Sentence]
    /// The training file's name, for the model's notes.
    public var source: String
    public var gazetteer: NERGazetteerLists
    /// Frequencies and clusters from an unlabelled corpus; `nil` counts the training part instead
    /// and trains without clusters.
    public var unlabeled: NERUnlabeledLexicon?
    /// The gazetteer and rule recogniser whose tags are features (``NERFeatureGroups/rules``).
    public var rules: GazetteerEntityRecognizer?
    /// Unlabelled articles for one round of self-training (``NERTrainingOptions/selfTrainingTokens``).
    public var selfTraining: [String]?

    public init(
        sentences: [IOB2Sentence], source: String, gazetteer: NERGazetteerLists, unlabeled: NERUnlabeledLexicon?,
        rules: GazetteerEntityRecognizer? = nil, selfTraining: [String]? = nil
    ) {
        self.rules = rules
        self.sentences = sentences
        self.source = source
        self.gazetteer = gazetteer
        self.unlabeled = unlabeled
        self.selfTraining = selfTraining
    }
}
