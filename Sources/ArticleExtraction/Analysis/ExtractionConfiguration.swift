/// The choices that shape extraction, from the daemon's configuration: which entity recogniser
/// runs. ``ArticleExtractorFactory`` turns them into the list of analyzers.
public struct ExtractionConfiguration: Sendable, Equatable {
    /// The entity recognisers that can be chosen.
    public enum Recognizer: String, Sendable, CaseIterable {
        /// ``GazetteerEntityRecognizer``: gazetteer look-ups and cue words (`gazetteer-rules-1`).
        case gazetteer
    }

    /// The entity recogniser; `gazetteer` by default.
    public var recognizer: Recognizer

    public init(recognizer: Recognizer = .gazetteer) {
        self.recognizer = recognizer
    }
}
