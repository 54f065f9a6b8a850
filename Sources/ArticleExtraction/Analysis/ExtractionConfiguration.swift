// SPDX-License-Identifier: GPL-2.0-or-later

/// The choices that shape extraction, from the daemon's configuration: which entity recogniser
/// runs. ``ArticleExtractorFactory`` turns them into the list of analyzers.
public struct ExtractionConfiguration: Sendable, Equatable {
    /// The entity recognisers that can be chosen.
    public enum Recognizer: String, Sendable, CaseIterable {
        /// ``PerceptronEntityRecognizer``: the trained two-stage averaged-perceptron IOB2 tagger
        /// (`ner/model.bin`, trained on ANERcorp; `perceptron-ner-…`).
        case perceptron
        /// ``GazetteerEntityRecognizer``: gazetteer look-ups and cue words (`gazetteer-rules-1`).
        case gazetteer
    }

    /// The entity recogniser; `perceptron` by default (it beats `gazetteer` on the ANERcorp
    /// development set: see `Resources/README.md`).
    public var recognizer: Recognizer

    /// The model file `perceptron` loads; `nil` for the shipped `ner/model.bin`.
    public var nerModelPath: String?

    public init(recognizer: Recognizer = .perceptron, nerModelPath: String? = nil) {
        self.recognizer = recognizer
        self.nerModelPath = nerModelPath
    }
}
