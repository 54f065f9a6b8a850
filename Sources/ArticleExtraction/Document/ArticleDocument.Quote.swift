// SPDX-License-Identifier: GPL-2.0-or-later

extension ArticleDocument {
    /// A quotation (`quotes`): who said what, introduced by which verb, direct or reported.
    ///
    /// The speaker is the mention nearest the verb in its sentence (`speaker`, with its offsets),
    /// `nil` when the sentence does not name one (`وأضاف أن …`); `speaker_canonical` is whom it
    /// resolves to: the entity's canonical name, the person a title or honorific stands for, or the
    /// last speaker of the paragraph or the one before for an implicit speaker.
    public struct Quote: Codable, Sendable, Equatable {
        /// The speaker mention as written; `nil` when implicit.
        public var speaker: String?
        public var speakerStart: Int?
        public var speakerEnd: Int?
        /// The speaker resolved: a canonical entity name or a description (`مصدر أمني`); `nil` when
        /// nothing could be resolved.
        public var speakerCanonical: String?
        /// `PERSON`, `ORGANIZATION` or `LOCATION` (a country speaking); `nil` when unknown.
        public var speakerType: String?
        /// The verb of saying as written, proclitics included and tashkeel removed: `وأضاف`, `مشيرا`,
        /// `بقوله`.
        public var verb: String
        public var verbStart: Int
        public var verbEnd: Int
        /// The quoted words, `text[start..<end]`.
        public var text: String
        public var start: Int
        public var end: Int
        /// True for the speaker's own words (in quotation marks, or after a colon), false for
        /// reported speech (after إن/أن/بأن).
        public var direct: Bool

        enum CodingKeys: String, CodingKey {
            case speaker
            case speakerStart = "speaker_start"
            case speakerEnd = "speaker_end"
            case speakerCanonical = "speaker_canonical"
            case speakerType = "speaker_type"
            case verb
            case verbStart = "verb_start"
            case verbEnd = "verb_end"
            case text, start, end, direct
        }

        public init(
            speaker: String?, speakerStart: Int?, speakerEnd: Int?, speakerCanonical: String?, speakerType: String?,
            verb: String, verbStart: Int, verbEnd: Int, text: String, start: Int, end: Int, direct: Bool
        ) {
            self.speaker = speaker
            self.speakerStart = speakerStart
            self.speakerEnd = speakerEnd
            self.speakerCanonical = speakerCanonical
            self.speakerType = speakerType
            self.verb = verb
            self.verbStart = verbStart
            self.verbEnd = verbEnd
            self.text = text
            self.start = start
            self.end = end
            self.direct = direct
        }

        /// Encodes every key, absent values as `null`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(speaker, forKey: .speaker)
            try container.encode(speakerStart, forKey: .speakerStart)
            try container.encode(speakerEnd, forKey: .speakerEnd)
            try container.encode(speakerCanonical, forKey: .speakerCanonical)
            try container.encode(speakerType, forKey: .speakerType)
            try container.encode(verb, forKey: .verb)
            try container.encode(verbStart, forKey: .verbStart)
            try container.encode(verbEnd, forKey: .verbEnd)
            try container.encode(text, forKey: .text)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(direct, forKey: .direct)
        }
    }
}
