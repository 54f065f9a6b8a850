// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// The stream's type cache (``NERTypeCache``): what it keeps, what it drops, and that the tagger
/// tags the same with and without it.
struct NERTypeCacheTests {
    /// Facts and scores that name `key`, so that a fetch shows which entry it read.
    static func entry(_ key: UInt64) -> (NERTokenInfo, [NERScores]) {
        var info = NERTokenInfo.boundary
        info.form = key
        let scores = (0..<5).map { r in
            var s = NERScores.zero
            s.head1[0] = Float(key)
            s.last2 = Float(r)
            return s
        }
        return (info, scores)
    }

    static func store(_ cache: NERTypeCache, _ keys: [UInt64]) {
        var infos: [NERTokenInfo] = []
        var scores: [NERScores] = []
        for key in keys {
            let (i, s) = entry(key)
            infos.append(i)
            scores += s
        }
        cache.store(keys, new: Array(keys.indices), infos: infos, scores: scores)
    }

    /// The keys of `keys` the cache holds (and fetching them).
    static func held(_ cache: NERTypeCache, _ keys: [UInt64]) -> [UInt64] {
        var infos = [NERTokenInfo](repeating: .boundary, count: keys.count)
        var scores = [NERScores](repeating: .zero, count: keys.count * 5)
        let missing = Set(cache.fetch(keys, wanted: Array(keys.indices), infos: &infos, scores: &scores))
        for i in keys.indices where !missing.contains(i) {
            #expect(infos[i].form == keys[i])
            #expect((0..<5).map { scores[i * 5 + $0].head1[0] } == Array(repeating: Float(keys[i]), count: 5))
            #expect((0..<5).map { scores[i * 5 + $0].last2 } == [0, 1, 2, 3, 4])
        }
        return keys.indices.filter { !missing.contains($0) }.map { keys[$0] }
    }

    @Test("an entry stored is fetched with its facts and its five scores; others are reported missing")
    func roundTrip() {
        let cache = NERTypeCache(generationCapacity: 8)
        Self.store(cache, [11, 22, 33])
        #expect(cache.count == 3)
        #expect(Self.held(cache, [22, 44, 11, 33]) == [22, 11, 33])
        // Storing a key again keeps one entry.
        Self.store(cache, [22])
        #expect(cache.count == 3)
    }

    @Test("two generations: a full generation becomes the previous one; what is not used for two generations goes")
    func generations() {
        let cache = NERTypeCache(generationCapacity: 2)
        Self.store(cache, [1, 2])
        Self.store(cache, [3])  // current full: {1, 2} becomes the previous generation
        #expect(cache.count == 3)
        #expect(Self.held(cache, [1]) == [1])  // found in the previous generation, copied forward: {3, 1}
        Self.store(cache, [4])  // {3, 1} becomes the previous generation, {1, 2} is dropped
        #expect(Self.held(cache, [1, 2, 3, 4]) == [1, 3, 4])
        // That look-up left {3, 4} current and {4, 1} previous; 5 starts a generation, dropping
        // {4, 1}, and 6 joins it: 1 and 2 are gone, 5 and 6 held.
        Self.store(cache, [5, 6])
        #expect(Self.held(cache, [1, 2]) == [])
        #expect(Self.held(cache, [5, 6]) == [5, 6])
        #expect(cache.count <= 4)
    }

    @Test("the pair tables add exactly what the phrase and rule features add one by one, after a running sum")
    func pairTablesExact() throws {
        let model = try ShippedModel.recognizer.get().nerModel
        #expect(model.groups.contains(.rules) && model.groups.contains(.gazetteer))
        let tokens = Tokenizer().tokens(in: ScalarText.scalars(of: "وقال المشير خليفة حفتر في بنغازي"))
        let infos = tokens.map { NERFeatureExtractor.info(for: $0, lexicon: model.lexicon, seen: model.seen) }
        var checked = 0
        model.weights.withRecords { records in
            var sink = NERScoreSink(table: model.table, records: records)
            let tables = NERPairTables(groups: model.groups, sink: &sink)
            for i in 1..<(infos.count - 1) {
                for (phrase, rule) in [(0, 0), (1, 1), (3, 5), (4, 8), (2, 15)] {
                    var p1 = infos[i - 1]
                    var t = infos[i]
                    var n1 = infos[i + 1]
                    (p1.phrase, t.phrase, n1.phrase) = (UInt8(phrase), UInt8((phrase + 1) % 5), UInt8(phrase / 2))
                    (p1.rule, t.rule, n1.rule) = (UInt8(rule), UInt8((rule + 2) % 9), 15)
                    // A running sum that is not zero: the bigrams first, as in the tagger.
                    var byTable = NERScoreSink(table: model.table, records: records)
                    NERFeatureExtractor.bigramFeatures(p1, t, n1, into: &byTable)
                    var oneByOne = byTable
                    tables.add(p1, t, n1, to: &byTable.scores)
                    NERFeatureExtractor.phraseFeatures(p1.phrase, t.phrase, n1.phrase, into: &oneByOne)
                    NERFeatureExtractor.ruleFeatures(p1.rule, t.rule, n1.rule, into: &oneByOne)
                    let a = byTable.take()
                    let b = oneByOne.take()
                    #expect(a.head1 == b.head1 && a.head2 == b.head2 && a.last1 == b.last1 && a.last2 == b.last2)
                    checked += 1
                }
            }
        }
        #expect(checked == 5 * (tokens.count - 2))
    }

    @Test("the tagger with the cache, cold and warm, tags exactly as the tagger without it")
    func sameTags() throws {
        let model = try ShippedModel.recognizer.get().nerModel
        let tokenizer = Tokenizer()
        let text = NERWindowTests.article + "\nوقال فائز السراج رئيس المجلس الرئاسي إن الاتفاق صامد في طرابلس وبنغازي."
        let scalars = ScalarText.scalars(of: text)
        let tokens = tokenizer.tokens(in: scalars)
        let plain = NERTagger(model: model, tokenizer: tokenizer, typeCacheGeneration: 0)
        #expect(plain.typeCache == nil)
        let cached = NERTagger(model: model, tokenizer: tokenizer)
        let expected = plain.tag(tokens, scalars: scalars, tokenConfidence: true)
        for round in 0..<2 {
            let got = cached.tag(tokens, scalars: scalars, tokenConfidence: true)
            #expect(got.tags == expected.tags, "round \(round)")
            #expect(got.stage1 == expected.stage1, "round \(round)")
            #expect(got.tokenConfidence == expected.tokenConfidence, "round \(round)")
            #expect(got.spans.map(\.span) == expected.spans.map(\.span), "round \(round)")
            #expect(got.spans.map(\.confidence) == expected.spans.map(\.confidence), "round \(round)")
        }
        // The words the training text did not have frequent enough are in the cache now.
        #expect((cached.typeCache?.count ?? 0) > 0)
        #expect(expected.spans.contains { s in s.span.type == .location })
    }
}
