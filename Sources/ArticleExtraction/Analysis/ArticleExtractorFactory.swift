import ArabicText

/// Builds the extractor the daemon, `watcherd process` and the benchmarks run: the one place
/// that lists the analyzers and their order. Adding an analyzer is one line here.
public enum ArticleExtractorFactory {
    /// The standard extractor: `segment`, `tokens`, `entities` (the configured recogniser),
    /// `numbers`, `language`, `statistics`, loading what the recogniser needs from
    /// `resourceDirectory` (the folder holding `gazetteer/`).
    ///
    /// - Throws: ``ResourceError`` when a resource file cannot be read.
    public static func make(
        _ configuration: ExtractionConfiguration = .init(), resourceDirectory: String, clock: StageClock = .monotonic
    ) throws(ResourceError) -> ArticleExtractor {
        let tokenizer = Tokenizer()
        let recognizer: any EntityRecognizing
        switch configuration.recognizer {
        case .gazetteer:
            recognizer = GazetteerEntityRecognizer(
                gazetteer: try GazetteerLoader.load(tokenizer: tokenizer, from: resourceDirectory))
        }
        return ArticleExtractor(
            analyzers: [
                SegmentationAnalyzer(),
                TokenAnalyzer(tokenizer: tokenizer),
                EntityAnalyzer(recognizer: recognizer, normalizer: tokenizer.normalizer),
                NumberAnalyzer(normalizer: tokenizer.normalizer),
                LanguageAnalyzer(),
                StatisticsAnalyzer(),
            ],
            clock: clock)
    }
}
