// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A read-only map from 32-bit keys (the low 32 bits of a word or phrase hash) to non-zero 32-bit
/// values, for the model's lexicon and training counts: open addressing over packed slots
/// (`key << 32 | value`, 0 empty) at most 70% full, so that a look-up touches one cache line in
/// the common case and the table stays small. Two hashes that agree in their low 32 bits share
/// an entry.
struct NERPackedTable: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    let count: Int

    /// A table of `entries` (zero values are left out).
    init(_ entries: [UInt32: UInt32]) {
        let kept = entries.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        var size = 16
        while Double(size) * 0.7 < Double(kept.count) { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (key, value) in kept {
            var slot = Int(key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(key) << 32 | UInt64(value)
        }
        self.slots = slots
        self.mask = mask
        self.count = kept.count
    }

    /// An empty table.
    init() { self.init([:]) }

    /// The key under which `hash` is stored.
    @inline(__always)
    static func key(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash) }

    /// The value stored for `hash` (its low 32 bits), 0 when none.
    @inline(__always)
    func value(for hash: UInt64) -> UInt32 {
        let key = UInt64(Self.key(hash))
        return slots.withUnsafeBufferPointer { s in
            var slot = Int(key) & mask
            while true {
                let v = s[slot]
                if v == 0 { return 0 }
                if v >> 32 == key { return UInt32(truncatingIfNeeded: v) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Every entry, by key.
    var entries: [(key: UInt32, value: UInt32)] {
        slots.filter { $0 != 0 }.map { (UInt32($0 >> 32), UInt32(truncatingIfNeeded: $0)) }.sorted { $0.key < $1.key }
    }
}
