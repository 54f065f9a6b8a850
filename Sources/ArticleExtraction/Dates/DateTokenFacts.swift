// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What ``DateRecognizer`` needs to know about one token, computed once per article (32 bytes;
/// the fields are declared largest first so that they pack).
struct DateTokenFacts {
    /// The base form the entry was found under (the token's base, or it without ل ب ك).
    var key: String
    /// Index of the date-lexicon entry (``DateLexicon/entry(at:)``) of the token's base form (or of
    /// the base without a leading ل ب ك, which the tokenizer leaves on words without the article:
    /// لعام، بنهاية); -1 for none. An index, not the entry: the facts are kept for every token of
    /// the article, and an entry is about 150 bytes.
    var entryIndex: Int32
    /// The token has the article (ال among its proclitics).
    var article: Bool
    /// How many digits ``number`` has (0 for none).
    private var digitCount: UInt8
    private var value: Int32
    /// The scalar of a one-scalar punctuation or symbol token; 0 otherwise.
    var mark: UInt32

    /// The value of a number token made only of digits (at most nine); `nil` otherwise.
    var number: Int? { digitCount > 0 ? Int(value) : nil }
    /// How many digits ``number`` has.
    var digits: Int { Int(digitCount) }

    /// The facts of `token`, with its entry in `lexicon`.
    init(_ token: Token, lexicon: DateLexicon) {
        // Code-unit comparisons: `String ==` on Arabic normalises as it goes.
        article = token.proclitics.last?.utf8.elementsEqual("ال".utf8) ?? false
        value = 0
        digitCount = 0
        mark = 0
        key = token.base
        entryIndex = -1
        switch token.kind {
        case .arabicWord:
            if article && token.base.utf8.elementsEqual("ان".utf8) {
                // الآن with a preposition in front (للآن: ل + ال + ان)
                entryIndex = lexicon.entryIndex("الان") ?? -1
            } else if let found = lexicon.entryIndex(token.base) {
                entryIndex = found
            } else if token.proclitics.count == 1,
                token.proclitics[0].utf8.elementsEqual("و".utf8) || token.proclitics[0].utf8.elementsEqual("ف".utf8),
                let found = lexicon.entryIndex(token.normalized)
            {
                // A word whose first letter was taken for a conjunction (فبراير = ف + براير).
                entryIndex = found
                key = token.normalized
            } else if !article, let stripped = Self.withoutPreposition(token.base),
                let found = lexicon.entryIndex(stripped)
            {
                entryIndex = found
                key = stripped
            }
        case .number:
            var value = 0
            var count = 0
            for scalar in token.normalized.unicodeScalars {
                let d = ScalarClass.digitValue(scalar.value)
                guard d >= 0, count < 9 else {
                    count = -1
                    break
                }
                value = value * 10 + d
                count += 1
            }
            if count > 0 {
                self.value = Int32(value)
                digitCount = UInt8(count)
            }
        case .punctuation, .symbol:
            let scalars = token.surface.unicodeScalars
            if scalars.count == 1 { mark = scalars.first!.value }
        case .latinWord:
            if token.base == "gmt" || token.base == "utc" { key = "غرينتش" }
        default:
            break
        }
    }

    /// `base` without a leading ل, ب or ك when at least three letters remain.
    static func withoutPreposition(_ base: String) -> String? {
        let scalars = base.unicodeScalars
        guard let first = scalars.first, first == "ل" || first == "ب" || first == "ك", scalars.count >= 4 else {
            return nil
        }
        return String(base.unicodeScalars.dropFirst())
    }
}
