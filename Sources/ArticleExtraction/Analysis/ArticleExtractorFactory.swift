import ArabicText

/// Builds the extractor the daemon, `watcherd process` and the benchmarks run: the one place
/// that lists the analyzers and their order. Adding an analyzer is one line here.
public enum ArticleExtractorFactory {
    /// The standard extractor: `segment`, `tokens`, `entities` (the configured recogniser),
    /// `published`, `quotes`, `dates`, `numbers`, `keywords`, `summary`, `language`, `statistics`,
    /// loading what the recogniser and the keywords need from `resourceDirectory` (the folder
    /// holding `gazetteer/` and `keywords/`).
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
        let dates = DateRecognizer(lexicon: DateLexicon(normalizer: tokenizer.normalizer))
        let frequencies = try DocumentFrequencies.load(from: resourceDirectory)
        let hints = NameHints(
            firstNames: try NameHints.firstNames(from: resourceDirectory, normalizer: tokenizer.normalizer),
            frequencies: frequencies, dates: dates.lexicon)
        return ArticleExtractor(
            analyzers: [
                SegmentationAnalyzer(),
                TokenAnalyzer(tokenizer: tokenizer),
                EntityAnalyzer(recognizer: recognizer, normalizer: tokenizer.normalizer),
                PublicationAnalyzer(recognizer: dates),
                QuotationAnalyzer(
                    verbs: SpeechVerbLexicon(normalizer: tokenizer.normalizer), normalizer: tokenizer.normalizer,
                    hints: hints),
                DateAnalyzer(recognizer: dates),
                NumberAnalyzer(normalizer: tokenizer.normalizer),
                KeywordAnalyzer(extractor: KeywordExtractor(frequencies: frequencies), tokenizer: tokenizer),
                SummaryAnalyzer(),
                LanguageAnalyzer(),
                StatisticsAnalyzer(),
            ],
            clock: clock)
    }
}
