import ArabicText

/// Builds the extractor the daemon, `watcherd process` and the benchmarks run: the one place
/// that lists the analyzers and their order. Adding an analyzer is one line here.
public enum ArticleExtractorFactory {
    /// The standard extractor: `segment`, `tokens`, `entities` (the configured recogniser),
    /// `numbers`, `language`, `statistics`, loading what the recogniser needs from
    /// `resourceDirectory` (the folder holding `gazetteer/` and `ner/model.bin`): the model is read
    /// once, here.
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
        return make(recognizer: recognizer, tokenizer: tokenizer, clock: clock)
    }

    /// The standard list of analyzers around a recogniser already built (a model from another
    /// path, a model being trained).
    public static func make(
        recognizer: any EntityRecognizing, tokenizer: Tokenizer = Tokenizer(), clock: StageClock = .monotonic
    ) -> ArticleExtractor {
        ArticleExtractor(
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
