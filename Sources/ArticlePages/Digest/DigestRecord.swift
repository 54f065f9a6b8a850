// SPDX-License-Identifier: GPL-2.0-or-later

/// What the digest keeps of one document: decoded from the document JSON without its text,
/// offsets, sentences or numbers, so that tens of thousands of documents fit in little memory.
///
/// Lenient like ``PageDocument``: fields added after the first documents (`quotes`, `keywords`,
/// `published`, `entity_index`) read as empty when absent; `id` and `source` are required.
public struct DigestRecord: Decodable, Sendable, Equatable {
    public var id: String
    public var sourcePath: String
    /// ISO 8601 time the daemon took the file; `nil` when absent.
    public var receivedAt: String?
    public var language: String
    public var title: String?
    /// The outlet the input declared (`metadata.source`).
    public var outlet: String?
    /// `published.value`, else `metadata.published` as declared.
    public var published: String?
    public var entityIndex: [PageDocument.IndexEntry]
    public var quotes: [QuoteSummary]
    /// At most the five best keywords.
    public var keywords: [String]
    /// Set by the reader: the document's path relative to the output root, as components.
    public var documentPath: [String] = []
    /// Set by the reader: the path of its `show` page relative to the output root when one exists
    /// beside the document (`name.html` for `name.json`).
    public var showPagePath: [String]?

    /// One quotation, as the digest needs it.
    public struct QuoteSummary: Sendable, Equatable {
        /// The resolved speaker, else the mention; `nil` when implicit and unresolved.
        public var speaker: String?
        public var speakerType: String?
        /// The quoted words, cut to 200 scalars.
        public var text: String

        public init(speaker: String?, speakerType: String?, text: String) {
            self.speaker = speaker
            self.speakerType = speakerType
            self.text = text
        }
    }

    enum Keys: String, CodingKey {
        case id, source, language, title, metadata, published, quotes, keywords
        case entityIndex = "entity_index"
        case path, code, value, term
        case receivedAt = "received_at"
    }

    public init(
        id: String, sourcePath: String, receivedAt: String?, language: String, title: String?, outlet: String? = nil,
        published: String? = nil, entityIndex: [PageDocument.IndexEntry] = [], quotes: [QuoteSummary] = [],
        keywords: [String] = []
    ) {
        self.id = id
        self.sourcePath = sourcePath
        self.receivedAt = receivedAt
        self.language = language
        self.title = title
        self.outlet = outlet
        self.published = published
        self.entityIndex = entityIndex
        self.quotes = quotes
        self.keywords = keywords
    }

    /// Reads the fields above; throws `DecodingError` when `id` or `source.path` is missing.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .id)
        let source = try c.nestedContainer(keyedBy: Keys.self, forKey: .source)
        sourcePath = try source.decode(String.self, forKey: .path)
        receivedAt = try source.decodeIfPresent(String.self, forKey: .receivedAt)
        language = try c.decodeIfPresent(PageDocument.Language.self, forKey: .language)?.code ?? "und"
        title = try c.decodeIfPresent(String.self, forKey: .title)
        let metadata = try c.decodeIfPresent(PageDocument.Metadata.self, forKey: .metadata)
        outlet = metadata?.source
        published = try c.decodeIfPresent(PageDocument.Published.self, forKey: .published)?.value ?? metadata?.published
        entityIndex = try c.decodeIfPresent([PageDocument.IndexEntry].self, forKey: .entityIndex) ?? []
        quotes = (try c.decodeIfPresent([PageDocument.Quote].self, forKey: .quotes) ?? []).map {
            QuoteSummary(
                speaker: $0.speakerName, speakerType: $0.speakerType,
                text: ArticlePageRenderer.shortened($0.text, to: 200))
        }
        keywords = (try c.decodeIfPresent([PageDocument.Keyword].self, forKey: .keywords) ?? []).prefix(5).map(\.term)
    }
}
