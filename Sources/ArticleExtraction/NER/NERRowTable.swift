// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The model's feature rows by key: open addressing over packed slots (`key << 32 | row + 1`, 0
/// empty) in a power-of-two table at most 75% full, so that a look-up touches one cache line in
/// the common case and the table stays small. Keys are the low 32 bits of feature hashes.
struct NERRowTable: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    /// The key of each row, in row order (what the model file stores).
    let keys: [UInt32]

    /// A table where row `r` has key `keys[r]` (keys distinct).
    init(keys: [UInt32]) {
        var size = 16
        while Double(size) * 0.75 < Double(keys.count) { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (row, key) in keys.enumerated() {
            var slot = Int(key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(key) << 32 | UInt64(row + 1)
        }
        self.slots = slots
        self.mask = mask
        self.keys = keys
    }

    var count: Int { keys.count }

    /// The row of feature hash `hash`, or `nil`.
    @inline(__always)
    func row(for hash: UInt64) -> Int? {
        let key = UInt64(UInt32(truncatingIfNeeded: hash))
        return slots.withUnsafeBufferPointer { s in
            var slot = Int(key) & mask
            while true {
                let v = s[slot]
                if v == 0 { return nil }
                if v >> 32 == key { return Int(v & 0xFFFF_FFFF) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
