// SPDX-License-Identifier: GPL-2.0-or-later

extension ArticleDocument {
    /// When the article was published, and where that came from (`published`): the date relative
    /// expressions are resolved against.
    public struct Published: Codable, Sendable, Equatable {
        /// Where the value came from.
        public enum Source: String, Codable, Sendable {
            /// The input's metadata (`metadata.published`), parsed.
            case metadata
            /// A dateline at the head of the text (`الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`).
            case dateline
            /// The time the daemon took the file (`source.received_at`).
            case received
        }

        /// ISO 8601: a date-time when the source gives a time (`2015-07-21T02:51:32+03:00`,
        /// `2026-11-29T10:04:43.120Z`), else a day (`2015-08-10`).
        public var value: String
        public var source: Source

        enum CodingKeys: String, CodingKey {
            case value, source
        }

        public init(value: String, source: Source) {
            self.value = value
            self.source = source
        }
    }
}
