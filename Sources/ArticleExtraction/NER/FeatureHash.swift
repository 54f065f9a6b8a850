// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The 64-bit hashes that name words and features in the model: FNV-1a 64 over a word's UTF-8
/// bytes (never Swift's `String` hashing, which normalises to NFC on every call; the words hashed
/// here are the tokenizer's normalised forms), and a mix of a template number with a value
/// (the finaliser of MurmurHash3, Appleby 2008).
///
/// Hashes are part of the model file format: changing them changes every feature.
enum FeatureHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a 64 of `bytes`, continuing from `seed`.
    @inline(__always)
    static func fnv(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// FNV-1a 64 of the UTF-8 of `word` from byte `offset` on.
    @inline(__always)
    static func word(_ word: String, from offset: Int = 0) -> UInt64 {
        withUTF8(word) { fnv(UnsafeBufferPointer(rebasing: $0[min(offset, $0.count)...])) }
    }

    /// Mixes `value` into `hash` (an order-sensitive combination).
    @inline(__always)
    static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        finalize(hash &* 0x9E37_79B9_7F4A_7C15 ^ value)
    }

    /// The key of feature template `template` with value `value`; never 0 (0 marks an empty slot).
    @inline(__always)
    static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 {
        let h = finalize(value ^ (template &* 0xC2B2_AE3D_27D4_EB4F))
        return h == 0 ? 1 : h
    }

    /// MurmurHash3's 64-bit finaliser.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        var k = x
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    /// Calls `body` with `string`'s UTF-8 bytes, without copying native strings.
    @inline(__always)
    static func withUTF8<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string
        return copy.withUTF8(body)
    }
}
