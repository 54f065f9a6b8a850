// SPDX-License-Identifier: GPL-2.0-or-later

extension PageDocument {
    /// A characteristic term (`keywords`), best first.
    public struct Keyword: Codable, Sendable, Equatable {
        public var term: String
        public var score: Double

        public init(term: String, score: Double) {
            self.term = term
            self.score = score
        }
    }
}
