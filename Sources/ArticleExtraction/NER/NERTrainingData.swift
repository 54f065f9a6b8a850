// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Training or development data of one stage: for every token its feature ids
/// (``NERFeatureInterner``) and gold tag index, and the lines (sequences) the tokens form.
struct NERTrainingData: Sendable {
    /// `ids[offsets[i]..<offsets[i + 1]]` are the features of token `i`.
    var offsets: [Int] = [0]
    var ids: [Int32] = []
    var gold: [UInt8] = []
    /// Token ranges of the sequences, in order.
    var sequences: [Range<Int>] = []

    var tokenCount: Int { gold.count }

    /// Appends one token.
    mutating func append(features: [Int32], gold tag: UInt8) {
        ids.append(contentsOf: features)
        offsets.append(ids.count)
        gold.append(tag)
    }

    /// The same data without the features `keep` rejects (by id).
    func keeping(_ keep: [Bool]) -> NERTrainingData {
        var out = NERTrainingData()
        out.sequences = sequences
        out.gold = gold
        out.offsets.reserveCapacity(offsets.count)
        out.ids.reserveCapacity(ids.count)
        for t in 0..<tokenCount {
            for f in offsets[t]..<offsets[t + 1] where keep[Int(ids[f])] { out.ids.append(ids[f]) }
            out.offsets.append(out.ids.count)
        }
        return out
    }

    /// Marks the tokens appended since `start` as one sequence.
    mutating func endSequence(from start: Int) {
        if gold.count > start { sequences.append(start..<gold.count) }
    }
}
