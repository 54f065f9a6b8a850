// SPDX-License-Identifier: GPL-2.0-or-later

/// One article of the hand-labelled quotation and date set (`eval/quotes-dates/labels.jsonl`, one
/// JSON object per line; the format and guidelines are in that folder's README.md). Offsets are
/// Unicode scalar offsets into the document `text` of the file, half-open.
public struct QuoteDateLabels: Codable, Sendable, Equatable {
    public struct Quote: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var direct: Bool
        public var verb: String
        public var verbStart: Int
        public var verbEnd: Int
        /// The canonical speaker (fullest name, no titles; or the organisation or description).
        public var speaker: String
        public var speakerStart: Int?
        public var speakerEnd: Int?
        /// `before`, `after` or `implicit`.
        public var speakerPosition: String
        /// `person`, `organization`, `location` or `other`.
        public var speakerKind: String

        enum CodingKeys: String, CodingKey {
            case start, end, direct, verb
            case verbStart = "verb_start"
            case verbEnd = "verb_end"
            case speaker
            case speakerStart = "speaker_start"
            case speakerEnd = "speaker_end"
            case speakerPosition = "speaker_position"
            case speakerKind = "speaker_kind"
        }
    }

    public struct Date: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        /// ISO 8601 at `precision`; `nil` for a vague expression.
        public var value: String?
        /// `day`, `week`, `month`, `year`; `nil` when vague.
        public var precision: String?
        public var calendar: String
        public var relative: Bool
    }

    /// File name in `articles/saudinewsnet` of the shared data.
    public var file: String
    public var source: String
    /// `YYYY-MM-DD`: the publication date relative expressions were resolved against.
    public var referenceDate: String
    public var quotes: [Quote]
    public var dates: [Date]

    enum CodingKeys: String, CodingKey {
        case file, source
        case referenceDate = "reference_date"
        case quotes, dates
    }
}
