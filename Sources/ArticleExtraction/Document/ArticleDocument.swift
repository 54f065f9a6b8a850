// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The JSON document written for one article (`schema_version` 1; JSON Schema in
/// `schema/article.schema.json`). Offsets are Unicode scalar offsets into ``text``, half-open.
///
/// The analyzers of an ``ArticleExtractor`` fill it step by step (see ``ArticleAnalysis``).
public struct ArticleDocument: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    /// `sha256:<hex>` of the input bytes: the article's identity.
    public var id: String
    public var source: Source
    public var language: LanguageGuess
    public var title: String?
    /// The decoded article text with newlines normalised to LF; all offsets point into it.
    public var text: String
    public var paragraphs: [ScalarRange]
    public var sentences: [ScalarRange]
    public var entities: [Entity]
    public var entityIndex: [EntityIndexEntry]
    /// Date and time expressions, in text order.
    public var dates: [DateMention]
    /// Quotations with their speakers, in text order.
    public var quotes: [Quote]
    /// Numbers and amounts, in text order.
    public var numbers: [NumberMention]
    /// The terms that characterise the article, best first.
    public var keywords: [Keyword]
    /// Indices into `sentences` of the (at most three) sentences that best represent the article,
    /// in text order.
    public var summary: [Int]
    /// What the input declared about itself; `nil` when it declared nothing.
    public var metadata: Metadata?
    /// The publication date relative dates were resolved against; `nil` only when no source gave
    /// one (no metadata, no dateline, and an unreadable `received_at`).
    public var published: Published?
    public var stats: Stats
    public var pipeline: PipelineInfo

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id, source, language, title, text, paragraphs, sentences, entities
        case entityIndex = "entity_index"
        case dates, quotes, numbers, keywords, summary, metadata, published, stats, pipeline
    }

    /// A document for `article` from `source` with nothing found yet: no paragraphs, sentences,
    /// entities or numbers, an undetermined language, zero statistics, and pipeline facts that the
    /// analyzers and the extractor fill in.
    public init(source: Source, article: ParsedArticle) {
        schemaVersion = PipelineVersion.schemaVersion
        id = "sha256:" + source.sha256
        self.source = source
        language = LanguageGuess(code: "und", script: "Zyyy", confidence: 0)
        title = article.title
        text = article.text
        paragraphs = []
        sentences = []
        entities = []
        entityIndex = []
        dates = []
        quotes = []
        numbers = []
        keywords = []
        summary = []
        metadata = Metadata(article)
        published = nil
        stats = Stats(characters: 0, words: 0, sentences: 0, paragraphs: 0, arabicRatio: 0)
        pipeline = PipelineInfo(version: PipelineVersion.current, model: "none", normalization: "none", stageMs: [:])
    }

    /// Where the article came from.
    public struct Source: Codable, Sendable, Equatable {
        /// Path relative to the inbox, escaped with ``PathEscaper`` (lossless for any bytes).
        public var path: String
        /// Last path component, escaped the same way.
        public var name: String
        /// Input size in bytes.
        public var bytes: Int
        public var sha256: String
        /// `plain`, `html` or `json`.
        public var format: String
        /// The decoder's encoding name, e.g. `utf-8`.
        public var encoding: String
        /// ISO 8601 UTC time the daemon took the file.
        public var receivedAt: String
        /// For HTML, the rule that found the main text (a `MainTextRule` raw value: `article-body`,
        /// `article-element`, `story`, `content-area`, `main-element`, `text-density`, `paragraphs`,
        /// `whole-page`); absent for other formats.
        public var extraction: String?

        enum CodingKeys: String, CodingKey {
            case path, name, bytes, sha256, format, encoding
            case receivedAt = "received_at"
            case extraction
        }

        public init(
            path: String, name: String, bytes: Int, sha256: String, format: String, encoding: String,
            receivedAt: String, extraction: String? = nil
        ) {
            self.extraction = extraction
            self.path = path
            self.name = name
            self.bytes = bytes
            self.sha256 = sha256
            self.format = format
            self.encoding = encoding
            self.receivedAt = receivedAt
        }
    }

    /// What the input declared about itself (HTML meta tags, JSON keys), as given, not interpreted.
    /// Absent keys are omitted, never empty strings.
    public struct Metadata: Codable, Sendable, Equatable {
        /// Canonical URL (JSON `url`; HTML canonical link or `og:url`).
        public var url: String?
        /// Publication date/time as the source wrote it (JSON `published`; HTML
        /// `article:published_time` or the first `<time datetime>`).
        public var published: String?
        /// The publishing outlet (JSON `source`; HTML `og:site_name`).
        public var source: String?
        /// Declared language code (JSON `lang`/`language`/`inLanguage`; HTML `<html lang>`), not checked.
        public var lang: String?
        /// The author or authors as declared (JSON `author`/`creator`, names joined with ", ").
        public var author: String?

        public init(
            url: String? = nil, published: String? = nil, source: String? = nil, lang: String? = nil,
            author: String? = nil
        ) {
            self.url = url
            self.published = published
            self.source = source
            self.lang = lang
            self.author = author
        }

        /// The metadata `article` declared, or `nil` when it declared none (empty strings count as none).
        public init?(_ article: ParsedArticle) {
            func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
            url = given(article.url)
            published = given(article.published)
            source = given(article.source)
            lang = given(article.lang)
            author = given(article.author)
            if url == nil, published == nil, source == nil, lang == nil, author == nil { return nil }
        }
    }

    /// One named-entity mention.
    public struct Entity: Codable, Sendable, Equatable {
        /// `PERSON`, `LOCATION`, `ORGANIZATION` or `MISC`.
        public var type: String
        /// The mention as it stands in `text[start..<end]`.
        public var text: String
        /// The mention in the normalised layer (see `pipeline.normalization`).
        public var normalized: String
        public var start: Int
        public var end: Int
        /// 0...1.
        public var confidence: Double
        /// The name this mention refers to, shared by all mentions of one entity.
        public var canonical: String
    }

    /// All mentions of one entity, with the titles seen before them (اللواء, المشير...).
    public struct EntityIndexEntry: Codable, Sendable, Equatable {
        public var canonical: String
        public var type: String
        public var mentions: Int
        public var titles: [String]
    }

    /// A number or amount as written: digits (Western or Arabic-Indic), number words (خمسة، ثلاثة
    /// آلاف), scale words (مليون), with its unit when one follows (`percent`, an ISO 4217 currency
    /// code such as `USD` or `SAR`, or a measure such as `km`).
    public struct NumberMention: Codable, Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        /// The value, finite; `nil` when the text has none (عشرات، `5+5`) or it does not fit a
        /// `Double` (the text is kept).
        public var value: Double?
        /// `percent`, an ISO 4217 code, or a measure (`km`, `m`, `kg`, `t`, `barrel`...); `nil` for a bare count.
        public var unit: String?

        enum CodingKeys: String, CodingKey {
            case text, start, end, value, unit
        }

        public init(text: String, start: Int, end: Int, value: Double?, unit: String? = nil) {
            self.text = text
            self.start = start
            self.end = end
            self.value = value.flatMap { $0.isFinite ? $0 : nil }
            self.unit = unit
        }

        /// Encodes every key, absent values as `null`; a non-finite value (never stored) as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(value.flatMap { $0.isFinite ? $0 : nil }, forKey: .value)
            try container.encode(unit, forKey: .unit)
        }
    }

    public struct Stats: Codable, Sendable, Equatable {
        /// Unicode scalars in `text`.
        public var characters: Int
        /// Word tokens (Arabic and Latin words).
        public var words: Int
        public var sentences: Int
        public var paragraphs: Int
        /// Share of letters in `text` that are Arabic script, 0...1.
        public var arabicRatio: Double

        enum CodingKeys: String, CodingKey {
            case characters, words, sentences, paragraphs
            case arabicRatio = "arabic_ratio"
        }
    }

    public struct PipelineInfo: Codable, Sendable, Equatable {
        public var version: String
        /// Entity model in use, e.g. `gazetteer-rules-1` (`none` without an entity step).
        public var model: String
        /// Normalisation profile name of the `normalized` fields.
        public var normalization: String
        /// Milliseconds spent per stage before the write: `read`, `decode`, `parse`, each analyzer by
        /// its name (`segment`, `tokens`, `entities`...), and `extract` for all of extraction.
        public var stageMs: StageMilliseconds

        enum CodingKeys: String, CodingKey {
            case version, model, normalization
            case stageMs = "stage_ms"
        }
    }
}
