// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What ``NERTagger`` made of an article: its lines, the facts of its tokens, the tags of both
/// stages, and the entity spans of the final tags with their probabilities.
struct NERTagging: Sendable {
    /// Token ranges of the lines.
    var lines: [Range<Int>]
    var infos: [NERTokenInfo]
    /// First-stage tag index of every token.
    var stage1: [UInt8]
    /// Final tag index of every token.
    var tags: [UInt8]
    /// Spans of ``tags`` (token indices), in order, with their marginal probability under the
    /// final stage (``NERForwardBackward/spanProbability(start:end:type:)``).
    var spans: [(span: IOB2Span, confidence: Double)]
    /// Marginal probability of each token's final tag, when asked for (else empty).
    var tokenConfidence: [Double] = []
}
