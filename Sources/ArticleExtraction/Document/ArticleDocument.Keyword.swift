// SPDX-License-Identifier: GPL-2.0-or-later

extension ArticleDocument {
    /// A term that characterises the article against the background corpus (`keywords`).
    public struct Keyword: Codable, Sendable, Equatable {
        /// The term as the article writes it (its most frequent form, conjunctions and prepositions
        /// removed); one to three words, or an entity's canonical name.
        public var term: String
        /// TF-IDF weight, finite and positive; higher is more characteristic. Comparable within one
        /// document only.
        public var score: Double

        enum CodingKeys: String, CodingKey {
            case term, score
        }

        public init(term: String, score: Double) {
            self.term = term
            self.score = score
        }
    }
}
