// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Counts, over a background corpus, how many documents hold each ``KeywordTerms`` term. Pure: the
/// caller feeds tokenised documents.
public struct DocumentFrequencyCounter: Sendable {
    public private(set) var documents = 0
    private var counts: [String: Int32] = [:]

    public init() {}

    /// Counts the terms of one document (each term once, however often it occurs).
    public mutating func add(_ tokens: [Token]) {
        documents += 1
        var seen = Set<String>()
        KeywordTerms.keys(KeywordTerms.words(tokens)) { key, _, _ in seen.insert(key) }
        for key in seen { counts[key, default: 0] += 1 }
    }

    /// The table, keeping single words held by at least `minimumWord` documents and pairs held by at
    /// least `minimumPair`.
    public func table(minimumWord: Int32, minimumPair: Int32) -> DocumentFrequencies {
        DocumentFrequencies(
            documents: documents,
            counts: counts.filter { $0.value >= ($0.key.contains(" ") ? minimumPair : minimumWord) })
    }
}
