// SPDX-License-Identifier: GPL-2.0-or-later

/// An immutable set of the non-zero 64-bit word keys of `ProcliticSplitter`, made for its hot
/// path: open addressing with a multiplicative (Fibonacci) hash and linear probing at a load of
/// at most 25%, so a look-up is a multiply, a shift and a probe or two, where `Set<UInt64>`
/// runs SipHash. Slot value 0 marks a free slot, so key 0 ("not a keyable word") is never in it.
struct WordKeySet: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64

    /// The set of `keys` (zeros are left out).
    init(_ keys: some Sequence<UInt64>) {
        let unique = Set(keys.lazy.filter { $0 != 0 })
        var bits = 4
        while 1 << bits < unique.count * 4 { bits += 1 }
        shift = UInt64(64 - bits)
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        for key in unique {
            var i = Self.slot(key, shift)
            while slots[i] != 0 { i = (i + 1) & (slots.count - 1) }
            slots[i] = key
        }
        self.slots = slots
    }

    /// True when `key` is in the set.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        if key == 0 { return false }
        return slots.withUnsafeBufferPointer { s in
            var i = Self.slot(key, shift)
            while true {
                let stored = s[i]
                if stored == key { return true }
                if stored == 0 { return false }
                i = (i + 1) & (s.count - 1)
            }
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
