// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Builds the extractor the daemon, `watcherd process` and the benchmarks run: the one place
/// that lists the analyzers and their order. Adding an analyzer is one line here.
public enum ArticleExtractorFactory {
    /// The standard extractor: `segment`, `tokens`, `entities` (the configured recogniser),
    /// `published`, `quotes`, `dates`, `numbers`, `keywords`, `summary`, `language`, `statistics`,
    /// loading what the recogniser and the keywords need from `resourceDirectory` (the folder
    /// holding `gazetteer/`, `ner/model.bin` and `keywords/`): each file is read once, here.
    ///
    /// - Throws: ``ResourceError`` when a resource file cannot be read or a model file is malformed.
    public static func make(
        _ configuration: ExtractionConfiguration = .init(), resourceDirectory: String, clock: StageClock = .monotonic
    ) throws(ResourceError) -> ArticleExtractor {
        let tokenizer = Tokenizer()
        let recognizer: any EntityRecognizing
        let gazetteer = GazetteerEntityRecognizer(
            gazetteer: try GazetteerLoader.load(tokenizer: tokenizer, from: resourceDirectory))
        switch configuration.recognizer {
        case .gazetteer:
            recognizer = gazetteer
        case .perceptron:
            let model: NERModel
            do throws(NERError) {
                if let path = configuration.nerModelPath {
                    model = try NERModelLoader.load(path: path)
                } else {
                    model = try NERModelLoader.loadShipped(from: resourceDirectory)
                }
            } catch {
                throw ResourceError(
                    path: error.path ?? resourceDirectory, cause: "\(error.code.rawValue): \(error.cause)")
            }
            recognizer = PerceptronEntityRecognizer(model: model, rules: gazetteer)
        }
        return try make(
            recognizer: recognizer, resourceDirectory: resourceDirectory, tokenizer: tokenizer, clock: clock)
    }

    /// An extractor that finds entities and nothing after them (`segment`, `tokens`, `entities`):
    /// the documents' `entities` are those of the standard extractor with the same recogniser,
    /// without loading the other analyzers' resources. For training and evaluating a recogniser.
    public static func entities(
        recognizer: any EntityRecognizing, tokenizer: Tokenizer = Tokenizer(), clock: StageClock = .monotonic
    ) -> ArticleExtractor {
        ArticleExtractor(
            analyzers: [
                SegmentationAnalyzer(), TokenAnalyzer(tokenizer: tokenizer),
                EntityAnalyzer(recognizer: recognizer, normalizer: tokenizer.normalizer),
            ],
            clock: clock)
    }

    /// The standard list of analyzers around a recogniser already built (a model from another
    /// path, a model being trained), with the other resources from `resourceDirectory`.
    ///
    /// - Throws: ``ResourceError`` when a resource file cannot be read.
    public static func make(
        recognizer: any EntityRecognizing, resourceDirectory: String, tokenizer: Tokenizer = Tokenizer(),
        clock: StageClock = .monotonic
    ) throws(ResourceError) -> ArticleExtractor {
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
