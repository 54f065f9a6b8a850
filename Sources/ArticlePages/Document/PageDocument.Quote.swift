// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// A quotation (`quotes`): the quoted words `[start, end)` and who said them.
    public struct Quote: Codable, Sendable, Equatable {
        /// The speaker mention as written; `nil` when implicit.
        public var speaker: String?
        /// Offsets of the speaker mention; `nil` when implicit.
        public var speakerStart: Int?
        public var speakerEnd: Int?
        /// The speaker resolved (canonical name or description); `nil` when unresolved.
        public var speakerCanonical: String?
        /// `PERSON`, `ORGANIZATION` or `LOCATION`; `nil` when unknown.
        public var speakerType: String?
        public var verb: String?
        public var text: String
        public var start: Int
        public var end: Int
        /// True for the speaker's own words, false for reported speech; `nil` when absent.
        public var direct: Bool?

        enum CodingKeys: String, CodingKey {
            case speaker
            case speakerStart = "speaker_start"
            case speakerEnd = "speaker_end"
            case speakerCanonical = "speaker_canonical"
            case speakerType = "speaker_type"
            case verb, text, start, end, direct
        }

        public init(
            speaker: String?, speakerCanonical: String?, speakerType: String? = nil, verb: String? = nil, text: String,
            start: Int, end: Int, direct: Bool? = nil, speakerStart: Int? = nil, speakerEnd: Int? = nil
        ) {
            self.speaker = speaker
            self.speakerStart = speakerStart
            self.speakerEnd = speakerEnd
            self.speakerCanonical = speakerCanonical
            self.speakerType = speakerType
            self.verb = verb
            self.text = text
            self.start = start
            self.end = end
            self.direct = direct
        }

        /// Whom to name for this quotation: the resolved speaker, else the mention, else `nil`.
        public var speakerName: String? {
            if let canonical = speakerCanonical, !canonical.isEmpty { return canonical }
            if let speaker, !speaker.isEmpty { return speaker }
            return nil
        }
    }
}
