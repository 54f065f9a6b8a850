// SPDX-License-Identifier: GPL-2.0-or-later

/// Packs a long token sequence into consecutive windows of at most a given number of tokens, cut
/// only at allowed places (paragraph or line starts) unless one unit alone is longer than the
/// limit, in which case it is cut at the limit.
///
/// The steps whose cost or working memory grows with the whole text (quotation look-backs, the
/// entity model's per-token arrays) run window by window on long inputs, so that a 16 MiB input
/// costs time and memory in proportion to a window, not to itself. A news article is shorter than
/// any limit used and stays one window.
///
/// Pure: token index ranges only.
enum TokenWindows {
    /// Consecutive ranges covering `0..<count`, each at most `limit` tokens, greedily packed and
    /// cut only at indices in `cuts` (ascending, each in `1..<count`) unless a stretch between two
    /// cuts is longer than `limit`. One range `0..<count` when `count <= limit`.
    static func windows(count: Int, cuts: [Int], limit: Int) -> [Range<Int>] {
        precondition(limit > 0)
        guard count > limit else { return [0..<count] }
        var windows: [Range<Int>] = []
        var start = 0
        var end = 0
        for cut in cuts + [count] where cut > end {
            if cut - start > limit && end > start {
                windows.append(start..<end)
                start = end
            }
            while cut - start > limit {
                windows.append(start..<(start + limit))
                start += limit
            }
            end = cut
        }
        if end > start { windows.append(start..<end) }
        return windows
    }
}
