// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// The publication date relative dates were resolved against (`published`).
    public struct Published: Codable, Sendable, Equatable {
        /// ISO 8601 date or date-time.
        public var value: String
        /// `metadata`, `dateline` or `received`.
        public var source: String

        public init(value: String, source: String) {
            self.value = value
            self.source = source
        }
    }
}
