/// The JSON document written for one article (`schema_version` 1; JSON Schema in
/// `schema/article.schema.json`). Offsets are Unicode scalar offsets into ``text``, half-open.
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
    public var numbers: [NumberMention]
    public var stats: Stats
    public var pipeline: PipelineInfo

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id, source, language, title, text, paragraphs, sentences, entities
        case entityIndex = "entity_index"
        case numbers, stats, pipeline
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

        enum CodingKeys: String, CodingKey {
            case path, name, bytes, sha256, format, encoding
            case receivedAt = "received_at"
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

    /// A number as written (Western or Arabic-Indic digits, `5+5`), with its value when it is one.
    public struct NumberMention: Codable, Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        public var value: Double?
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
        /// Entity model in use, e.g. `gazetteer-rules-1`.
        public var model: String
        /// Normalisation profile name of the `normalized` fields.
        public var normalization: String
        /// Milliseconds spent per stage before the write (`read`, `decode`, `extract`).
        public var stageMs: [String: Double]

        enum CodingKeys: String, CodingKey {
            case version, model, normalization
            case stageMs = "stage_ms"
        }
    }
}
