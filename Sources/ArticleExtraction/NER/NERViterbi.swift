// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Viterbi decoding (Viterbi 1967; as in Collins 2002 for perceptron-trained taggers) of the best
/// tag sequence of one line under a linear-chain model: per-token tag scores (emissions) plus
/// ``NERTransitions`` with the IOB2 constraint. Keeps its work buffers between calls, so that
/// decoding an article allocates only when a line is longer than any before.
struct NERViterbi {
    private var scores: [Float] = []
    private var back: [UInt8] = []

    init() {}

    /// Writes the best tag index of each of `count` tokens into `out`; `emissions` holds
    /// `count * 9` scores, token after token. Ties go to the lower tag index.
    mutating func decode(
        _ emissions: UnsafeBufferPointer<Float>, count n: Int, _ transitions: NERTransitions.Constrained,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) {
        guard n > 0 else { return }
        let k = NERTransitions.tags
        if scores.count < n * k {
            scores = [Float](repeating: 0, count: n * k * 2)
            back = [UInt8](repeating: 0, count: n * k * 2)
        }
        scores.withUnsafeMutableBufferPointer { s in
            back.withUnsafeMutableBufferPointer { b in
                transitions.start.withUnsafeBufferPointer { st in
                    transitions.pair.withUnsafeBufferPointer { p in
                        transitions.end.withUnsafeBufferPointer { en in
                            Self.run(emissions, n, st, p, en, s, b, out)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func run(
        _ emissions: UnsafeBufferPointer<Float>, _ n: Int, _ st: UnsafeBufferPointer<Float>,
        _ p: UnsafeBufferPointer<Float>, _ en: UnsafeBufferPointer<Float>, _ s: UnsafeMutableBufferPointer<Float>,
        _ b: UnsafeMutableBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>
    ) {
        let k = NERTransitions.tags
        for t in 0..<k { s[t] = st[t] + emissions[t] }
        var i = 1
        while i < n {
            let prev = (i - 1) * k
            let cur = i * k
            for t in 0..<k {
                var best = s[prev] + p[t]
                var arg = 0
                for f in 1..<k {
                    let v = s[prev + f] + p[f * k + t]
                    if v > best {
                        best = v
                        arg = f
                    }
                }
                s[cur + t] = best + emissions[cur + t]
                b[cur + t] = UInt8(truncatingIfNeeded: arg)
            }
            i += 1
        }
        let last = (n - 1) * k
        var best = s[last] + en[0]
        var arg = 0
        for t in 1..<k where s[last + t] + en[t] > best {
            best = s[last + t] + en[t]
            arg = t
        }
        out[n - 1] = UInt8(truncatingIfNeeded: arg)
        i = n - 1
        while i > 0 {
            arg = Int(b[i * k + arg])
            out[i - 1] = UInt8(truncatingIfNeeded: arg)
            i -= 1
        }
    }
}
