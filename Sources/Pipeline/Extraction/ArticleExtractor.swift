/// Runs the extraction stages over one decoded article and assembles its ``ArticleDocument``:
/// paragraphs, sentences, tokens, language, entities, numbers and statistics.
///
/// Pure and `Sendable`: one instance is shared by all extract workers.
public struct ArticleExtractor: Sendable {
    public let tokenizer: Tokenizer
    public let recognizer: EntityRecognizer

    public init(tokenizer: Tokenizer, recognizer: EntityRecognizer) {
        self.tokenizer = tokenizer
        self.recognizer = recognizer
    }

    /// What the extractor needs to know about the input besides its text.
    public struct Input: Sendable {
        public var text: String
        public var title: String?
        public var format: String
        public var encoding: String
        public var sourcePath: String
        public var sourceName: String
        public var bytes: Int
        public var sha256: String
        public var receivedAt: String
        /// Milliseconds of the stages before extraction (`read`, `decode`).
        public var stageMs: [String: Double]

        public init(
            text: String, title: String?, format: String, encoding: String, sourcePath: String, sourceName: String,
            bytes: Int, sha256: String, receivedAt: String, stageMs: [String: Double]
        ) {
            self.text = text
            self.title = title
            self.format = format
            self.encoding = encoding
            self.sourcePath = sourcePath
            self.sourceName = sourceName
            self.bytes = bytes
            self.sha256 = sha256
            self.receivedAt = receivedAt
            self.stageMs = stageMs
        }
    }

    /// Builds the document for `input`. Never fails: an article with no words still gets a
    /// document with empty lists.
    public func document(for input: Input) -> ArticleDocument {
        var meter = ExtractionMeter.off
        return document(for: input, meter: &meter)
    }

    /// Builds the same document as ``document(for:)``, charging the time of each stage from
    /// ``ExtractionStage/scalars`` to ``ExtractionStage/statistics`` to `meter` (the first lap
    /// runs from the meter's previous lap) and counting the tokens cut.
    public func document(for input: Input, meter: inout ExtractionMeter) -> ArticleDocument {
        let scalars = ScalarText.scalars(of: input.text)
        meter.lap(.scalars)
        let paragraphs = ParagraphSegmenter.paragraphs(in: scalars)
        let sentences = SentenceSegmenter.sentences(in: scalars)
        meter.lap(.segment)
        let tokens = tokenizer.tokens(in: scalars)
        meter.count(tokens: tokens.count)
        meter.lap(.tokenise)
        let mentions = recognizer.mentions(in: tokens, scalars: scalars)
        let normalizer = tokenizer.normalizer

        let entities = mentions.map { mention in
            let surface = String(String.UnicodeScalarView(scalars[mention.range.start..<mention.range.end]))
            return ArticleDocument.Entity(
                type: mention.type.rawValue, text: surface, normalized: normalizer.normalize(surface),
                start: mention.range.start, end: mention.range.end, confidence: mention.confidence,
                canonical: mention.canonical)
        }
        var index: [String: ArticleDocument.EntityIndexEntry] = [:]
        var order: [String] = []
        for mention in mentions {
            let key = mention.type.rawValue + "\u{1F}" + mention.canonical
            if index[key] == nil {
                order.append(key)
                index[key] = .init(canonical: mention.canonical, type: mention.type.rawValue, mentions: 0, titles: [])
            }
            index[key]!.mentions += 1
            if let title = mention.title, !index[key]!.titles.contains(title) { index[key]!.titles.append(title) }
        }
        meter.lap(.entities)
        let numbers = tokens.filter { $0.kind == .number }.map { token in
            ArticleDocument.NumberMention(
                text: token.surface, start: token.range.start, end: token.range.end,
                value: Double(normalizer.normalize(token.surface)))
        }
        meter.lap(.numbers)
        let language = LanguageIdentifier.identify(scalars)
        meter.lap(.language)
        var letters = 0
        var arabicLetters = 0
        for scalar in scalars where AlphabeticScalarTable.isAlphabetic(scalar) {
            letters += 1
            if ScalarClass.isArabicLetter(scalar.value) { arabicLetters += 1 }
        }
        let document = ArticleDocument(
            schemaVersion: PipelineVersion.schemaVersion,
            id: "sha256:" + input.sha256,
            source: .init(
                path: input.sourcePath, name: input.sourceName, bytes: input.bytes, sha256: input.sha256,
                format: input.format, encoding: input.encoding, receivedAt: input.receivedAt),
            language: language,
            title: input.title,
            text: input.text,
            paragraphs: paragraphs,
            sentences: sentences,
            entities: entities,
            entityIndex: order.map { index[$0]! },
            numbers: numbers,
            stats: .init(
                characters: scalars.count, words: tokens.count { $0.kind == .arabicWord || $0.kind == .latinWord },
                sentences: sentences.count, paragraphs: paragraphs.count,
                arabicRatio: letters == 0 ? 0 : Double(arabicLetters) / Double(letters)),
            pipeline: .init(
                version: PipelineVersion.current, model: EntityRecognizer.modelName,
                normalization: normalizer.profile.name, stageMs: input.stageMs))
        meter.lap(.statistics)
        return document
    }
}
