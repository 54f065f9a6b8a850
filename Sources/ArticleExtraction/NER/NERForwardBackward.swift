// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// The forward-backward algorithm (Rabiner 1989, with per-position scaling) over one line under
/// a linear-chain model whose scores are divided by a temperature: the distribution
/// `P(tags) ∝ exp(score(tags) / temperature)`. Gives the marginal probability of an entity span,
/// `P(B-X at start, I-X up to end, and no I-X right after)`, which is the confidence the
/// recogniser reports (the temperature is fitted on the development set, Guo et al. 2017).
///
/// Keeps its buffers between calls.
struct NERForwardBackward {
    private var alpha: [Double] = []
    private var beta: [Double] = []
    private var psi: [Double] = []
    private var scale: [Double] = []
    private var n = 0
    private var total = 1.0
    /// `exp(score / temperature)` of the moves (0 for forbidden ones).
    private var startWeight: [Double]
    private var pairWeight: [Double]
    private var endWeight: [Double]
    let temperature: Double

    init(_ transitions: NERTransitions, temperature: Double) {
        self.temperature = temperature
        let t = temperature
        startWeight = transitions.constrainedStart.map { $0 <= NERTransitions.forbidden / 2 ? 0 : exp(Double($0) / t) }
        pairWeight = transitions.constrainedPair.map { $0 <= NERTransitions.forbidden / 2 ? 0 : exp(Double($0) / t) }
        endWeight = transitions.end.map { exp(Double($0) / t) }
    }

    /// Runs over `count` tokens whose emission scores are in `emissions` (`count * 9`).
    mutating func run(_ emissions: UnsafeBufferPointer<Float>, count: Int) {
        let k = NERTransitions.tags
        n = count
        guard n > 0 else { return }
        if alpha.count < n * k {
            alpha = [Double](repeating: 0, count: n * k * 2)
            beta = alpha
            psi = alpha
            scale = [Double](repeating: 0, count: n * 2)
        }
        let t = temperature
        for i in 0..<n {
            var m = emissions[i * k]
            for j in 1..<k { m = max(m, emissions[i * k + j]) }
            for j in 0..<k { psi[i * k + j] = exp(Double(emissions[i * k + j] - m) / t) }
        }
        var c = 0.0
        for j in 0..<k {
            alpha[j] = startWeight[j] * psi[j]
            c += alpha[j]
        }
        scale[0] = c
        for j in 0..<k { alpha[j] /= c }
        for i in 1..<max(n, 1) {
            c = 0
            for j in 0..<k {
                var sum = 0.0
                for f in 0..<k { sum += alpha[(i - 1) * k + f] * pairWeight[f * k + j] }
                let v = sum * psi[i * k + j]
                alpha[i * k + j] = v
                c += v
            }
            scale[i] = c
            for j in 0..<k { alpha[i * k + j] /= c }
        }
        for j in 0..<k { beta[(n - 1) * k + j] = endWeight[j] }
        var i = n - 2
        while i >= 0 {
            for f in 0..<k {
                var sum = 0.0
                for j in 0..<k { sum += pairWeight[f * k + j] * psi[(i + 1) * k + j] * beta[(i + 1) * k + j] }
                beta[i * k + f] = sum / scale[i + 1]
            }
            i -= 1
        }
        total = 0
        for j in 0..<k { total += alpha[(n - 1) * k + j] * endWeight[j] }
    }

    /// Marginal probability of tag `tag` at token `i` of the last run.
    func marginal(_ i: Int, _ tag: Int) -> Double {
        alpha[i * NERTransitions.tags + tag] * beta[i * NERTransitions.tags + tag] / total
    }

    /// Probability that tokens `[start, end)` of the last run form exactly one entity of `type`.
    func spanProbability(start: Int, end: Int, type: EntityType) -> Double {
        let k = NERTransitions.tags
        let b = EntityTag.begin(type).index
        let inside = EntityTag.inside(type).index
        var p = alpha[start * k + b]
        var last = b
        if end > start + 1 {
            for i in (start + 1)..<end {
                p *= pairWeight[last * k + inside] * psi[i * k + inside] / scale[i]
                last = inside
            }
        }
        if end == n {
            p *= endWeight[last]
        } else {
            var tail = 0.0
            for j in 0..<k where j != inside {
                tail += pairWeight[last * k + j] * psi[end * k + j] * beta[end * k + j]
            }
            p *= tail / scale[end]
        }
        return min(max(p / total, 0), 1)
    }
}
