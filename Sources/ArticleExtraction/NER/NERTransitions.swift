// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The tag-to-tag scores of a linear-chain model over the nine ``EntityTag``s: a score for
/// starting a line with each tag, for each pair of consecutive tags (`pair[from * 9 + to]`), and
/// for ending a line with each tag. Pairs and starts that IOB2 forbids (``EntityTag/allows(_:_:)``)
/// score ``forbidden`` whatever was learnt, so decoding never produces them.
struct NERTransitions: Sendable, Equatable {
    static let tags = EntityTag.count
    /// Added to forbidden moves: far below any sum of learnt scores.
    static let forbidden: Float = -1e9

    /// Learnt scores, without the IOB2 constraint.
    var start: [Float]
    var pair: [Float]
    var end: [Float]

    init(start: [Float], pair: [Float], end: [Float]) {
        precondition(start.count == Self.tags && pair.count == Self.tags * Self.tags && end.count == Self.tags)
        self.start = start
        self.pair = pair
        self.end = end
    }

    static let zero = NERTransitions(
        start: [Float](repeating: 0, count: tags), pair: [Float](repeating: 0, count: tags * tags),
        end: [Float](repeating: 0, count: tags))

    /// The scores decoding uses: IOB2-forbidden moves at ``forbidden``.
    struct Constrained: Sendable {
        let start: [Float]
        let pair: [Float]
        let end: [Float]
    }

    /// The scores with the constraint applied.
    var constrained: Constrained { Constrained(start: constrainedStart, pair: constrainedPair, end: end) }

    /// `start` with the constraint applied.
    var constrainedStart: [Float] {
        (0..<Self.tags).map { start[$0] + (EntityTag.allows(nil, EntityTag(index: $0)) ? 0 : Self.forbidden) }
    }

    /// `pair` with the constraint applied.
    var constrainedPair: [Float] {
        (0..<(Self.tags * Self.tags)).map { k in
            pair[k]
                + (EntityTag.allows(EntityTag(index: k / Self.tags), EntityTag(index: k % Self.tags))
                    ? 0 : Self.forbidden)
        }
    }
}
