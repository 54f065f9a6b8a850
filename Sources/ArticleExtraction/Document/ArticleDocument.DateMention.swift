// SPDX-License-Identifier: GPL-2.0-or-later

extension ArticleDocument {
    /// A date or time expression of the text (`dates`), resolved where the text allows.
    ///
    /// `value` is ISO 8601 at the precision the text gives: `2015-08-10` (day), `2015-W33` (ISO
    /// week), `2015-08` (month), `2015` (year); a clock time is `T18:00` with its zone offset when
    /// the text names one (`T18:00+03:00`), or a full date-time when a date stands next to it
    /// (`2015-08-12T18:00+03:00`). A Hijri month or year keeps Hijri numbering (`1436-09`, `1436`;
    /// calendar `hijri`): it has no Gregorian equivalent at that precision; a Hijri day is given as
    /// its Gregorian day (Umm al-Qura). Vague expressions (`الأيام الماضية`, `حاليا`) have no value.
    public struct DateMention: Codable, Sendable, Equatable {
        /// The expression as it stands in `text[start..<end]`.
        public var text: String
        public var start: Int
        public var end: Int
        /// ISO 8601 (see the type's documentation); `nil` for a vague expression.
        public var value: String?
        /// `day`, `week`, `month`, `year` or `time`; `nil` with `value`.
        public var precision: String?
        /// `gregorian` or `hijri`: the calendar the text wrote the date in.
        public var calendar: String
        /// True when the value was resolved against the publication date (أمس، الشهر الماضي، a
        /// weekday alone) or is vague; false when the text spells the date out.
        public var relative: Bool

        enum CodingKeys: String, CodingKey {
            case text, start, end, value, precision, calendar, relative
        }

        public init(
            text: String, start: Int, end: Int, value: String?, precision: String?, calendar: String, relative: Bool
        ) {
            self.text = text
            self.start = start
            self.end = end
            self.value = value
            self.precision = precision
            self.calendar = calendar
            self.relative = relative
        }

        /// Encodes `value` and `precision` as `null` when absent (the keys are always present).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(value, forKey: .value)
            try container.encode(precision, forKey: .precision)
            try container.encode(calendar, forKey: .calendar)
            try container.encode(relative, forKey: .relative)
        }
    }
}
