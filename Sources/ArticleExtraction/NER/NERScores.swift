// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The nine tag scores of both stages for one token (or one part of a token's features):
/// lanes 0–7 and ``last1`` are the first stage's, ``head2`` and ``last2`` the second's. The two
/// vectors come first so that the scalars share the tail (96 bytes a value instead of 128: the
/// vectors are 32-byte aligned).
struct NERScores: Sendable {
    var head1 = SIMD8<Float>()
    var head2 = SIMD8<Float>()
    var last1: Float = 0
    var last2: Float = 0

    static let zero = NERScores()

    @inline(__always)
    static func += (a: inout NERScores, b: NERScores) {
        a.head1 += b.head1
        a.last1 += b.last1
        a.head2 += b.head2
        a.last2 += b.last2
    }

    /// Writes the first stage's nine scores at `e[base...]`.
    @inline(__always)
    func writeStage1(_ e: UnsafeMutableBufferPointer<Float>, at base: Int) {
        for t in 0..<8 { e[base + t] = head1[t] }
        e[base + 8] = last1
    }

    /// Writes the second stage's nine scores at `e[base...]`.
    @inline(__always)
    func writeStage2(_ e: UnsafeMutableBufferPointer<Float>, at base: Int) {
        for t in 0..<8 { e[base + t] = head2[t] }
        e[base + 8] = last2
    }
}
