// SPDX-License-Identifier: GPL-2.0-or-later

/// The scores of the pair features whose values are small numbers (the listed-name positions
/// and the rule recogniser's tags of a token and its neighbours, ``NERFeatureExtractor/phraseFeatures(_:_:_:into:)``
/// and ``NERFeatureExtractor/ruleFeatures(_:_:_:into:)``), worked out for every value once, when
/// the tagger is made: per token, six look-ups into the model's feature table (each a likely
/// cache miss) become six reads from 50 KB of tables. Each entry is one feature's weights added to
/// zero (exact), and the tagger adds the entries to its running sum in the order of
/// ``NERFeatureExtractor/pairFeatures(_:_:_:groups:lexicon:into:)``, so the scores are those of
/// the features one by one, to the last bit (a value that adds no feature reads a zero entry).
///
/// Values are below 16 (``NERTokenInfo/phrase`` is at most 4, ``NERTokenInfo/rule`` a tag index
/// up to 8, or 15 at a line boundary).
struct NERPairTables: Sendable {
    private let groups: NERFeatureGroups
    /// `phrase(t)`, `phrasePrev(p1)`, `phraseNext(n1)`: 16 values each.
    private let phrase: [NERScores]
    /// `rule(t)` (16), then `rulePrev(p1, t)` (256, by `p1 << 4 | t`), then `ruleNext(t, n1)` (256,
    /// by `t << 4 | n1`).
    private let rule: [NERScores]

    static let values = 16

    init(groups: NERFeatureGroups, sink: inout NERScoreSink) {
        self.groups = groups
        let v = Self.values
        var phrase = [NERScores](repeating: .zero, count: 3 * v)
        var rule = [NERScores](repeating: .zero, count: v + 2 * v * v)
        if groups.contains(.gazetteer) {
            for x in 1..<UInt8(v) {
                NERFeatureExtractor.phraseFeatures(0, x, 0, into: &sink)
                phrase[Int(x)] = sink.take()
                NERFeatureExtractor.phraseFeatures(x, 0, 0, into: &sink)
                phrase[v + Int(x)] = sink.take()
                NERFeatureExtractor.phraseFeatures(0, 0, x, into: &sink)
                phrase[2 * v + Int(x)] = sink.take()
            }
        }
        if groups.contains(.rules) {
            typealias T = NERFeatureExtractor.Template
            for t in 0..<UInt64(v) {
                sink.add(FeatureHash.feature(T.rule, t))
                rule[Int(t)] = sink.take()
                for o in 0..<UInt64(v) {
                    sink.add(FeatureHash.feature(T.rulePrev, o << 8 | t))
                    rule[v + Int(o << 4 | t)] = sink.take()
                    sink.add(FeatureHash.feature(T.ruleNext, t << 8 | o))
                    rule[v + v * v + Int(t << 4 | o)] = sink.take()
                }
            }
        }
        self.phrase = phrase
        self.rule = rule
    }

    /// Adds the scores of the phrase and rule pair features of `t` between `p1` and `n1` to `s`, in
    /// the order of ``NERFeatureExtractor/pairFeatures(_:_:_:groups:lexicon:into:)``.
    @inline(__always)
    func add(_ p1: NERTokenInfo, _ t: NERTokenInfo, _ n1: NERTokenInfo, to s: inout NERScores) {
        let v = Self.values
        assert(t.phrase < 16 && p1.phrase < 16 && n1.phrase < 16 && t.rule < 16 && p1.rule < 16 && n1.rule < 16)
        if groups.contains(.gazetteer) {
            s += phrase[Int(t.phrase & 15)]
            s += phrase[v + Int(p1.phrase & 15)]
            s += phrase[2 * v + Int(n1.phrase & 15)]
        }
        if groups.contains(.rules) {
            let tr = Int(t.rule & 15)
            s += rule[tr]
            s += rule[v + (Int(p1.rule & 15) << 4 | tr)]
            s += rule[v + v * v + (tr << 4 | Int(n1.rule & 15))]
        }
    }
}
