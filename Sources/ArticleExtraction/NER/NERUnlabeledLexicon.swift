// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What the unlabelled corpus contributes to the model's lexicon: how often each word form occurs
/// as a whole token, and the word clusters (ids at the finest granularity, with each cluster's
/// parent in every coarser clustering). Made by ``NERClusterBuilder``.
public struct NERUnlabeledLexicon: Sendable {
    /// Whole-token counts by normalised form hash (``FeatureHash/word(_:from:)``).
    var counts: [UInt64: Int32]
    /// Finest cluster id by lexical form hash.
    var clusters: [UInt64: UInt16]
    /// `parents[id * levels + level]`.
    var parents: [UInt16]
    var levels: Int
    /// How it was made (corpus, sizes, options), one line each.
    public var description: [String]

    init(counts: [UInt64: Int32], clusters: [UInt64: UInt16], parents: [UInt16], levels: Int, description: [String]) {
        self.counts = counts
        self.clusters = clusters
        self.parents = parents
        self.levels = levels
        self.description = description
    }
}
