// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A map from non-zero 64-bit hashes to fixed-size values: open addressing with linear probing
/// in a power-of-two table kept at most half full. Built once and read on the tagger's hot path
/// (one probe sequence per look-up, no `String` hashing, no allocation).
struct HashedTable<Value: BitwiseCopyable & Sendable>: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Value]
    /// Entries stored.
    private(set) var count = 0
    private var mask: Int
    private let empty: Value

    /// An empty table with room for `capacity` entries before it grows; `empty` fills free slots.
    init(capacity: Int = 16, empty: Value) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: empty, count: size)
        mask = size - 1
        self.empty = empty
    }

    /// The value stored under `key` (non-zero), or `nil`.
    @inline(__always)
    func value(for key: UInt64) -> Value? {
        keys.withUnsafeBufferPointer { k in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let stored = k[slot]
                if stored == key { return values[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value stored under `key`, or `fallback`.
    @inline(__always)
    func value(for key: UInt64, default fallback: Value) -> Value {
        value(for: key) ?? fallback
    }

    /// Stores `value` under `key` (non-zero), replacing any value stored there.
    mutating func set(_ key: UInt64, _ value: Value) {
        let (slot, found) = probe(key)
        if !found { insert(key, at: slot) }
        values[slot] = value
    }

    /// The value under `key`, storing `make()` there first when there is none.
    @inline(__always)
    mutating func value(for key: UInt64, orInsert make: () -> Value) -> Value {
        let (slot, found) = probe(key)
        if found { return values[slot] }
        let made = make()
        insert(key, at: slot)
        values[slot] = made
        return made
    }

    /// One probe sequence for a write: the slot that holds `key`, or the empty slot where it goes
    /// (after growing, so that the table stays at most half full once it is there).
    @inline(__always)
    private mutating func probe(_ key: UInt64) -> (slot: Int, found: Bool) {
        precondition(key != 0, "0 marks an empty slot")
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key { return (slot, true) }
            slot = (slot + 1) & mask
        }
        return (slot, false)
    }

    @inline(__always)
    private mutating func insert(_ key: UInt64, at slot: Int) {
        keys[slot] = key
        count += 1
    }

    /// Every entry, in slot order.
    var entries: [(key: UInt64, value: Value)] {
        zip(keys, values).compactMap { $0.0 == 0 ? nil : ($0.0, $0.1) }
    }

    private mutating func grow() {
        let old = entries
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: empty, count: size)
        mask = size - 1
        count = 0
        for (key, value) in old { set(key, value) }
    }
}
