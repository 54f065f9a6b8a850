// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// Where the article came from (`source`); only the fields the pages show.
    public struct Source: Codable, Sendable, Equatable {
        /// Path relative to the inbox, escaped losslessly by the daemon (`%XX`).
        public var path: String
        public var name: String
        /// ISO 8601 UTC time the daemon took the file; `nil` when absent.
        public var receivedAt: String?

        enum CodingKeys: String, CodingKey {
            case path, name
            case receivedAt = "received_at"
        }

        public init(path: String, name: String, receivedAt: String? = nil) {
            self.path = path
            self.name = name
            self.receivedAt = receivedAt
        }
    }
}
