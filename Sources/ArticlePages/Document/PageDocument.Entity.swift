// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// One entity mention (`entities`).
    public struct Entity: Codable, Sendable, Equatable {
        /// `PERSON`, `LOCATION`, `ORGANIZATION` or `MISC`.
        public var type: String
        public var text: String
        public var start: Int
        public var end: Int
        /// 0...1; `nil` when absent.
        public var confidence: Double?
        /// The entity this mention refers to; `nil` when absent (then the mention's text stands for it).
        public var canonical: String?

        public init(
            type: String, text: String, start: Int, end: Int, confidence: Double? = nil, canonical: String? = nil
        ) {
            self.type = type
            self.text = text
            self.start = start
            self.end = end
            self.confidence = confidence
            self.canonical = canonical
        }
    }

    /// All mentions of one entity (`entity_index`).
    public struct IndexEntry: Codable, Sendable, Equatable {
        public var canonical: String
        public var type: String
        public var mentions: Int
        public var titles: [String]

        public init(canonical: String, type: String, mentions: Int, titles: [String] = []) {
            self.canonical = canonical
            self.type = type
            self.mentions = mentions
            self.titles = titles
        }

        enum CodingKeys: String, CodingKey {
            case canonical, type, mentions, titles
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            canonical = try c.decode(String.self, forKey: .canonical)
            type = try c.decode(String.self, forKey: .type)
            mentions = try c.decodeIfPresent(Int.self, forKey: .mentions) ?? 0
            titles = try c.decodeIfPresent([String].self, forKey: .titles) ?? []
        }
    }
}
