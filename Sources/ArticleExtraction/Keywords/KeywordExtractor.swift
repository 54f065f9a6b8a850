// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// Picks the terms that characterise one article against the background corpus: TF-IDF over
/// ``KeywordTerms`` (stems of content words and adjacent pairs of them) and over the article's
/// named entities, with sublinear term frequency `1 + ln tf` and the smoothed IDF of
/// ``DocumentFrequencies`` (an entity takes the largest IDF of its words).
///
/// Candidates: single words (in an article of 120 content words or more, only those used at least
/// twice), pairs used at least twice (a pair the table does not hold takes the mean IDF of its
/// words), entities (person, organisation, place); terms in the title count 1.5 times. Taken best first, up
/// to ``limit``; a single word already part of a chosen pair or entity, and a pair or entity whose
/// words are all already covered, are skipped. A term is shown as the article writes it most
/// often (without و ف ب ل ك in front, the article kept).
public struct KeywordExtractor: Sendable {
    public let frequencies: DocumentFrequencies
    /// How many keywords at most.
    public var limit: Int

    public init(frequencies: DocumentFrequencies, limit: Int = 10) {
        self.frequencies = frequencies
        self.limit = limit
    }

    /// The keywords, best first, and the TF-IDF weight of every single-word term of the article.
    /// Terms whose words all occur in `title` (its tokens) count 1.5 times.
    public func keywords(
        tokens: [Token], scalars: [Unicode.Scalar], mentions: [EntityMention], title: [Token] = []
    ) -> (keywords: [ArticleDocument.Keyword], weights: [TermKey: Double]) {
        keywords(tokens: tokens, types: TokenTypes(tokens), scalars: scalars, mentions: mentions, title: title)
    }

    /// As the public one, with the distinct tokens of `tokens` already found.
    func keywords(
        tokens: [Token], types: TokenTypes, scalars: [Unicode.Scalar], mentions: [EntityMention], title: [Token]
    ) -> (keywords: [ArticleDocument.Keyword], weights: [TermKey: Double]) {
        precondition(types.typeOf.count == tokens.count, "types of other tokens")
        let titleStems = Set(KeywordTerms.words(title).map(\.key))
        // Each distinct token's key is worked out once, and each distinct key gets a number: the
        // counting below is by number, not by hashing strings.
        var stems: [TermKey] = []
        var stemNumbers: [TermKey: Int32] = [:]
        stemNumbers.reserveCapacity(types.count)
        let stemOfType = types.first.map { first -> Int32 in
            guard let key = KeywordTerms.key(of: tokens[Int(first)]) else { return -1 }
            if let number = stemNumbers[key] { return number }
            stems.append(key)
            stemNumbers[key] = Int32(stems.count - 1)
            return Int32(stems.count - 1)
        }
        var words: [KeywordTerms.Word] = []
        var wordStems: [Int32] = []
        words.reserveCapacity(tokens.count / 2)
        wordStems.reserveCapacity(tokens.count / 2)
        for (i, t) in types.typeOf.enumerated() where stemOfType[Int(t)] >= 0 {
            let stem = stemOfType[Int(t)]
            words.append(KeywordTerms.Word(index: i, key: stems[Int(stem)]))
            wordStems.append(stem)
        }
        guard !words.isEmpty else { return ([], [:]) }
        // Occurrence counts only: the few occurrences a chosen term is shown from are found again
        // afterwards (``occurrences(of:in:)``), so memory grows with the distinct terms, not with
        // every occurrence of them. A pair is counted under `1 + (a << 32 | b)` (never 0).
        var singles = [Int](repeating: 0, count: stems.count)
        var pairs = HashedTable<Int32>(capacity: 64, empty: 0)
        for (n, w) in words.enumerated() {
            singles[Int(wordStems[n])] += 1
            if n + 1 < words.count, words[n + 1].index == w.index + 1 {
                let key = 1 &+ (UInt64(UInt32(wordStems[n])) << 32 | UInt64(UInt32(wordStems[n + 1])))
                pairs.set(key, pairs.value(for: key, default: 0) + 1)
            }
        }
        struct Candidate {
            var key: String
            var score: Double
            var stems: [TermKey]
            /// The entity's canonical name; `nil` for a single word or a pair, shown as the article
            /// writes it most often.
            var name: String?
        }
        var weights: [TermKey: Double] = [:]
        weights.reserveCapacity(stems.count)
        var candidates: [Candidate] = []
        let minimumWordCount = words.count >= 120 ? 2 : 1
        for (number, key) in stems.enumerated() {
            let count = singles[number]
            var score = (1 + log(Double(count))) * frequencies.idf(key)
            if titleStems.contains(key) { score *= 1.5 }
            weights[key] = score
            guard count >= minimumWordCount else { continue }
            candidates.append(Candidate(key: key.string, score: score, stems: [key]))
        }
        for (pairKey, count) in pairs.entries where count >= 2 {
            let a = stems[Int((pairKey &- 1) >> 32)]
            let b = stems[Int(UInt32(truncatingIfNeeded: pairKey &- 1))]
            let key = a.string + " " + b.string
            var score = (1 + log(Double(count))) * idf(TermKey(key), stems: [a, b])
            if titleStems.contains(a) && titleStems.contains(b) { score *= 1.5 }
            candidates.append(Candidate(key: key, score: score, stems: [a, b]))
        }
        // Entities, by canonical name; their words found by walking tokens and mentions together.
        var entities: [String: (count: Int, stems: [TermKey])] = [:]
        var k = 0
        for mention in mentions where mention.type != .misc {
            while k < tokens.count && tokens[k].range.end <= mention.range.start { k += 1 }
            var stems: [TermKey] = []
            var j = k
            while j < tokens.count && tokens[j].range.start < mention.range.end {
                stems.append(TermKey(tokens[j].stem))
                j += 1
            }
            guard !stems.isEmpty else { continue }
            entities[mention.canonical, default: (0, stems)].count += 1
        }
        for (name, entity) in entities where entity.stems.count > 1 || entity.count >= minimumWordCount {
            let idf = entity.stems.map { frequencies.idf($0) }.max() ?? 0
            var score = (1 + log(Double(entity.count))) * idf
            if entity.stems.allSatisfy(titleStems.contains) { score *= 1.5 }
            candidates.append(Candidate(key: name, score: score, stems: entity.stems, name: name))
        }
        candidates.sort {
            $0.score != $1.score ? $0.score > $1.score : ($0.stems.count, $1.key) > ($1.stems.count, $0.key)
        }
        var chosen: [(keyword: ArticleDocument.Keyword, stems: [TermKey])] = []
        var covered = Set<TermKey>()
        var shown = Set<String>()
        for c in candidates where chosen.count < limit {
            if c.stems.count == 1 ? covered.contains(c.stems[0]) : c.stems.allSatisfy(covered.contains) { continue }
            let term = c.name ?? Self.mostFrequentForm(Self.occurrences(of: c.stems, in: words), tokens, scalars)
            if shown.contains(term) { continue }
            let score = (c.score * 1000).rounded() / 1000
            guard score.isFinite, score > 0 else { continue }
            if c.stems.count > 1 {
                covered.formUnion(c.stems)
                // A single word chosen before and now part of this term gives way to it.
                chosen.removeAll { $0.stems.count == 1 && covered.contains($0.stems[0]) }
            }
            shown.insert(term)
            chosen.append((ArticleDocument.Keyword(term: term, score: score), c.stems))
        }
        return (chosen.map(\.keyword), weights)
    }

    /// The first `limit` occurrences, as token ranges `(first, last)`, of the single word or the
    /// pair of adjacent words `stems` among `words`.
    static func occurrences(
        of stems: [TermKey], in words: [KeywordTerms.Word], limit: Int = 16
    ) -> [(first: Int, last: Int)] {
        var found: [(first: Int, last: Int)] = []
        for (n, w) in words.enumerated() where w.key == stems[0] {
            if stems.count == 1 {
                found.append((w.index, w.index))
            } else if n + 1 < words.count, words[n + 1].index == w.index + 1, words[n + 1].key == stems[1] {
                found.append((w.index, words[n + 1].index))
            }
            if found.count == limit { break }
        }
        return found
    }

    /// The form the article writes most often among the first sixteen of `occurrences` (ties: the
    /// first in text order).
    static func mostFrequentForm(
        _ occurrences: [(first: Int, last: Int)], _ tokens: [Token], _ scalars: [Unicode.Scalar]
    ) -> String {
        var counts: [String: (count: Int, first: Int)] = [:]
        for (n, o) in occurrences.prefix(16).enumerated() {
            counts[display(tokens, scalars, o.first, o.last), default: (0, n)].count += 1
        }
        return counts.max {
            $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.value.first > $1.value.first
        }!
        .key
    }

    /// The IDF of a term: the table's for a single word or a pair it holds; for a pair it does not
    /// hold (fewer documents than the table's threshold), the mean of its words' IDFs, so that a
    /// chance pair is not preferred for its rarity alone.
    func idf(_ key: TermKey, stems: [TermKey]) -> Double {
        if stems.count == 1 || frequencies.counts[key] != nil { return frequencies.idf(key) }
        return stems.reduce(0) { $0 + frequencies.idf($1) } / Double(stems.count)
    }

    /// The text from token `first` (after its conjunction and preposition proclitics) to token
    /// `last`, tashkeel removed.
    static func display(_ tokens: [Token], _ scalars: [Unicode.Scalar], _ first: Int, _ last: Int) -> String {
        let t = tokens[first]
        var start = t.range.start
        var leading = t.proclitics.filter { $0 != "ال" }.count
        if t.proclitics.last == "ال", t.proclitics.dropLast().last == "ل" { leading += 0 }
        while leading > 0, start < t.range.end {
            if !ScalarClass.isArabicMark(scalars[start].value) { leading -= 1 }
            start += 1
        }
        var out = String.UnicodeScalarView()
        for s in scalars[start..<tokens[last].range.end] where !ScalarClass.isArabicMark(s.value) && s != "\u{640}" {
            out.append(s)
        }
        return String(out)
    }
}
