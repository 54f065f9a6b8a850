// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The first, rule-based named-entity pass: gazetteer look-ups for places and known organisations,
/// construct phrases after organisation heads (حكومة الوفاق), and person names started by a title
/// (اللواء, المشير) or a known first name, then extended over the following name-like tokens. A
/// later bare mention of a found person's family name (المسماري) is linked to the full name.
///
/// Pure: takes tokens, returns mentions. The trained model replaces the person rules later.
public struct GazetteerEntityRecognizer: EntityRecognizing {
    public let gazetteer: Gazetteer
    public static let modelName = "gazetteer-rules-1"
    public var model: String { Self.modelName }

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Entity mentions in `tokens` (from ``Tokenizer`` over `scalars`), ordered by start offset,
    /// non-overlapping.
    public func mentions(in tokens: [Token], scalars: [Unicode.Scalar]) -> [EntityMention] {
        let facts = gazetteer.index.facts(for: tokens)
        var found: [Found] = []
        var index = 0
        while index < tokens.count {
            if let (mention, next) = match(at: index, tokens, facts, scalars) {
                found.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        return linkFamilyNames(found, tokens, facts, scalars)
    }

    /// A mention and the tokens `[first, end)` it was made from.
    private struct Found {
        var mention: EntityMention
        var first: Int
        var end: Int
    }

    // MARK: - Matching at one position

    private func match(at index: Int, _ tokens: [Token], _ facts: [TokenFacts], _ scalars: [Unicode.Scalar]) -> (
        Found, Int
    )? {
        let token = tokens[index]
        let fact = facts[index]
        guard fact.isWord, !isBlocked(fact) else { return nil }
        if let hit = lookup(gazetteer.index.organizations, at: index, facts) {
            return (mention(.organization, index, hit.end, tokens, facts, scalars, 0.8, canonical: hit.name), hit.end)
        }
        if fact.baseFlags.contains(.direction), index + 1 < tokens.count,
            let hit = lookup(gazetteer.index.locations, at: index + 1, facts), facts[index + 1].hasNoProclitics
        {
            let span = mention(.location, index, hit.end, tokens, facts, scalars, 0.7, canonical: nil)
            return (span, hit.end)
        }
        if let hit = lookup(gazetteer.index.locations, at: index, facts) {
            return (mention(.location, index, hit.end, tokens, facts, scalars, 0.75, canonical: hit.name), hit.end)
        }
        if fact.baseFlags.contains(.organizationHead), !fact.hasPreposition,
            let end = constructPhraseEnd(after: index, tokens, facts)
        {
            return (mention(.organization, index, end, tokens, facts, scalars, 0.55, canonical: nil), end)
        }
        if fact.baseFlags.contains(.personTitle), fact.hasOnlyArticleOrWaw {
            var start = index + 1
            // Skip up to two adjectives after the title (الرئيس التركي رجب...).
            var skipped = 0
            while start < tokens.count, skipped < 2, facts[start].hasArticleOnly, isNameLike(facts[start]) {
                start += 1
                skipped += 1
            }
            if start < tokens.count, isFirstName(facts[start]), isNameLike(facts[start]) {
                let end = nameEnd(from: start, tokens, facts)
                var span = mention(.person, start, end, tokens, facts, scalars, 0.7, canonical: nil)
                span.mention.title = String(
                    String.UnicodeScalarView(
                        scalars[nameStartOffset(token, scalars)..<token.range.end]
                            .filter { !ScalarClass.isArabicMark($0.value) }))
                return (span, end)
            }
        }
        if isFirstName(fact), !fact.normalizedFlags.contains(.ambiguousFirstName) {
            let end = nameEnd(from: index, tokens, facts)
            if end - index >= 2 {
                return (mention(.person, index, end, tokens, facts, scalars, 0.6, canonical: nil), end)
            }
        }
        return nil
    }

    /// Longest name of `trie` starting at `index` (up to ``Gazetteer/longestKey`` tokens): the
    /// tokens' base forms, the first with any proclitics, the others with none or `ال`.
    private func lookup(_ trie: NameTrie, at index: Int, _ facts: [TokenFacts]) -> (name: String, end: Int)? {
        var node = NameTrie.root
        var best: (String, Int)?
        var cursor = index
        while cursor < facts.count, cursor - index < gazetteer.longestKey {
            let fact = facts[cursor]
            guard fact.isWord else { break }
            if cursor > index, !fact.hasNoProclitics, !fact.hasArticleOnly { break }
            guard fact.baseID >= 0, let child = trie.child(of: node, word: fact.baseID) else { break }
            node = child
            if let name = trie.name(at: node) { best = (name, cursor + 1) }
            cursor += 1
        }
        return best
    }

    private func isBlocked(_ fact: TokenFacts) -> Bool {
        !fact.normalizedFlags.isDisjoint(with: .blocking) || !fact.baseFlags.isDisjoint(with: .blocking)
    }

    private func isNameLike(_ fact: TokenFacts) -> Bool {
        fact.isArabic && !isBlocked(fact) && fact.baseKey.scalarCount >= 2
            && !(fact.baseFlags.contains(.personTitle) && fact.hasArticle)
    }

    /// A known first name, alone or after the conjunction و (وأحمد).
    private func isFirstName(_ fact: TokenFacts) -> Bool {
        fact.normalizedFlags.contains(.firstName) || fact.hasConjunctionWawOnly && fact.baseFlags.contains(.firstName)
    }

    /// End (exclusive token index) of a person name whose first name is at `start`: further first
    /// names and particles (رجب طيب, عبد, بن) continue it, and the first other name-like word is
    /// the family name that ends it (أحمد المسماري, خليفة حفتر). At most four words; punctuation,
    /// stop words, reporting verbs, places and organisation heads end it early.
    private func nameEnd(from start: Int, _ tokens: [Token], _ facts: [TokenFacts]) -> Int {
        var end = start + 1
        while end < tokens.count, end - start < 4 {
            let fact = facts[end]
            guard isNameLike(fact), tokens[end].range.start == tokens[end - 1].range.end + 1 else { break }
            if !fact.baseFlags.isDisjoint(with: [.location, .organizationHead]) { break }
            let continues = !fact.normalizedFlags.isDisjoint(with: [.nameParticle, .firstName])
            if !continues, !fact.hasNoProclitics, !fact.hasArticleOnly { break }
            end += 1
            if !continues { break }
        }
        return end
    }

    /// End of the construct phrase after an organisation head: definite nouns and adjectives
    /// (مجلس الأمن, قوات القيادة العامة), or an indefinite noun followed by a definite one
    /// (هيئة تحرير الشام). `nil` when nothing follows the head.
    private func constructPhraseEnd(after head: Int, _ tokens: [Token], _ facts: [TokenFacts]) -> Int? {
        var end = head + 1
        while end < tokens.count, end - head <= 3 {
            let fact = facts[end]
            guard fact.isArabic, !isBlocked(fact), !isFirstName(fact),
                tokens[end].range.start == tokens[end - 1].range.end + 1
            else { break }
            if fact.hasArticleOnly {
                end += 1
            } else if end == head + 1, fact.hasNoProclitics, end + 1 < tokens.count,
                facts[end + 1].hasArticleOnly,
                facts[end + 1].isArabic, !isBlocked(facts[end + 1])
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
        _ type: EntityType, _ first: Int, _ end: Int, _ tokens: [Token], _ facts: [TokenFacts],
        _ scalars: [Unicode.Scalar], _ confidence: Double, canonical: String?
    ) -> Found {
        let start =
            facts[first].normalizedFlags.contains(.firstName)
            ? tokens[first].range.start : nameStartOffset(tokens[first], scalars)
        let range = ScalarRange(start: start, end: tokens[end - 1].range.end)
        let text = String(
            String.UnicodeScalarView(scalars[range.start..<range.end].filter { !ScalarClass.isArabicMark($0.value) }))
        return Found(
            mention: EntityMention(
                type: type, range: range, confidence: confidence, canonical: canonical ?? text, title: nil),
            first: first, end: end)
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
    private func linkFamilyNames(
        _ found: [Found], _ tokens: [Token], _ facts: [TokenFacts], _ scalars: [Unicode.Scalar]
    ) -> [EntityMention] {
        // The words of a mention are the tokens wholly inside its range: its tokens, less the
        // first when the range starts after a proclitic cut off that token's start.
        var familyNames: [String: String] = [:]
        var familyOrder: [String] = []
        for found in found where found.mention.type == .person {
            let words = found.end - found.first - (found.mention.range.start > tokens[found.first].range.start ? 1 : 0)
            let last = tokens[found.end - 1]
            if words >= 2, last.base.unicodeScalars.count >= 3, familyNames[last.base] == nil {
                familyNames[last.base] = found.mention.canonical
                familyOrder.append(last.base)
            }
        }
        let mentions = found.map(\.mention)
        guard !familyNames.isEmpty else { return mentions }
        let family = WordIndex(familyOrder)
        let canonicals = familyOrder.map { familyNames[$0]! }
        var result = mentions
        // Found mentions are ordered and do not overlap: walk them beside the tokens.
        var next = 0
        for (position, token) in tokens.enumerated() where facts[position].isArabic {
            while next < mentions.count, mentions[next].range.end <= token.range.start { next += 1 }
            if next < mentions.count, mentions[next].range.start <= token.range.start { continue }  // covered
            guard let id = family.id(of: token.base, key: facts[position].baseKey) else { continue }
            let canonical = canonicals[Int(id)]
            var span = mention(.person, position, position + 1, tokens, facts, scalars, 0.55, canonical: canonical)
            span.mention.canonical = canonical
            result.append(span.mention)
        }
        return result.sorted { $0.range.start < $1.range.start }
    }
}
