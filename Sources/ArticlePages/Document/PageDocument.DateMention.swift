// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// A date or time expression (`dates`).
    public struct DateMention: Codable, Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        /// ISO 8601 at the text's precision; `nil` for a vague expression.
        public var value: String?
        /// `day`, `week`, `month`, `year` or `time`.
        public var precision: String?
        /// `gregorian` or `hijri`; `nil` when absent.
        public var calendar: String?
        public var relative: Bool?

        public init(
            text: String, start: Int, end: Int, value: String?, precision: String? = nil, calendar: String? = nil,
            relative: Bool? = nil
        ) {
            self.text = text
            self.start = start
            self.end = end
            self.value = value
            self.precision = precision
            self.calendar = calendar
            self.relative = relative
        }
    }
}
