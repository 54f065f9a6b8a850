// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The second stage's own features: what the first stage made of the token, of its neighbours,
/// and of the other occurrences of the same word (lexical form) in the article.
///
/// After `../shared/NER-NOTES.md` (stacking over a window of sentences; in the daemon the article
/// is the window) and Krishnan and Manning (2006): for the other occurrences of the word, the
/// class they were given most often, whether any was given each class, the share given an
/// entity class, whether one sits inside a longer entity of each class, and whether the word
/// ends or starts a person's full name elsewhere (so that a later bare surname is tagged).
struct NERDocumentFeatures {
    enum Template {
        static let tag: UInt64 = 100
        static let tagPrev: UInt64 = 101
        static let tagNext: UInt64 = 102
        static let tagBigramPrev: UInt64 = 103
        static let tagBigramNext: UInt64 = 104
        static let majority: UInt64 = 105
        static let anyClass: UInt64 = 106  // + class
        static let entityShare: UInt64 = 110
        static let inLonger: UInt64 = 111  // + class
        static let endsPersonName: UInt64 = 115
        static let startsPersonName: UInt64 = 116
        static let tagAndMajority: UInt64 = 117
        static let othersCount: UInt64 = 118
        static let majorityPrev: UInt64 = 120
        static let majorityNext: UInt64 = 121
        static let endsPersonNameAfterPerson: UInt64 = 122
    }

    /// What the occurrences of one word were given.
    private struct Aggregate {
        /// Occurrences by class: lane 0 `O`, lane 1 + class index (lanes 5–7 unused).
        var counts = SIMD8<Int32>()
        /// Occurrences inside an entity of more than one token, by class index.
        var longer = SIMD4<Int32>()
        var endsPerson: Int32 = 0
        var startsPerson: Int32 = 0
    }

    /// One token's part in its word's aggregate.
    private struct Role {
        /// 0 `O`, 1 + class index.
        var type: Int
        var longer: Bool
        var endsPerson: Bool
        var startsPerson: Bool
        /// Index of the word's aggregate, -1 for tokens that are not counted.
        var aggregate: Int32
    }

    private let roles: [Role]
    private let aggregates: [Aggregate]
    private let tags: [UInt8]

    /// Aggregates the first stage's `tags` (tag indices, one per token) over the article.
    init(infos: UnsafeBufferPointer<NERTokenInfo>, lines: [Range<Int>], tags: [UInt8]) {
        self.tags = tags
        var roles = [Role](
            repeating: Role(type: 0, longer: false, endsPerson: false, startsPerson: false, aggregate: -1),
            count: infos.count)
        for line in lines {
            var i = line.lowerBound
            // Spans as IOB2Span reads them, within the line.
            while i < line.upperBound {
                let tag = EntityTag(index: Int(tags[i]))
                guard let type = tag.type else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < line.upperBound, EntityTag(index: Int(tags[j])) == .inside(type) { j += 1 }
                let longer = j - i > 1
                for k in i..<j {
                    roles[k].type = 1 + type.classIndex
                    roles[k].longer = longer
                }
                if longer && type == .person {
                    roles[j - 1].endsPerson = true
                    roles[i].startsPerson = true
                }
                i = j
            }
        }
        var index = HashedTable<Int32>(capacity: infos.count, empty: -1)
        var aggregates: [Aggregate] = []
        for k in infos.indices where infos[k].isWord && infos[k].length >= 2 {
            let a = index.value(for: infos[k].form == 0 ? 1 : infos[k].form) {
                aggregates.append(Aggregate())
                return Int32(aggregates.count - 1)
            }
            roles[k].aggregate = a
            let r = roles[k]
            Self.add(&aggregates[Int(a)], r, 1)
        }
        self.roles = roles
        self.aggregates = aggregates
    }

    private static func add(_ a: inout Aggregate, _ r: Role, _ d: Int32) {
        a.counts[r.type] += d
        if r.longer && r.type > 0 { a.longer[r.type - 1] += d }
        if r.endsPerson { a.endsPerson += d }
        if r.startsPerson { a.startsPerson += d }
    }

    /// The aggregate of the other occurrences of token `k`'s word, `nil` when it has none.
    private func others(_ k: Int) -> Aggregate? {
        let r = roles[k]
        guard r.aggregate >= 0 else { return nil }
        var a = aggregates[Int(r.aggregate)]
        Self.add(&a, r, -1)
        return a.counts.wrappedSum() > 0 ? a : nil
    }

    /// 0 when none of the others has an entity class, else 1 + the most frequent class.
    private static func majority(_ a: Aggregate) -> UInt64 {
        var best = 1
        for k in 2...4 where a.counts[k] > a.counts[best] { best = k }
        return a.counts[best] > 0 ? UInt64(best) : 0
    }

    /// Adds the document features of token `i` (in `line`) to `sink`.
    func features<S: NERFeatureSink>(at i: Int, line: Range<Int>, into sink: inout S) {
        typealias T = Template
        let own = UInt64(tags[i])
        let prev = i > line.lowerBound ? UInt64(tags[i - 1]) : 15
        let next = i + 1 < line.upperBound ? UInt64(tags[i + 1]) : 15
        sink.add(FeatureHash.feature(T.tag, own))
        sink.add(FeatureHash.feature(T.tagPrev, prev))
        sink.add(FeatureHash.feature(T.tagNext, next))
        sink.add(FeatureHash.feature(T.tagBigramPrev, prev << 8 | own))
        sink.add(FeatureHash.feature(T.tagBigramNext, own << 8 | next))
        if let a = others(i) {
            let majority = Self.majority(a)
            sink.add(FeatureHash.feature(T.majority, majority))
            sink.add(FeatureHash.feature(T.tagAndMajority, own << 8 | majority))
            for k in 0..<4 where a.counts[k + 1] > 0 { sink.add(FeatureHash.feature(T.anyClass + UInt64(k), 0)) }
            for k in 0..<4 where a.longer[k] > 0 { sink.add(FeatureHash.feature(T.inLonger + UInt64(k), 0)) }
            let total = a.counts.wrappedSum()
            let entities = total - a.counts[0]
            let share: UInt64 = entities == 0 ? 0 : entities == total ? 3 : 2 * entities >= total ? 2 : 1
            sink.add(FeatureHash.feature(T.entityShare, share))
            sink.add(FeatureHash.feature(T.othersCount, UInt64(min(total, 5))))
            if a.endsPerson > 0 {
                sink.add(FeatureHash.feature(T.endsPersonName, 0))
                sink.add(FeatureHash.feature(T.endsPersonNameAfterPerson, prev))
            }
            if a.startsPerson > 0 { sink.add(FeatureHash.feature(T.startsPersonName, 0)) }
        }
        if i > line.lowerBound, let a = others(i - 1) {
            sink.add(FeatureHash.feature(T.majorityPrev, Self.majority(a)))
        }
        if i + 1 < line.upperBound, let a = others(i + 1) {
            sink.add(FeatureHash.feature(T.majorityNext, Self.majority(a)))
        }
    }
}
