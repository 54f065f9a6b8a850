// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A seeded random number generator (SplitMix64, Steele, Lea and Flood 2014) so that training is
/// reproducible: the same seed gives the same shuffles, the same model, on every run.
struct NERRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform float in `[0, 1)`.
    mutating func unit() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
