// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Trains a linear-chain tagger with the averaged structured perceptron (Collins 2002): decode
/// each training line with the current weights (Viterbi, IOB2-constrained); where the best tags
/// differ from the gold tags, add 1 to the weights of the gold tags' features and transitions
/// and take 1 from the predicted ones. The model used is the average of the weights over every
/// line visited (kept cheaply with the trick of Daumé III 2006: `w - u / c`).
///
/// Weights are `featureCount × 9` (feature-major); transitions ``NERTransitions``. Deterministic
/// for a given visiting order.
struct NERPerceptronTrainer {
    let featureCount: Int
    private var weights: [Float]
    private var weightSums: [Float]
    private var transitions = [Float](repeating: 0, count: 99)
    private var transitionSums = [Float](repeating: 0, count: 99)
    /// Lines visited + 1.
    private var step: Float = 1
    private var viterbi = NERViterbi()

    init(featureCount: Int) {
        self.featureCount = featureCount
        weights = [Float](repeating: 0, count: featureCount * NERTransitions.tags)
        weightSums = weights
    }

    /// One pass over `data`'s sequences in `order` (indices into `data.sequences`). Returns the
    /// number of tokens decoded wrong.
    mutating func epoch(_ data: NERTrainingData, order: [Int]) -> Int {
        let k = NERTransitions.tags
        var mistakes = 0
        var emissions = [Float]()
        var predicted = [UInt8]()
        for s in order {
            let sequence = data.sequences[s]
            let n = sequence.count
            if emissions.count < n * k {
                emissions = [Float](repeating: 0, count: n * k * 2)
                predicted = [UInt8](repeating: 0, count: n * 2)
            }
            Self.emissions(data, sequence, weights, into: &emissions)
            let current = NERTransitions(
                start: Array(transitions[0..<9]), pair: Array(transitions[9..<90]), end: Array(transitions[90..<99]))
            emissions.withUnsafeBufferPointer { e in
                predicted.withUnsafeMutableBufferPointer { out in
                    viterbi.decode(e, count: n, current.constrained, into: out)
                }
            }
            var wrong = 0
            for i in 0..<n where predicted[i] != data.gold[sequence.lowerBound + i] { wrong += 1 }
            if wrong > 0 {
                mistakes += wrong
                update(data, sequence, predicted)
            }
            step += 1
        }
        return mistakes
    }

    private mutating func update(_ data: NERTrainingData, _ sequence: Range<Int>, _ predicted: [UInt8]) {
        let k = NERTransitions.tags
        let c = step
        weights.withUnsafeMutableBufferPointer { w in
            weightSums.withUnsafeMutableBufferPointer { u in
                data.ids.withUnsafeBufferPointer { ids in
                    for (i, token) in sequence.enumerated() {
                        let g = Int(data.gold[token])
                        let p = Int(predicted[i])
                        guard g != p else { continue }
                        for f in data.offsets[token]..<data.offsets[token + 1] {
                            let row = Int(ids[f]) * k
                            w[row + g] += 1
                            u[row + g] += c
                            w[row + p] -= 1
                            u[row + p] -= c
                        }
                    }
                }
            }
        }
        func move(_ index: Int, _ delta: Float) {
            transitions[index] += delta
            transitionSums[index] += delta * c
        }
        let first = sequence.lowerBound
        let n = sequence.count
        move(Int(data.gold[first]), 1)
        move(Int(predicted[0]), -1)
        for i in 1..<max(n, 1) {
            move(9 + Int(data.gold[first + i - 1]) * k + Int(data.gold[first + i]), 1)
            move(9 + Int(predicted[i - 1]) * k + Int(predicted[i]), -1)
        }
        move(90 + Int(data.gold[first + n - 1]), 1)
        move(90 + Int(predicted[n - 1]), -1)
    }

    /// The averaged weights and transitions.
    func averaged() -> (weights: [Float], transitions: NERTransitions) {
        let c = step
        var avg = [Float](repeating: 0, count: weights.count)
        weights.withUnsafeBufferPointer { w in
            weightSums.withUnsafeBufferPointer { u in
                avg.withUnsafeMutableBufferPointer { a in
                    for i in 0..<a.count { a[i] = w[i] - u[i] / c }
                }
            }
        }
        let t = (0..<99).map { transitions[$0] - transitionSums[$0] / c }
        return (avg, NERTransitions(start: Array(t[0..<9]), pair: Array(t[9..<90]), end: Array(t[90..<99])))
    }

    /// Emission scores of the tokens of `sequence` under `weights`, into `out` (`count * 9`).
    static func emissions(_ data: NERTrainingData, _ sequence: Range<Int>, _ weights: [Float], into out: inout [Float])
    {
        let k = NERTransitions.tags
        weights.withUnsafeBufferPointer { w in
            data.ids.withUnsafeBufferPointer { ids in
                out.withUnsafeMutableBufferPointer { e in
                    for (i, token) in sequence.enumerated() {
                        let base = i * k
                        for t in 0..<k { e[base + t] = 0 }
                        for f in data.offsets[token]..<data.offsets[token + 1] {
                            let row = Int(ids[f]) * k
                            for t in 0..<k { e[base + t] += w[row + t] }
                        }
                    }
                }
            }
        }
    }

    /// Best tags of every token of `data` under `weights` and `transitions`.
    static func decode(_ data: NERTrainingData, weights: [Float], transitions: NERTransitions) -> [UInt8] {
        var tags = [UInt8](repeating: 0, count: data.tokenCount)
        var emissions = [Float]()
        var viterbi = NERViterbi()
        let constrained = transitions.constrained
        for sequence in data.sequences {
            let n = sequence.count
            if emissions.count < n * NERTransitions.tags {
                emissions = [Float](repeating: 0, count: n * NERTransitions.tags * 2)
            }
            Self.emissions(data, sequence, weights, into: &emissions)
            emissions.withUnsafeBufferPointer { e in
                tags.withUnsafeMutableBufferPointer { out in
                    viterbi.decode(
                        e, count: n, constrained,
                        into: UnsafeMutableBufferPointer(rebasing: out[sequence]))
                }
            }
        }
        return tags
    }
}
