// SPDX-License-Identifier: GPL-2.0-or-later

/// Splits a text into paragraphs: one per non-blank line.
///
/// A line ends at LF, CR, U+0085, U+2028 or U+2029. Each paragraph range is trimmed of the blanks
/// and invisible format characters at its edges (see `ScalarClass.isBlank`); lines holding
/// nothing else are skipped. The news articles we receive put one paragraph per line, so blank
/// lines are not required between paragraphs.
public enum ParagraphSegmenter {
    /// Paragraph ranges in scalar offsets of `scalars`, half-open, non-overlapping, in order.
    public static func paragraphs(in scalars: [Unicode.Scalar]) -> [ScalarRange] {
        var result = [ScalarRange]()
        scalars.withUnsafeBufferPointer { s in
            var lineStart = 0
            let n = s.count
            var i = 0
            while i <= n {
                if i < n && s[i].value &- 0x0621 < 0x2A {  // an Arabic letter: no line break
                    i += 1
                    continue
                }
                if i == n || ScalarClass.isLineBreak(s[i].value) {
                    if let range = trimmed(s, lineStart, i) { result.append(range) }
                    lineStart = i + 1
                }
                i += 1
            }
        }
        return result
    }

    /// `[start, end)` without blanks at either edge, or `nil` when nothing remains.
    static func trimmed(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> ScalarRange? {
        var a = start
        var b = end
        while a < b && ScalarClass.isSpace(s[a].value) { a += 1 }
        while b > a && ScalarClass.isSpace(s[b - 1].value) { b -= 1 }
        return a < b ? ScalarRange(start: a, end: b) : nil
    }
}
