// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import TestSupport
import Testing

@testable import ArticleExtraction

/// Viterbi and forward-backward on hand-made scores, against enumeration of every valid tag
/// sequence.
@Suite("Viterbi and forward-backward")
struct DecodingTests {
    /// A small deterministic generator for hand-made score tables.
    struct Scores {
        var state: UInt64
        mutating func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int(state >> 40) % 2001 - 1000) / 250
        }
    }

    static func transitions(seed: UInt64) -> NERTransitions {
        var r = Scores(state: seed)
        return NERTransitions(
            start: (0..<9).map { _ in r.next() }, pair: (0..<81).map { _ in r.next() },
            end: (0..<9).map { _ in r.next() })
    }

    /// Every valid IOB2 sequence of length `n` with its score.
    static func enumerate(_ emissions: [Float], _ n: Int, _ t: NERTransitions) -> [([Int], Float)] {
        var out: [([Int], Float)] = []
        func extend(_ path: [Int], _ score: Float) {
            if path.count == n {
                out.append((path, score + t.end[path.last!]))
                return
            }
            for tag in 0..<9 {
                let previous = path.last.map { EntityTag(index: $0) }
                guard EntityTag.allows(previous, EntityTag(index: tag)) else { continue }
                let move = path.last.map { t.pair[$0 * 9 + tag] } ?? t.start[tag]
                extend(path + [tag], score + move + emissions[path.count * 9 + tag])
            }
        }
        extend([], 0)
        return out
    }

    @Test("Viterbi finds the highest-scoring valid sequence", arguments: [1, 2, 3, 4])
    func viterbiIsExact(n: Int) {
        for seed in 1...5 as ClosedRange<UInt64> {
            var r = Scores(state: seed * 977)
            let emissions = (0..<(n * 9)).map { _ in r.next() }
            let t = Self.transitions(seed: seed)
            let best = Self.enumerate(emissions, n, t).max { $0.1 < $1.1 }!.0
            var viterbi = NERViterbi()
            var out = [UInt8](repeating: 0, count: n)
            emissions.withUnsafeBufferPointer { e in
                out.withUnsafeMutableBufferPointer { viterbi.decode(e, count: n, t.constrained, into: $0) }
            }
            #expect(out.map(Int.init) == best, "seed \(seed)")
        }
    }

    @Test("Viterbi never opens a span with I-, even when I- scores highest")
    func constraint() {
        let emissions: [Float] = [0, 0, 9, 0, 0, 0, 0, 0, 0] + [0, 0, 9, 0, 0, 0, 0, 0, 0]
        var viterbi = NERViterbi()
        var out = [UInt8](repeating: 0, count: 2)
        emissions.withUnsafeBufferPointer { e in
            out.withUnsafeMutableBufferPointer {
                viterbi.decode(e, count: 2, NERTransitions.zero.constrained, into: $0)
            }
        }
        // B-PERS I-PERS (score 9) beats O O (0), and I-PERS cannot come first.
        #expect(out == [1, 2])
    }

    @Test("forward-backward span probabilities equal the enumerated ones, at any temperature", arguments: [1.0, 3.5])
    func spanProbabilities(temperature: Double) {
        let n = 4
        var r = Scores(state: 4242)
        let emissions = (0..<(n * 9)).map { _ in r.next() }
        let t = Self.transitions(seed: 7)
        let paths = Self.enumerate(emissions, n, t)
        let weights = paths.map { exp(Double($0.1) / temperature) }
        let z = weights.reduce(0, +)
        var fb = NERForwardBackward(t, temperature: temperature)
        emissions.withUnsafeBufferPointer { fb.run($0, count: n) }
        for type in EntityType.allCases {
            for start in 0..<n {
                for end in (start + 1)...n {
                    let span = IOB2Span(type: type, start: start, end: end)
                    var expected = 0.0
                    for (k, path) in paths.enumerated()
                    where IOB2Span.spans(in: path.0.map { EntityTag(index: $0) }).contains(span) {
                        expected += weights[k] / z
                    }
                    let got = fb.spanProbability(start: start, end: end, type: type)
                    // Emissions are Float and are shifted by their maximum in Float before the
                    // exponential: agreement to 1e-6, not to Double precision.
                    #expect(abs(got - expected) < 1e-6, "\(type) \(start)..<\(end)")
                }
            }
        }
        for i in 0..<n {
            let total = (0..<9).reduce(0.0) { $0 + fb.marginal(i, $1) }
            #expect(abs(total - 1) < 1e-9)
        }
    }
}
