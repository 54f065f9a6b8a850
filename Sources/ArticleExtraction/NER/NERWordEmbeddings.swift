// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// Word vectors learnt from unlabelled text with skip-gram and negative sampling (Mikolov et al.
/// 2013, "Distributed Representations of Words and Phrases"; the update rule, sigmoid table,
/// frequent-word subsampling and linearly decaying learning rate of the original `word2vec.c`).
/// One thread and a seeded generator, so the vectors are the same on every run.
struct NERWordEmbeddings {
    struct Options: Sendable {
        var dimensions = 64
        var window = 5
        var negatives = 5
        var epochs = 3
        var sample: Double = 1e-4
        var learningRate: Float = 0.025
        var seed: UInt64 = 1
    }

    let dimensions: Int
    /// `vocabularySize × dimensions` input vectors, row-major.
    private(set) var vectors: [Float]

    /// Trains on `tokens` (vocabulary ids, `0..<counts.count`), cut into sequences at `starts`
    /// (each sequence's first index, ascending); `counts` are the ids' corpus counts.
    init(tokens: [Int32], starts: [Int], counts: [Int], options: Options, log: (String) -> Void) {
        let d = options.dimensions
        precondition(d % 8 == 0, "dimensions must be a multiple of 8")
        dimensions = d
        let v = counts.count
        var random = NERRandom(seed: options.seed)
        var syn0 = (0..<(v * d)).map { _ in (random.unit() - 0.5) / Float(d) }
        var syn1 = [Float](repeating: 0, count: v * d)
        // Negative-sampling table: ids in proportion to count^0.75.
        let tableSize = 1 << 22
        var table = [Int32](repeating: 0, count: tableSize)
        let powers = counts.map { pow(Double($0), 0.75) }
        let totalPower = powers.reduce(0, +)
        var id = 0
        var cumulative = powers.first ?? 0
        for k in 0..<tableSize {
            table[k] = Int32(id)
            if Double(k + 1) / Double(tableSize) > cumulative / totalPower && id < v - 1 {
                id += 1
                cumulative += powers[id]
            }
        }
        // Sigmoid table over [-6, 6].
        let sigmoidSize = 1000
        let maxExp: Float = 6
        let sigmoid = (0..<sigmoidSize).map { k -> Float in
            let x = exp((Float(k) / Float(sigmoidSize) * 2 - 1) * maxExp)
            return x / (x + 1)
        }
        let totalWords = counts.reduce(0, +)
        let keep = counts.map { c -> Float in
            let f = Double(c) / Double(totalWords)
            let t = options.sample
            return Float(min(1, ((f / t).squareRoot() + 1) * t / f))
        }
        let totalSteps = Double(options.epochs * tokens.count)
        var processed = 0
        var sentence = [Int32]()
        var neu1e = [Float](repeating: 0, count: d)
        let bounds = starts + [tokens.count]
        for epoch in 1...options.epochs {
            for s in 0..<(bounds.count - 1) {
                sentence.removeAll(keepingCapacity: true)
                for k in bounds[s]..<bounds[s + 1] {
                    let w = tokens[k]
                    if keep[Int(w)] >= 1 || random.unit() < keep[Int(w)] { sentence.append(w) }
                }
                processed += bounds[s + 1] - bounds[s]
                let alpha = max(
                    options.learningRate * Float(1 - Double(processed) / totalSteps),
                    options.learningRate * 1e-4)
                syn0.withUnsafeMutableBufferPointer { in0 in
                    syn1.withUnsafeMutableBufferPointer { out1 in
                        neu1e.withUnsafeMutableBufferPointer { e in
                            let in0 = in0.baseAddress!
                            let out1 = out1.baseAddress!
                            let e = e.baseAddress!
                            for pos in sentence.indices {
                                let center = Int(sentence[pos])
                                let b = Int(random.next() % UInt64(options.window))
                                let span = options.window - b
                                for c in max(0, pos - span)...min(sentence.count - 1, pos + span) where c != pos {
                                    let context = Int(sentence[c])
                                    let l1 = in0 + context * d
                                    for i in 0..<d { e[i] = 0 }
                                    for n in 0...options.negatives {
                                        let target: Int
                                        let label: Float
                                        if n == 0 {
                                            target = center
                                            label = 1
                                        } else {
                                            target = Int(table[Int(random.next() >> 42)])
                                            if target == center { continue }
                                            label = 0
                                        }
                                        let l2 = out1 + target * d
                                        let f = NERVectorMath.dot(l1, l2, d)
                                        let g: Float
                                        if f > maxExp {
                                            g = (label - 1) * alpha
                                        } else if f < -maxExp {
                                            g = label * alpha
                                        } else {
                                            let k = Int((f + maxExp) * (Float(sigmoidSize) / maxExp / 2))
                                            g = (label - sigmoid[min(k, sigmoidSize - 1)]) * alpha
                                        }
                                        NERVectorMath.axpy(g, l2, e, d)
                                        NERVectorMath.axpy(g, l1, l2, d)
                                    }
                                    NERVectorMath.axpy(1, e, l1, d)
                                }
                            }
                        }
                    }
                }
            }
            log("embeddings: pass \(epoch) of \(options.epochs) done")
        }
        vectors = syn0
    }
}
