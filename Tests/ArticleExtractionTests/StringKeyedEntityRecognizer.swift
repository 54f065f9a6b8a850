// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

@testable import ArticleExtraction

/// The entity recogniser as it was before its look-ups went through ``GazetteerIndex``: every
/// question a `Set<String>` or `[String: String]` look-up on the ``Gazetteer``'s public tables
/// (Swift `String` equality, canonical equivalence). Kept verbatim as the reference the fast
/// recogniser must agree with, mention for mention.
struct StringKeyedEntityRecognizer {
    let gazetteer: Gazetteer

    /// Entity mentions in `tokens` (from ``Tokenizer`` over `scalars`), ordered by start offset,
    /// non-overlapping.
    func mentions(in tokens: [Token], scalars: [Unicode.Scalar]) -> [EntityMention] {
        var found: [EntityMention] = []
        var index = 0
        while index < tokens.count {
            if let (mention, next) = match(at: index, tokens, scalars) {
                found.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        return linkFamilyNames(found, tokens, scalars)
    }

    // MARK: - Matching at one position

    private func match(at index: Int, _ tokens: [Token], _ scalars: [Unicode.Scalar]) -> (EntityMention, Int)? {
        let token = tokens[index]
        guard token.kind == .arabicWord || token.kind == .latinWord, !isBlocked(token) else { return nil }
        if let hit = lookup(gazetteer.organizations, at: index, tokens) {
            return (mention(.organization, index, hit.end, tokens, scalars, 0.8, canonical: hit.name), hit.end)
        }
        if gazetteer.directions.contains(token.base), index + 1 < tokens.count,
            let hit = lookup(gazetteer.locations, at: index + 1, tokens), tokens[index + 1].proclitics.isEmpty
        {
            let span = mention(.location, index, hit.end, tokens, scalars, 0.7, canonical: nil)
            return (span, hit.end)
        }
        if let hit = lookup(gazetteer.locations, at: index, tokens) {
            return (mention(.location, index, hit.end, tokens, scalars, 0.75, canonical: hit.name), hit.end)
        }
        if gazetteer.organizationHeads.contains(token.base), !hasPreposition(token),
            let end = constructPhraseEnd(after: index, tokens)
        {
            return (mention(.organization, index, end, tokens, scalars, 0.55, canonical: nil), end)
        }
        if gazetteer.personTitles.contains(token.base), token.proclitics.allSatisfy({ $0 == "ال" || $0 == "و" }) {
            var start = index + 1
            // Skip up to two adjectives after the title (الرئيس التركي رجب...).
            var skipped = 0
            while start < tokens.count, skipped < 2, tokens[start].proclitics == ["ال"], isNameLike(tokens[start]) {
                start += 1
                skipped += 1
            }
            if start < tokens.count, isFirstName(tokens[start]), isNameLike(tokens[start]) {
                let end = nameEnd(from: start, tokens)
                var span = mention(.person, start, end, tokens, scalars, 0.7, canonical: nil)
                span.title = String(
                    String.UnicodeScalarView(
                        scalars[nameStartOffset(token, scalars)..<token.range.end]
                            .filter { !ScalarClass.isArabicMark($0.value) }))
                return (span, end)
            }
        }
        if isFirstName(token), !gazetteer.ambiguousFirstNames.contains(token.normalized) {
            let end = nameEnd(from: index, tokens)
            if end - index >= 2 {
                return (mention(.person, index, end, tokens, scalars, 0.6, canonical: nil), end)
            }
        }
        return nil
    }

    /// Longest gazetteer key starting at `index` (up to ``Gazetteer/longestKey`` tokens).
    private func lookup(_ table: [String: String], at index: Int, _ tokens: [Token]) -> (name: String, end: Int)? {
        var words: [String] = []
        var best: (String, Int)?
        var cursor = index
        while cursor < tokens.count, words.count < gazetteer.longestKey {
            let token = tokens[cursor]
            guard token.kind == .arabicWord || token.kind == .latinWord else { break }
            if cursor > index, !token.proclitics.isEmpty, token.proclitics != ["ال"] { break }
            words.append(token.base)
            if let name = table[words.joined(separator: " ")] { best = (name, cursor + 1) }
            cursor += 1
        }
        return best
    }

    private func hasPreposition(_ token: Token) -> Bool {
        token.proclitics.contains { $0 == "ب" || $0 == "ك" }
    }

    private func isBlocked(_ token: Token) -> Bool {
        gazetteer.stopWords.contains(token.normalized) || gazetteer.stopWords.contains(token.base)
            || gazetteer.speechVerbs.contains(token.normalized) || gazetteer.speechVerbs.contains(token.base)
    }

    private func isNameLike(_ token: Token) -> Bool {
        token.kind == .arabicWord && !isBlocked(token) && token.base.unicodeScalars.count >= 2
            && !(gazetteer.personTitles.contains(token.base) && token.proclitics.contains("ال"))
    }

    /// A known first name, alone or after the conjunction و (وأحمد).
    private func isFirstName(_ token: Token) -> Bool {
        gazetteer.firstNames.contains(token.normalized)
            || token.proclitics == ["و"] && gazetteer.firstNames.contains(token.base)
    }

    /// End (exclusive token index) of a person name whose first name is at `start`: further first
    /// names and particles (رجب طيب, عبد, بن) continue it, and the first other name-like word is
    /// the family name that ends it (أحمد المسماري, خليفة حفتر). At most four words; punctuation,
    /// stop words, reporting verbs, places and organisation heads end it early.
    private func nameEnd(from start: Int, _ tokens: [Token]) -> Int {
        var end = start + 1
        while end < tokens.count, end - start < 4 {
            let token = tokens[end]
            guard isNameLike(token), token.range.start == tokens[end - 1].range.end + 1 else { break }
            if gazetteer.locations[token.base] != nil || gazetteer.organizationHeads.contains(token.base) { break }
            let continues =
                gazetteer.nameParticles.contains(token.normalized)
                || gazetteer.firstNames.contains(token.normalized)
            if !continues, !token.proclitics.isEmpty, token.proclitics != ["ال"] { break }
            end += 1
            if !continues { break }
        }
        return end
    }

    /// End of the construct phrase after an organisation head: definite nouns and adjectives
    /// (مجلس الأمن, قوات القيادة العامة), or an indefinite noun followed by a definite one
    /// (هيئة تحرير الشام). `nil` when nothing follows the head.
    private func constructPhraseEnd(after head: Int, _ tokens: [Token]) -> Int? {
        var end = head + 1
        while end < tokens.count, end - head <= 3 {
            let token = tokens[end]
            guard token.kind == .arabicWord, !isBlocked(token), !isFirstName(token),
                token.range.start == tokens[end - 1].range.end + 1
            else { break }
            if token.proclitics == ["ال"] {
                end += 1
            } else if end == head + 1, token.proclitics.isEmpty, end + 1 < tokens.count,
                tokens[end + 1].proclitics == ["ال"],
                tokens[end + 1].kind == .arabicWord, !isBlocked(tokens[end + 1])
            {
                end += 2
            } else {
                break
            }
        }
        return end > head + 1 ? end : nil
    }

    // MARK: - Spans

    private func mention(
        _ type: EntityType, _ first: Int, _ end: Int, _ tokens: [Token], _ scalars: [Unicode.Scalar],
        _ confidence: Double, canonical: String?
    ) -> EntityMention {
        let start =
            gazetteer.firstNames.contains(tokens[first].normalized)
            ? tokens[first].range.start : nameStartOffset(tokens[first], scalars)
        let range = ScalarRange(start: start, end: tokens[end - 1].range.end)
        let text = String(
            String.UnicodeScalarView(scalars[range.start..<range.end].filter { !ScalarClass.isArabicMark($0.value) }))
        return EntityMention(type: type, range: range, confidence: confidence, canonical: canonical ?? text, title: nil)
    }

    /// Offset where the name inside `token` begins: after the conjunction and preposition
    /// proclitics (و ف ب ل ك), keeping the article ال. `لل` (ل + ال with its alef elided) is
    /// skipped whole, except before a base that begins with ل, where the article's lam is not
    /// written (`للجنة` = ل + ال + لجنة): there the second ل is the base's.
    private func nameStartOffset(_ token: Token, _ scalars: [Unicode.Scalar]) -> Int {
        let leading = token.proclitics.filter { $0 != "ال" }.count
        guard leading > 0 else { return token.range.start }
        var offset = token.range.start
        var letters = 0
        while offset < token.range.end, letters < leading {
            if !ScalarClass.isArabicMark(scalars[offset].value) { letters += 1 }
            offset += 1
        }
        if token.proclitics.last == "ال", token.proclitics.dropLast().last == "ل", offset < token.range.end,
            scalars[offset] == "ل", token.base.unicodeScalars.first != "ل"
        {
            offset += 1
        }
        return offset
    }

    /// Tags later bare mentions of a found person's last name and gives them the full name as
    /// canonical form.
    private func linkFamilyNames(_ found: [EntityMention], _ tokens: [Token], _ scalars: [Unicode.Scalar])
        -> [EntityMention]
    {
        var familyNames: [String: String] = [:]
        for mention in found where mention.type == .person {
            let words = tokens.filter { $0.range.start >= mention.range.start && $0.range.end <= mention.range.end }
            if words.count >= 2, let last = words.last, last.base.unicodeScalars.count >= 3 {
                familyNames[last.base] = familyNames[last.base] ?? mention.canonical
            }
        }
        guard !familyNames.isEmpty else { return found }
        var covered = Set<Int>()
        for mention in found { covered.formUnion(mention.range.start..<mention.range.end) }
        var result = found
        for (position, token) in tokens.enumerated()
        where token.kind == .arabicWord && !covered.contains(token.range.start) {
            guard let canonical = familyNames[token.base] else { continue }
            var span = mention(.person, position, position + 1, tokens, scalars, 0.55, canonical: canonical)
            span.canonical = canonical
            result.append(span)
        }
        return result.sorted { $0.range.start < $1.range.start }
    }
}
