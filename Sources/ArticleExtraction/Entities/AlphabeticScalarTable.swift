// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The Unicode `Alphabetic` property of every Basic Multilingual Plane scalar as a bit table,
/// built once from Swift's own Unicode data (`Unicode.Scalar.Properties.isAlphabetic`).
///
/// Answers exactly what `scalar.properties.isAlphabetic` answers, without the property look-up per
/// scalar (a trie walk in the runtime); scalars above U+FFFF still ask the property.
enum AlphabeticScalarTable {
    /// 65,536 bits: bit `v & 63` of word `v >> 6` is set when scalar `v` is alphabetic. 8 KiB.
    private static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<UInt32(0x10000) {
            if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                bits[Int(value >> 6)] |= 1 << UInt64(value & 63)
            }
        }
        return bits
    }()

    /// Whether `scalar` has the Unicode `Alphabetic` property.
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value < 0x10000 else { return scalar.properties.isAlphabetic }
        return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}
