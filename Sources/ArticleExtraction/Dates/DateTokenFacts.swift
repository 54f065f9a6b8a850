// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What ``DateRecognizer`` needs to know about one token, computed once per article.
struct DateTokenFacts {
    /// The date-lexicon entry of the token's base form (or of the base without a leading ل ب ك,
    /// which the tokenizer leaves on words without the article: لعام، بنهاية).
    var entry: DateLexicon.Entry?
    /// The base form the entry was found under (the token's base, or it without ل ب ك).
    var key: String
    /// The token has the article (ال among its proclitics).
    var article: Bool
    /// The value of a number token made only of digits; `nil` otherwise.
    var number: Int?
    /// How many digits that number has.
    var digits: Int
    /// The scalar of a one-scalar punctuation or symbol token; 0 otherwise.
    var mark: UInt32

    /// The facts of `token`, with its entry in `lexicon`.
    init(_ token: Token, lexicon: DateLexicon) {
        article = token.proclitics.last == "ال"
        number = nil
        digits = 0
        mark = 0
        key = token.base
        entry = nil
        switch token.kind {
        case .arabicWord:
            if token.base == "ان" && article {
                // الآن with a preposition in front (للآن: ل + ال + ان)
                entry = lexicon.entry("الان")
            } else if let found = lexicon.entry(token.base) {
                entry = found
            } else if token.proclitics.count == 1, token.proclitics[0] == "و" || token.proclitics[0] == "ف",
                let found = lexicon.entry(token.normalized)
            {
                // A word whose first letter was taken for a conjunction (فبراير = ف + براير).
                entry = found
                key = token.normalized
            } else if !article, let stripped = Self.withoutPreposition(token.base), let found = lexicon.entry(stripped)
            {
                entry = found
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
                number = value
                digits = count
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
