// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Finds numbers and amounts in tokens: digits (Western or Arabic-Indic; `,` thousands and `.`/`٫`
/// decimal separators), number words (خمسة، خمسة وعشرون، ثلاثمائة، ثلاثة آلاف) with scale words
/// after either (`2.5 مليار`، `مئة ألف`), vague multiples with no value (عشرات، مئات، آلاف
/// alone), expressions such as `5+5` and `5 زائد 5` (kept as written, no value: they name things,
/// like the 5+5 committee), and the unit after an amount: percent (`%`، `٪`، `في المئة`،
/// `بالمائة`), a currency (``NumberLexicon``; ISO 4217 codes, the country taken from an adjective:
/// `دينار كويتي` = KWD) or a measure (km, m, kg, t, barrel...).
///
/// A value is always finite: digits too many for a `Double` (or a product with a scale that
/// overflows) keep their text and get no value. Tokens in `skip` (dates) are not numbers.
struct NumberRecognizer: Sendable {
    let lexicon: NumberLexicon

    func mentions(in tokens: [Token], scalars: [Unicode.Scalar], skip: (Int) -> Bool) -> [ArticleDocument.NumberMention]
    {
        mentions(in: tokens, types: TokenTypes(tokens), scalars: scalars, skip: skip)
    }

    /// As ``mentions(in:scalars:skip:)``, with the distinct tokens of `tokens` already found.
    func mentions(
        in tokens: [Token], types: TokenTypes, scalars: [Unicode.Scalar], skip: (Int) -> Bool
    ) -> [ArticleDocument.NumberMention] {
        precondition(types.typeOf.count == tokens.count, "types of other tokens")
        var found: [ArticleDocument.NumberMention] = []
        // A number in words starts with a word of the lexicon: known once per distinct token.
        let typeIsNumberWord = types.first.map { first in
            let t = tokens[Int(first)]
            return t.kind == .arabicWord && (lexicon.word(t.base) ?? lexicon.word(t.normalized)) != nil
        }
        var i = 0
        while i < tokens.count {
            if skip(i) {
                i += 1
                continue
            }
            let t = tokens[i]
            var value: Double?
            var end = i + 1
            var isNumber = false
            if t.kind == .number {
                isNumber = true
                let text = t.normalized
                if text.utf8.contains(where: {
                    $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":")
                }) {
                    value = nil
                } else {
                    value = Self.parseDigits(text)
                    // 5 زائد 5, 5 + 5
                    if end + 1 < tokens.count, tokens[end].normalized == "زائد" || tokens[end].surface == "+",
                        tokens[end + 1].kind == .number, !skip(end + 1)
                    {
                        found.append(mention(tokens, scalars, i, end + 2, value: nil, unit: nil))
                        i = end + 2
                        continue
                    }
                    if let v = value, let (scale, after) = scale(tokens, at: end) {
                        value = v * scale
                        end = after
                    }
                }
            } else if typeIsNumberWord[Int(types.typeOf[i])], let (v, after) = words(tokens, at: i, skip: skip) {
                isNumber = true
                value = v
                end = after
            }
            guard isNumber else {
                i += 1
                continue
            }
            var unit: String?
            if let (code, after) = self.unit(tokens, at: end) {
                unit = code
                end = after
            }
            found.append(mention(tokens, scalars, i, end, value: value, unit: unit))
            i = end
        }
        return found
    }

    private func mention(
        _ tokens: [Token], _ scalars: [Unicode.Scalar], _ first: Int, _ end: Int, value: Double?, unit: String?
    ) -> ArticleDocument.NumberMention {
        let start = tokens[first].range.start
        let stop = tokens[end - 1].range.end
        return ArticleDocument.NumberMention(
            text: String(String.UnicodeScalarView(scalars[start..<stop])), start: start, end: stop,
            value: value.flatMap { $0.isFinite ? $0 : nil }, unit: unit)
    }

    /// The value of normalised digits with `,` thousands groups and a `.` decimal point (a `,`
    /// not followed by exactly three digits is a decimal comma); `nil` when not finite.
    static func parseDigits(_ text: String) -> Double? {
        var cleaned = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (k, s) in scalars.enumerated() {
            if s == "," {
                var digits = 0
                var j = k + 1
                while j < scalars.count, ScalarClass.digitValue(scalars[j].value) >= 0 {
                    digits += 1
                    j += 1
                }
                if digits != 3 { cleaned.append(".") }
                continue
            }
            cleaned.append(s)
        }
        guard let value = Double(String(cleaned)), value.isFinite else { return nil }
        return value
    }

    /// A scale word at `k` (ألف، مليون، مليار): its factor and the index after it.
    private func scale(_ tokens: [Token], at k: Int) -> (Double, Int)? {
        guard k < tokens.count, tokens[k].kind == .arabicWord, tokens[k].proclitics.isEmpty,
            case .scale(let s)? = lexicon.word(tokens[k].normalized)
        else { return nil }
        return (s, k + 1)
    }

    /// A number written in words starting at `i`: its value (`nil` for a vague multiple) and the
    /// index after it. Joins units, teens, tens, hundreds and scales linked by و.
    private func words(_ tokens: [Token], at i: Int, skip: (Int) -> Bool) -> (Double?, Int)? {
        var total = 0.0
        var current = 0.0
        var k = i
        var count = 0
        var vague = false
        while k < tokens.count, !skip(k) {
            let t = tokens[k]
            guard t.kind == .arabicWord else { break }
            let conjunction = t.proclitics.first == "و"
            if t.proclitics.contains(where: { $0 != "و" && $0 != "ال" }) { break }
            if count == 0 && conjunction { return nil }
            guard let word = lexicon.word(t.base) ?? lexicon.word(t.normalized) else { break }
            // After the first word, only a conjoined word (وعشرون) or a teen/scale/hundred continues.
            if count > 0 && !conjunction {
                switch word {
                case .teen, .scale: break
                case .value(let v) where v == 100 || (v == 10 && current > 0 && current < 10): break
                default:
                    return finish(total, current, vague, count, i, k, tokens)
                }
            }
            switch word {
            case .value(let v):
                if v == 100, current > 0, current < 10 {
                    current *= 100
                } else if v == 10, current > 0, current < 10, !conjunction {
                    current += 10
                } else {
                    current += v
                }
            case .teen:
                guard current > 0, current < 10 else { return finish(total, current, vague, count, i, k, tokens) }
                current += 10
            case .scale(let s):
                // A plural scale word opening the number (آلاف، ملايين، المليارات): "thousands of".
                if current == 0 && count == 0 && Self.pluralScales.contains(TermKey(t.base)) { vague = true }
                total += max(current, 1) * s
                current = 0
            case .vague:
                vague = true
            }
            count += 1
            k += 1
        }
        return finish(total, current, vague, count, i, k, tokens)
    }

    /// Plural scale words (normalised base forms).
    static let pluralScales: Set<TermKey> = ["الاف", "ملايين", "مليارات", "بلايين", "تريليونات"]

    private func finish(
        _ total: Double, _ current: Double, _ vague: Bool, _ count: Int, _ i: Int, _ k: Int, _ tokens: [Token]
    ) -> (Double?, Int)? {
        guard count > 0 else { return nil }
        if count == 1 {
            let base = tokens[i].base
            // "one of", "someone", a bare واحد: not amounts.
            if ["احد", "احدي", "واحد", "واحده"].contains(base) { return nil }
            if tokens[i].proclitics.contains("ال"), ["اثنين", "اثنان"].contains(base) { return nil }
        }
        if vague { return (nil, k) }
        let value = total + current
        return (value.isFinite ? value : nil, k)
    }

    /// The unit after an amount at `k`: percent, a currency (with a country adjective after it)
    /// or a measure; its code and the index after it.
    private func unit(_ tokens: [Token], at k: Int) -> (String, Int)? {
        guard k < tokens.count else { return nil }
        let t = tokens[k]
        if t.kind == .symbol || t.kind == .punctuation {
            if t.normalized == "%" { return ("percent", k + 1) }
            return nil
        }
        if t.normalized == "في", k + 1 < tokens.count,
            ["المئه", "المائه", "المئة", "المائة"].contains(tokens[k + 1].normalized)
        {
            return ("percent", k + 2)
        }
        guard t.kind == .arabicWord, t.proclitics.isEmpty || t.proclitics == ["ال"],
            let unit = lexicon.unit(t.base) ?? lexicon.unit(t.normalized)
        else { return nil }
        if k + 1 < tokens.count, !unit.byCountry.isEmpty,
            let iso = unit.byCountry[tokens[k + 1].base] ?? unit.byCountry[tokens[k + 1].normalized]
                ?? unit.byCountry[ArabicDateText.withoutArticle(tokens[k + 1].normalized)]
        {
            return (iso, k + 2)
        }
        return (unit.code, k + 1)
    }
}
