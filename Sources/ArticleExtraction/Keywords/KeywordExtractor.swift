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
    ) -> (keywords: [ArticleDocument.Keyword], weights: [String: Double]) {
        let titleStems = Set(KeywordTerms.words(title).map(\.key))
        let words = KeywordTerms.words(tokens)
        guard !words.isEmpty else { return ([], [:]) }
        struct Term {
            var count = 0
            var forms: [String: Int] = [:]
            var stems: [String] = []
        }
        var terms: [String: Term] = [:]
        KeywordTerms.keys(words) { key, first, last in
            let form = Self.display(tokens, scalars, first, last)
            terms[key, default: Term()].count += 1
            terms[key]!.forms[form, default: 0] += 1
            if terms[key]!.stems.isEmpty { terms[key]!.stems = key.split(separator: " ").map(String.init) }
        }
        var weights: [String: Double] = [:]
        var candidates: [(term: String, score: Double, stems: [String])] = []
        let minimumWordCount = words.count >= 120 ? 2 : 1
        for (key, term) in terms {
            let isPair = term.stems.count > 1
            var score = (1 + log(Double(term.count))) * idf(key, stems: term.stems)
            if term.stems.allSatisfy(titleStems.contains) { score *= 1.5 }
            if !isPair { weights[key] = score }
            guard term.count >= (isPair ? 2 : minimumWordCount) else { continue }
            let form = term.forms.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            candidates.append((form, score, term.stems))
        }
        // Entities: by canonical name.
        var entities: [String: (count: Int, stems: [String])] = [:]
        for mention in mentions where mention.type != .misc {
            let stems = tokens.filter { $0.range.start >= mention.range.start && $0.range.end <= mention.range.end }
                .map(\.stem)
            guard !stems.isEmpty else { continue }
            entities[mention.canonical, default: (0, stems)].count += 1
        }
        for (name, entity) in entities where entity.stems.count > 1 || entity.count >= minimumWordCount {
            let idf = entity.stems.map { frequencies.idf($0) }.max() ?? 0
            var score = (1 + log(Double(entity.count))) * idf
            if entity.stems.allSatisfy(titleStems.contains) { score *= 1.5 }
            candidates.append((name, score, entity.stems))
        }
        candidates.sort {
            $0.score != $1.score ? $0.score > $1.score : ($0.stems.count, $1.term) > ($1.stems.count, $0.term)
        }
        var chosen: [(keyword: ArticleDocument.Keyword, stems: [String])] = []
        var covered = Set<String>()
        var shown = Set<String>()
        for c in candidates where chosen.count < limit {
            if c.stems.count == 1 ? covered.contains(c.stems[0]) : c.stems.allSatisfy(covered.contains) { continue }
            if shown.contains(c.term) { continue }
            let score = (c.score * 1000).rounded() / 1000
            guard score.isFinite, score > 0 else { continue }
            if c.stems.count > 1 {
                covered.formUnion(c.stems)
                // A single word chosen before and now part of this term gives way to it.
                chosen.removeAll { $0.stems.count == 1 && covered.contains($0.stems[0]) }
            }
            shown.insert(c.term)
            chosen.append((ArticleDocument.Keyword(term: c.term, score: score), c.stems))
        }
        return (chosen.map(\.keyword), weights)
    }

    /// The IDF of a term: the table's for a single word or a pair it holds; for a pair it does not
    /// hold (fewer documents than the table's threshold), the mean of its words' IDFs, so that a
    /// chance pair is not preferred for its rarity alone.
    func idf(_ key: String, stems: [String]) -> Double {
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
