// SPDX-License-Identifier: GPL-2.0-or-later

/// Cuts a text into tokens with offsets, normalised forms, proclitics and light stems.
///
/// A hand-written scanner over the scalars (no regular expressions). Whitespace and invisible
/// format characters separate tokens and are not tokens. Kinds and their extents are described
/// on `TokenKind`; Arabic words go through `ArabicNormalizer` and the conservative proclitic
/// splitting described on `Token.proclitics` (see `ProcliticSplitter`), then `ArabicLightStemmer`.
///
/// Speed (the tokenizer is most of the text layer's time): words made only of the letters
/// U+0621–U+064A, 98% of news Arabic, take a table-driven path; within one `tokens(in:)` call a
/// token whose kind and scalars were met before is a copy of the first one at its own range, and
/// equal forms share one `String` (`ScalarSequenceCache`). The tokens are the same as without
/// these shortcuts; tests compare the paths.
public struct Tokenizer: Sendable {
    /// The normaliser that makes `Token.normalized`, `base` and `stem`.
    public let normalizer: ArabicNormalizer
    /// Same presentation-form, tashkeel, tatweel and format rules, but letters kept as written:
    /// the proclitic analysis needs hamza on alef (the article is never written with it).
    private let analysis: ArabicNormalizer

    /// `letterMap[v - 0x0621]` is the normalised form of the plain letter `v` (see
    /// `isPlainLetter`): one scalar per letter, made by `normalizer` itself.
    private let letterMap: [UInt32]

    /// Creates a tokenizer that normalises with `normalizer`.
    public init(normalizer: ArabicNormalizer = .init()) {
        self.normalizer = normalizer
        let p = normalizer.profile
        self.analysis = ArabicNormalizer(
            profile: .init(
                presentationForms: p.presentationForms, tashkeel: true, tatweel: true, alef: false,
                alefMaqsura: false, taMarbuta: false, digits: false, formatCharacters: true))
        self.letterMap = (UInt32(0x0621)...0x064A).map { v in
            var out = [UInt32]()
            normalizer.append(v, to: &out)
            return out.count == 1 ? out[0] : v  // only U+0640 tatweel (never plain) maps to nothing
        }
    }

    /// The Arabic letters U+0621–U+064A except U+0640 tatweel: letters that the normaliser maps
    /// one to one, that are never marks, and that the proclitic analysis keeps as written.
    @inline(__always)
    static func isPlainLetter(_ v: UInt32) -> Bool { v &- 0x0621 < 0x2A && v != 0x0640 }

    /// The tokens of `scalars`, in order, with ranges in scalar offsets of `scalars`.
    public func tokens(in scalars: [Unicode.Scalar]) -> [Token] {
        var tokens = [Token]()
        tokens.reserveCapacity(scalars.count / 5)
        // Distinct forms grow far slower than the text (Heaps' law): the caches start at an
        // article's size and grow, instead of being sized for a long input's every token.
        var scratch = Scratch(expected: min(scalars.count / 4, 4096))
        scalars.withUnsafeBufferPointer { s in
            let n = s.count
            var i = 0
            while i < n {
                let v = s[i].value
                if ScalarClass.isSpace(v) {
                    i += 1
                    continue
                }
                let start = i
                let kind: TokenKind
                var plain = false
                if ScalarClass.isArabicWordScalar(v) {
                    kind = .arabicWord
                    plain = Self.isPlainLetter(v)
                    i += 1
                    while i < n {
                        let w = s[i].value
                        if ScalarClass.isArabicWordScalar(w) {
                            plain = plain && Self.isPlainLetter(w)
                            i += 1
                        } else if (w == 0x200C || w == 0x200D) && i + 1 < n
                            && ScalarClass.isArabicWordScalar(s[i + 1].value)
                        {
                            plain = false
                            i += 2
                        } else {
                            break
                        }
                    }
                } else if ScalarClass.isDigit(v) {
                    kind = .number
                    i = numberEnd(s, from: i)
                } else if let end = SentenceSegmenter.urlEnd(s, at: i, 0, n) {
                    kind = .url
                    i = trimmedURLEnd(s, start, end)
                } else if ScalarClass.isLatinLetter(v) {
                    kind = .latinWord
                    i = latinWordEnd(s, from: i)
                } else if !Self.isPunctuation(s[i]) && v >= 0x80 && s[i].properties.isAlphabetic {
                    // (No punctuation is alphabetic: testing it first spares the property look-up.)
                    kind = .otherWord
                    i += 1
                    while i < n && (s[i].properties.isAlphabetic || s[i].properties.generalCategory == .nonspacingMark)
                    {
                        i += 1
                    }
                } else {
                    kind = Self.isPunctuation(s[i]) ? .punctuation : .symbol
                    i += 1
                    while i < n && s[i].value == v { i += 1 }
                }
                let range = ScalarRange(start: start, end: i)
                // The token's scalar values, seen as UInt32 (Unicode.Scalar's layout) only in this closure.
                UnsafeBufferPointer(rebasing: s[start..<i]).withMemoryRebound(to: UInt32.self) { values in
                    // The analysis is a function of the token's scalars: a repeated one copies the first.
                    let (first, isNew) = scratch.firstTokens.value(for: values, tag: Self.tag(kind)) {
                        Int32(truncatingIfNeeded: tokens.count)
                    }
                    if !isNew {
                        tokens.append(tokens[Int(first)].moved(to: range))
                    } else if kind == .arabicWord {
                        tokens.append(arabicToken(values, range, plain: plain, &scratch))
                    } else {
                        tokens.append(otherToken(values, range, kind, &scratch))
                    }
                }
            }
        }
        return tokens
    }

    /// Reusable buffers of one `tokens(in:)` call.
    private struct Scratch: ~Copyable {
        /// The normalised form of the current token (general path).
        var normalized = [UInt32]()
        /// The letters of the current Arabic word for the proclitic analysis (general path).
        var letters = [UInt32]()
        /// The strings made so far, shared between tokens with the same forms.
        var strings: ScalarSequenceCache<String>
        /// Index in the output of the first token of each kind and surface form.
        var firstTokens: ScalarSequenceCache<Int32>
        /// The normalised form of the current plain Arabic word.
        private var plain: UnsafeMutablePointer<UInt32>
        private var plainCapacity = 64

        init(expected: Int) {
            strings = ScalarSequenceCache(expected: expected)
            firstTokens = ScalarSequenceCache(expected: expected / 2)
            plain = .allocate(capacity: plainCapacity)
        }

        deinit { plain.deallocate() }

        /// Room for the normalised form of a plain word of `count` letters.
        mutating func plainBuffer(count: Int) -> UnsafeMutableBufferPointer<UInt32> {
            if count > plainCapacity {
                plain.deallocate()
                plainCapacity = max(count, plainCapacity * 2)
                plain = .allocate(capacity: plainCapacity)
            }
            return UnsafeMutableBufferPointer(start: plain, count: count)
        }
    }

    /// An Arabic word: `plain` when every scalar is a plain letter (then the analysis letters are
    /// the word itself and each letter has one normalised letter).
    private func arabicToken(
        _ word: UnsafeBufferPointer<UInt32>, _ range: ScalarRange, plain: Bool, _ scratch: inout Scratch
    ) -> Token {
        if plain {
            let normalized = scratch.plainBuffer(count: word.count)
            var changed: UInt32 = 0
            letterMap.withUnsafeBufferPointer { map in
                for k in 0..<word.count {
                    let m = map[Int(word[k] &- 0x0621)]
                    changed |= m ^ word[k]
                    normalized[k] = m
                }
            }
            let (proclitics, count) = ProcliticSplitter.split(word)
            return arabicToken(
                word, range, normalized: UnsafeBufferPointer(normalized), same: changed == 0, proclitics,
                baseStart: count, &scratch.strings)
        }
        scratch.normalized.removeAll(keepingCapacity: true)
        for v in word { normalizer.append(v, to: &scratch.normalized) }
        scratch.letters.removeAll(keepingCapacity: true)
        for v in word { analysis.append(v, to: &scratch.letters) }
        scratch.letters.removeAll { !ScalarClass.isArabicLetter($0) }
        let (proclitics, count) = ProcliticSplitter.split(scratch.letters)
        let baseStart = count == 0 ? 0 : Self.offsetAfterLetters(count, in: scratch.normalized)
        let same = scratch.normalized.count == word.count && zip(scratch.normalized, word).allSatisfy { $0 == $1 }
        return scratch.normalized.withUnsafeBufferPointer { normalized in
            arabicToken(
                word, range, normalized: normalized, same: same, proclitics, baseStart: baseStart, &scratch.strings)
        }
    }

    /// The token of the Arabic word `word` whose normalised form is `normalized` (`same` when they
    /// are equal), with `proclitics` and the base starting at `baseStart` in `normalized`.
    @inline(__always)
    private func arabicToken(
        _ word: UnsafeBufferPointer<UInt32>, _ range: ScalarRange, normalized values: UnsafeBufferPointer<UInt32>,
        same: Bool, _ proclitics: [String], baseStart: Int, _ strings: inout ScalarSequenceCache<String>
    ) -> Token {
        let normalized = strings.string(values)
        let surface = same ? normalized : strings.string(word)
        let baseValues = UnsafeBufferPointer(rebasing: values[baseStart...])
        let base = baseStart == 0 ? normalized : strings.string(baseValues)
        let stemEnd = ArabicLightStemmer.stemRange(baseValues).upperBound
        let stem =
            stemEnd == baseValues.count ? base : strings.string(UnsafeBufferPointer(rebasing: baseValues[..<stemEnd]))
        return Token(
            range: range, kind: .arabicWord, surface: surface, normalized: normalized, proclitics: proclitics,
            base: base, stem: stem)
    }

    /// A token of another kind: no proclitics; `base` and `stem` are the normalised form (Latin lowercased).
    private func otherToken(
        _ values: UnsafeBufferPointer<UInt32>, _ range: ScalarRange, _ kind: TokenKind, _ scratch: inout Scratch
    ) -> Token {
        scratch.normalized.removeAll(keepingCapacity: true)
        for v in values { normalizer.append(v, to: &scratch.normalized) }
        let same = scratch.normalized.count == values.count && zip(scratch.normalized, values).allSatisfy { $0 == $1 }
        let normalized = scratch.normalized.withUnsafeBufferPointer { scratch.strings.string($0) }
        let surface = same ? normalized : scratch.strings.string(values)
        let base = kind == .latinWord ? normalized.lowercased() : normalized
        return Token(
            range: range, kind: kind, surface: surface, normalized: normalized, proclitics: ProcliticSplitter.none,
            base: base, stem: base)
    }

    /// A distinct small number per kind, mixed into the key of `Scratch.firstTokens`.
    private static func tag(_ kind: TokenKind) -> UInt32 {
        switch kind {
        case .arabicWord: 1
        case .latinWord: 2
        case .otherWord: 3
        case .number: 4
        case .punctuation: 5
        case .url: 6
        case .symbol: 7
        }
    }

    /// Index in `normalized` just after its first `count` letters and any marks or tatweel that follow them.
    private static func offsetAfterLetters(_ count: Int, in normalized: [UInt32]) -> Int {
        var seen = 0
        var k = 0
        while k < normalized.count && seen < count {
            if ScalarClass.isArabicLetter(normalized[k]) { seen += 1 }
            k += 1
        }
        while k < normalized.count && !ScalarClass.isArabicLetter(normalized[k]) { k += 1 }
        return k
    }

    /// End of a number starting at `i`: digits, and `. , ٫ ٬ + / :` only between digits.
    private func numberEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        let n = s.count
        var i = start
        while i < n {
            if ScalarClass.isDigit(s[i].value) {
                i += 1
                continue
            }
            switch s[i].value {
            case 0x2E, 0x2C, 0x066B, 0x066C, 0x2B, 0x2F, 0x3A:
                if i + 1 < n && ScalarClass.isDigit(s[i + 1].value) {
                    i += 2
                    continue
                }
            default:
                break
            }
            break
        }
        return i
    }

    /// End of a Latin word: letters, combining marks, ASCII digits, and `'` `’` `-` between letters.
    private func latinWordEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        let n = s.count
        var i = start + 1
        while i < n {
            let v = s[i].value
            if ScalarClass.isLatinLetter(v) || ScalarClass.isLatinMark(v) || (v >= 0x30 && v <= 0x39) {
                i += 1
            } else if (v == 0x27 || v == 0x2019 || v == 0x2D) && i + 1 < n
                && (ScalarClass.isLatinLetter(s[i + 1].value) || (v == 0x2D && ScalarClass.isDigit(s[i + 1].value)))
            {
                i += 2
            } else {
                break
            }
        }
        return i
    }

    /// `end` moved back over trailing punctuation that usually follows a URL in prose.
    private func trimmedURLEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start + 1 {
            switch s[e - 1].value {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x22, 0x27, 0xBB, 0x201D, 0x2019, 0x060C, 0x061B,
                0x061F:
                e -= 1
            default:
                return e
            }
        }
        return e
    }

    /// Unicode general category P* (connector, dash, open, close, initial, final, other punctuation).
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            switch v {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D:
                return true
            default:
                return false
            }
        }
        switch v {
        case 0x060C, 0x061B, 0x061F, 0xAB, 0xBB, 0x2018...0x201F, 0x2010...0x2015, 0x2026, 0x066A...0x066D, 0x06D4:
            return true
        case 0x0600...0x06FF:
            return false
        default:
            break
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
