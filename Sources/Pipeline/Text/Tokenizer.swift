/// Cuts a text into tokens with offsets, normalised forms, proclitics and light stems.
///
/// A hand-written scanner over the scalars (no regular expressions). Whitespace and invisible
/// format characters separate tokens and are not tokens. Kinds and their extents are described
/// on `TokenKind`; Arabic words go through `ArabicNormalizer` and the conservative proclitic
/// splitting described on `Token.proclitics`, then `ArabicLightStemmer`.
public struct Tokenizer: Sendable {
    /// The normaliser that makes `Token.normalized`, `base` and `stem`.
    public let normalizer: ArabicNormalizer
    /// Same presentation-form, tashkeel, tatweel and format rules, but letters kept as written:
    /// the proclitic analysis needs hamza on alef (the article is never written with it).
    private let analysis: ArabicNormalizer

    /// Creates a tokenizer that normalises with `normalizer`.
    public init(normalizer: ArabicNormalizer = .init()) {
        self.normalizer = normalizer
        let p = normalizer.profile
        self.analysis = ArabicNormalizer(
            profile: .init(
                presentationForms: p.presentationForms, tashkeel: true, tatweel: true, alef: false,
                alefMaqsura: false, taMarbuta: false, digits: false, formatCharacters: true))
    }

    /// The tokens of `scalars`, in order, with ranges in scalar offsets of `scalars`.
    public func tokens(in scalars: [Unicode.Scalar]) -> [Token] {
        var tokens = [Token]()
        tokens.reserveCapacity(scalars.count / 5)
        var scratch = [UInt32]()
        var letters = [UInt32]()
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
                if ScalarClass.isArabicWordScalar(v) {
                    kind = .arabicWord
                    i += 1
                    while i < n {
                        let w = s[i].value
                        if ScalarClass.isArabicWordScalar(w) {
                            i += 1
                        } else if (w == 0x200C || w == 0x200D) && i + 1 < n
                            && ScalarClass.isArabicWordScalar(s[i + 1].value)
                        {
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
                } else if s[i].properties.isAlphabetic {
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
                tokens.append(makeToken(s, start, i, kind, &scratch, &letters))
            }
        }
        return tokens
    }

    private func makeToken(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int, _ kind: TokenKind,
        _ scratch: inout [UInt32], _ letters: inout [UInt32]
    ) -> Token {
        let slice = UnsafeBufferPointer(rebasing: s[start..<end])
        let surface = ScalarText.string(slice)
        scratch.removeAll(keepingCapacity: true)
        for scalar in slice { normalizer.append(scalar.value, to: &scratch) }
        let normalized = ScalarText.string(scratch)
        let range = ScalarRange(start: start, end: end)
        switch kind {
        case .arabicWord:
            letters.removeAll(keepingCapacity: true)
            for scalar in slice { analysis.append(scalar.value, to: &letters) }
            letters.removeAll { !ScalarClass.isArabicLetter($0) }
            let (proclitics, count) = ProcliticSplitter.split(letters)
            let baseStart = count == 0 ? 0 : Self.offsetAfterLetters(count, in: scratch)
            let base = baseStart == 0 ? normalized : ScalarText.string(scratch[baseStart...])
            let stemRange = ArabicLightStemmer.stemRange(scratch[baseStart...])
            let stem = stemRange.upperBound == scratch.count ? base : ScalarText.string(scratch[stemRange])
            return Token(
                range: range, kind: kind, surface: surface, normalized: normalized, proclitics: proclitics,
                base: base, stem: stem)
        case .latinWord:
            let lower = normalized.lowercased()
            return Token(
                range: range, kind: kind, surface: surface, normalized: normalized, proclitics: [], base: lower,
                stem: lower)
        default:
            return Token(
                range: range, kind: kind, surface: surface, normalized: normalized, proclitics: [],
                base: normalized, stem: normalized)
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
