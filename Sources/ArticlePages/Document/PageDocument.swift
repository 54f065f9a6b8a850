// SPDX-License-Identifier: GPL-2.0-or-later

/// A document of the output tree as the pages read it (DESIGN section 4, `schema_version` 1).
///
/// Decoding is lenient where the format grew: `dates`, `quotes`, `keywords`, `summary`, `published`,
/// `entity_index`, `paragraphs`, `sentences` and `metadata` may be absent (documents written before
/// they existed) and then read as empty. `id`, `text` and `source` are required. Offsets are
/// Unicode scalar offsets into ``text``, half-open; they are not checked here (the renderer drops
/// spans that do not fit the text).
public struct PageDocument: Decodable, Sendable, Equatable {
    public var schemaVersion: Int
    /// `sha256:<hex>` of the input bytes.
    public var id: String
    public var source: Source
    public var language: Language
    public var title: String?
    public var text: String
    public var paragraphs: [ScalarSpan]
    public var sentences: [ScalarSpan]
    public var entities: [Entity]
    public var entityIndex: [IndexEntry]
    public var dates: [DateMention]
    public var quotes: [Quote]
    public var keywords: [Keyword]
    /// Indices into ``sentences``.
    public var summary: [Int]
    public var metadata: Metadata
    public var published: Published?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id, source, language, title, text, paragraphs, sentences, entities
        case entityIndex = "entity_index"
        case dates, quotes, keywords, summary, metadata, published
    }

    public init(
        id: String, source: Source, language: Language, title: String?, text: String,
        paragraphs: [ScalarSpan] = [], sentences: [ScalarSpan] = [], entities: [Entity] = [],
        entityIndex: [IndexEntry] = [], dates: [DateMention] = [], quotes: [Quote] = [], keywords: [Keyword] = [],
        summary: [Int] = [], metadata: Metadata = Metadata(), published: Published? = nil
    ) {
        schemaVersion = 1
        self.id = id
        self.source = source
        self.language = language
        self.title = title
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.entities = entities
        self.entityIndex = entityIndex
        self.dates = dates
        self.quotes = quotes
        self.keywords = keywords
        self.summary = summary
        self.metadata = metadata
        self.published = published
    }

    /// Reads a document; throws `DecodingError` when `id`, `text` or `source` is missing or a
    /// present field has the wrong shape.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? 1
        id = try c.decode(String.self, forKey: .id)
        source = try c.decode(Source.self, forKey: .source)
        language = try c.decodeIfPresent(Language.self, forKey: .language) ?? Language(code: "und")
        title = try c.decodeIfPresent(String.self, forKey: .title)
        text = try c.decode(String.self, forKey: .text)
        paragraphs = try c.decodeIfPresent([ScalarSpan].self, forKey: .paragraphs) ?? []
        sentences = try c.decodeIfPresent([ScalarSpan].self, forKey: .sentences) ?? []
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        entityIndex = try c.decodeIfPresent([IndexEntry].self, forKey: .entityIndex) ?? []
        dates = try c.decodeIfPresent([DateMention].self, forKey: .dates) ?? []
        quotes = try c.decodeIfPresent([Quote].self, forKey: .quotes) ?? []
        keywords = try c.decodeIfPresent([Keyword].self, forKey: .keywords) ?? []
        summary = try c.decodeIfPresent([Int].self, forKey: .summary) ?? []
        metadata = try c.decodeIfPresent(Metadata.self, forKey: .metadata) ?? Metadata()
        published = try c.decodeIfPresent(Published.self, forKey: .published)
    }
}
