// SPDX-License-Identifier: GPL-2.0-or-later

/// Splits a text into sentences with a hand-written scanner (no regular expressions).
///
/// Rules, applied line by line (a line end always closes a sentence):
/// - `.` `!` `?` `؟` (and U+06D4 ARABIC FULL STOP, `…`, `‼`, `⁇`–`⁉`) end a sentence, also when no
///   space follows (`الليبية .وفي` splits between `.` and `وفي`). A run of end marks and closing
///   brackets or quotes after it (`?!`, `...`, `.»`, `.)`) stays with the sentence.
/// - `،` `؛` `:` never end a sentence.
/// - A `.` does not end a sentence between two digits (`3.5`), after a list number at the start of
///   a sentence (`1.`), after a single Latin letter (`U.S.`, `J. Smith`), after a Latin
///   abbreviation (`Dr.`, `Mr.`, `etc.`, `Inc.`, ...), when a Latin letter or digit follows it
///   immediately (`example.com`), when the next word starts with a lowercase Latin letter, or
///   after the Arabic title abbreviations `د.` (doctor) and `أ.` (professor) standing alone.
/// - URLs (`http://`, `https://`, `www.`) are skipped up to the next whitespace.
/// - Inside a quotation in «» or “” (matched within the line, curly quotes in either direction,
///   as Arabic text often writes ” for an opening quote) end marks do not end the sentence;
///   when the quotation itself ends with an end mark (`«...انتهى.»`), the sentence ends after
///   the closing quote. An unmatched quote mark is ignored.
/// - A sentence needs some content before its end mark: a line starting with `.` does not yield
///   a sentence of its own.
///
/// Ranges are trimmed of blanks and invisible format characters, non-overlapping and in order;
/// together they cover every non-blank scalar of the text.
public enum SentenceSegmenter {
    /// Sentence ranges in scalar offsets of `scalars`, half-open `[start, end)`.
    public static func sentences(in scalars: [Unicode.Scalar]) -> [ScalarRange] {
        var result = [ScalarRange]()
        scalars.withUnsafeBufferPointer { s in
            let n = s.count
            var lineStart = 0
            var lineHasQuotes = false
            var i = 0
            while i < n {
                let v = s[i].value
                if v &- 0x0621 < 0x2A || v == 0x20 {  // Arabic letters and spaces, the common case
                    i += 1
                    continue
                }
                if ScalarClass.isLineBreak(v) {
                    if i > lineStart { segmentLine(s, lineStart, i, quotes: lineHasQuotes, into: &result) }
                    lineStart = i + 1
                    lineHasQuotes = false
                } else if isQuoteMark(v) {
                    lineHasQuotes = true
                }
                i += 1
            }
            if n > lineStart { segmentLine(s, lineStart, n, quotes: lineHasQuotes, into: &result) }
        }
        return result
    }

    /// The sentences of the line `[lineStart, lineEnd)`; `quotes` when it holds a quote mark.
    private static func segmentLine(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ lineStart: Int, _ lineEnd: Int, quotes: Bool,
        into result: inout [ScalarRange]
    ) {
        let quotePairs = quotes ? matchQuotes(s, lineStart, lineEnd) : [:]
        var sentenceStart = lineStart
        var hasContent = false
        var quoteEnd = -1
        var i = lineStart
        while i < lineEnd {
            let v = s[i].value
            if i < quoteEnd {
                i += 1
                continue
            }
            var closes = false
            if i == quoteEnd {
                quoteEnd = -1
                closes = endsWithTerminator(s, before: i, after: sentenceStart)
            } else if v &- 0x0621 < 0x2A {
                hasContent = true  // an Arabic letter (the common case): no mark, quote, URL or space
            } else if Self.isQuoteMark(v), let close = quotePairs[i] {
                quoteEnd = close
                hasContent = true
            } else if let urlEnd = urlEnd(s, at: i, lineStart, lineEnd) {
                hasContent = true
                i = urlEnd
                continue
            } else if ScalarClass.isSentenceTerminator(v) {
                closes = hasContent && !(v == 0x2E && isNonFinalPeriod(s, at: i, sentenceStart, lineEnd))
            } else if !ScalarClass.isSpace(v) {
                hasContent = true
            }
            if closes {
                let end = clusterEnd(s, from: i + 1, lineEnd)
                emit(s, sentenceStart, end, into: &result)
                sentenceStart = end
                hasContent = false
                i = end
            } else {
                i += 1
            }
        }
        emit(s, sentenceStart, lineEnd, into: &result)
    }

    private static func emit(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, into result: inout [ScalarRange]
    ) {
        if let range = ParagraphSegmenter.trimmed(s, start, end) { result.append(range) }
    }

    /// End (exclusive) of the run of end marks and closing marks starting at `from`.
    private static func clusterEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from: Int, _ lineEnd: Int) -> Int {
        var k = from
        while k < lineEnd {
            let v = s[k].value
            if ScalarClass.isSentenceTerminator(v) || ScalarClass.isClosingMark(v) {
                k += 1
            } else {
                break
            }
        }
        return k
    }

    /// True when the last non-blank scalar before the closing quote at `i` (after `start`) is an end mark.
    private static func endsWithTerminator(_ s: UnsafeBufferPointer<Unicode.Scalar>, before i: Int, after start: Int)
        -> Bool
    {
        var j = i - 1
        while j > start && ScalarClass.isBlank(s[j].value) { j -= 1 }
        return j > start && ScalarClass.isSentenceTerminator(s[j].value)
    }

    private enum QuoteKind { case guillemet, reversedGuillemet, curly }

    @inline(__always)
    private static func isQuoteMark(_ v: UInt32) -> Bool {
        v == 0xAB || v == 0xBB || v == 0x201C || v == 0x201D || v == 0x201E
    }

    /// Matching quote pairs in the line: opening offset -> closing offset.
    private static func matchQuotes(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> [Int: Int] {
        var pairs = [Int: Int]()
        var stack = [(Int, QuoteKind)]()
        var i = start
        while i < end {
            let v = s[i].value
            if isQuoteMark(v) {
                let canOpen = i + 1 < end && !ScalarClass.isSpace(s[i + 1].value)
                let canClose = i > start && !ScalarClass.isSpace(s[i - 1].value)
                let top = stack.last?.1
                switch v {
                case 0xAB:
                    if top == .reversedGuillemet && canClose {
                        pairs[stack.removeLast().0] = i
                    } else if canOpen {
                        stack.append((i, .guillemet))
                    }
                case 0xBB:
                    if top == .guillemet && canClose {
                        pairs[stack.removeLast().0] = i
                    } else if canOpen && !canClose {
                        stack.append((i, .reversedGuillemet))
                    }
                default:
                    if top == .curly && canClose {
                        pairs[stack.removeLast().0] = i
                    } else if canOpen {
                        stack.append((i, .curly))
                    }
                }
            }
            i += 1
        }
        return pairs
    }

    /// If a URL starts at `i`, the offset of the whitespace (or line end) that ends it.
    static func urlEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, _ lineStart: Int, _ lineEnd: Int) -> Int? {
        let v = s[i].value | 0x20
        guard v == 0x68 || v == 0x77 else { return nil }  // h, w
        if i > lineStart && ScalarClass.isASCIIAlphanumeric(s[i - 1].value) { return nil }
        guard urlPrefixLength(s, at: i, lineEnd) > 0 else { return nil }
        var k = i
        while k < lineEnd && !ScalarClass.isSpace(s[k].value) { k += 1 }
        return k
    }

    /// Length of `http://`, `https://` or `www.` (ASCII case-insensitive) at `i`, or 0.
    static func urlPrefixLength(_ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, _ end: Int) -> Int {
        for prefix in urlPrefixes {
            if i + prefix.count >= end { continue }  // a URL needs something after its prefix
            var matches = true
            for (k, c) in prefix.enumerated() where s[i + k].value | (c >= 0x61 ? 0x20 : 0) != c {
                matches = false
                break
            }
            if matches { return prefix.count }
        }
        return 0
    }

    private static let urlPrefixes: [[UInt32]] = ["https://", "http://", "www."].map { $0.unicodeScalars.map(\.value) }

    /// True when the `.` at `i` is not a sentence end (numbers, list numbers, abbreviations, domains).
    private static func isNonFinalPeriod(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, _ sentenceStart: Int, _ lineEnd: Int
    ) -> Bool {
        let prev: UInt32 = i > sentenceStart ? s[i - 1].value : 0x20
        let next: UInt32 = i + 1 < lineEnd ? s[i + 1].value : 0x20
        if ScalarClass.isDigit(prev) {
            if ScalarClass.isDigit(next) { return true }
            // "1." opening a list item: only digits (at most 3) since the sentence start.
            var j = i - 1
            while j >= sentenceStart && ScalarClass.isDigit(s[j].value) { j -= 1 }
            let k = ParagraphSegmenter.trimmed(s, sentenceStart, i)?.start ?? i
            return j < k && i - k <= 3
        }
        if ScalarClass.isLatinLetter(prev) {
            if ScalarClass.isASCIIAlphanumeric(next) { return true }
            var j = i - 1
            while j >= sentenceStart && ScalarClass.isLatinLetter(s[j].value) { j -= 1 }
            let wordLength = i - 1 - j
            if wordLength == 1 { return true }
            if wordLength <= 6 {
                var word = ""
                for k in (j + 1)..<i { word.unicodeScalars.append(s[k]) }
                if latinAbbreviations.contains(word.lowercased()) { return true }
            }
            var k = i + 1
            while k < lineEnd && ScalarClass.isBlank(s[k].value) { k += 1 }
            if k < lineEnd {
                let w = s[k].value
                if w >= 0x61 && w <= 0x7A { return true }
            }
            return false
        }
        if prev == 0x062F || prev == 0x0623 {  // د. and أ. as title abbreviations
            let before: UInt32 = i - 2 >= sentenceStart ? s[i - 2].value : 0x20
            if !ScalarClass.isArabicWordScalar(before) && (ScalarClass.isBlank(next) || next == 0x2E || next == 0x062F)
            {
                return true
            }
        }
        return false
    }

    /// Latin abbreviations that do not end a sentence (lowercased, without the period).
    static let latinAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "inc", "ltd", "co", "corp",
        "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "pres", "no", "nos", "vol", "fig", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "al", "approx",
        "dept", "est", "mme", "mlle", "av", "ave", "blvd", "cf", "ie", "eg", "ph", "op", "pp",
    ]
}
