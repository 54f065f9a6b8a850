// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Cuts a long text into windows for quotation finding and speaker resolution, whose look-backs
/// (the last person named before a verb, a fuller name earlier in the text) make their cost grow
/// with the square of the text. A news article (a few hundred to a few thousand tokens) is one
/// window, so its quotations are what they always were; a 16 MiB input is cut into windows of whole
/// paragraphs of at most ``limit`` tokens (``TokenWindows``), and its cost grows linearly with its length. A speaker is
/// then resolved within its window only. A paragraph longer than the limit is cut at the limit.
///
/// Pure: token index ranges only.
enum QuotationWindows {
    /// Tokens per window: well above any news article (the longest of the 1,000 SaudiNewsNet articles
    /// has 2,562 words).
    static let limit = 8192

    /// Consecutive token ranges covering `tokens`, each at most `limit` tokens, cut only at
    /// paragraph starts unless a paragraph alone is longer.
    static func windows(_ tokens: [Token], paragraphs: [ScalarRange], limit: Int = limit) -> [Range<Int>] {
        precondition(limit > 0)
        guard tokens.count > limit else { return [0..<tokens.count] }
        // The token index where each paragraph after the first starts.
        var cuts: [Int] = []
        var k = 0
        for paragraph in paragraphs.dropFirst() {
            while k < tokens.count && tokens[k].range.start < paragraph.start { k += 1 }
            if k > 0 && k < tokens.count && cuts.last != k { cuts.append(k) }
        }
        return TokenWindows.windows(count: tokens.count, cuts: cuts, limit: limit)
    }
}
