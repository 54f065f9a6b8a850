// SPDX-License-Identifier: GPL-2.0-or-later

/// Values made during one `Tokenizer.tokens(in:)` call, keyed by a sequence of scalar values
/// and a small tag, so that what was made for a sequence met again in the same text is reused.
///
/// The tokenizer keeps two: the `String` of each form (normalised, surface, base, stem), because
/// making a `String` (UTF-8 encoding, validation, a heap allocation past 15 bytes) is the largest
/// cost of a token and about 40% of a news article's forms repeat within it; and the first token
/// of each surface form, since 40% of the tokens themselves repeat (في, من, punctuation).
/// Open addressing (linear probing) over a power-of-two table of FNV-1a hashes; the keys' values
/// are kept in one pool. Not shared between calls, so it needs no lock; non-copyable, it frees
/// its memory when the call ends.
struct ScalarSequenceCache<Value>: ~Copyable {
    private struct Key {
        var hash: UInt32
        var tag: UInt32
        var count: Int
        var start: Int
    }

    /// `slots[h & mask]` is 1 + an index into `keys` and `items`, or 0 when free.
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    /// `count` keys and items (initialised), room for `(mask + 1) / 2`.
    private var keys: UnsafeMutablePointer<Key>
    private var items: UnsafeMutablePointer<Value>
    private var count = 0
    private var pool: UnsafeMutablePointer<UInt32>
    private var poolCount = 0
    private var poolCapacity: Int

    /// An empty cache sized for about `expected` distinct keys.
    init(expected: Int) {
        var size = 64
        while size < expected * 2 { size *= 2 }
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        keys = .allocate(capacity: size / 2)
        items = .allocate(capacity: size / 2)
        poolCapacity = size * 4
        pool = .allocate(capacity: poolCapacity)
    }

    deinit {
        slots.deallocate()
        keys.deallocate()
        items.deinitialize(count: count)
        items.deallocate()
        pool.deallocate()
    }

    /// The value kept for `values` under `tag`, or `make()` (then kept) when there is none.
    @inline(__always)
    mutating func value(
        for values: UnsafeBufferPointer<UInt32>, tag: UInt32 = 0, orMake make: () -> Value
    ) -> (value: Value, made: Bool) {
        let length = values.count
        var h: UInt32 = 0x811C_9DC5 ^ tag
        for v in values { h = (h ^ v) &* 0x0100_0193 }  // FNV-1a over the scalar values
        h ^= h >> 15
        var slot = Int(h) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            let key = keys[index]
            if key.hash == h && key.count == length && key.tag == tag && equal(pool + key.start, values) {
                return (items[index], false)
            }
            slot = (slot + 1) & mask
        }
        let value = make()
        insert(value, values, tag: tag, hash: h, slot: slot)
        return (value, true)
    }

    private mutating func insert(
        _ value: Value, _ values: UnsafeBufferPointer<UInt32>, tag: UInt32, hash: UInt32, slot: Int
    ) {
        let length = values.count
        if poolCount + length > poolCapacity { growPool(poolCount + length) }
        if length > 0 { (pool + poolCount).initialize(from: values.baseAddress!, count: length) }
        keys[count] = Key(hash: hash, tag: tag, count: length, start: poolCount)
        (items + count).initialize(to: value)
        poolCount += length
        count += 1
        slots[slot] = Int32(truncatingIfNeeded: count)
        if count * 2 > mask { growTable() }
    }

    @inline(__always)
    private func equal(_ stored: UnsafeMutablePointer<UInt32>, _ values: UnsafeBufferPointer<UInt32>) -> Bool {
        for k in 0..<values.count where stored[k] != values[k] { return false }
        return true
    }

    private mutating func growPool(_ needed: Int) {
        var capacity = poolCapacity * 2
        while capacity < needed { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        larger.initialize(from: pool, count: poolCount)
        pool.deallocate()
        pool = larger
        poolCapacity = capacity
    }

    private mutating func growTable() {
        let size = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        mask = size - 1
        let largerKeys = UnsafeMutablePointer<Key>.allocate(capacity: size / 2)
        largerKeys.moveInitialize(from: keys, count: count)
        keys.deallocate()
        keys = largerKeys
        let largerItems = UnsafeMutablePointer<Value>.allocate(capacity: size / 2)
        largerItems.moveInitialize(from: items, count: count)
        items.deallocate()
        items = largerItems
        for index in 0..<count {
            var slot = Int(keys[index].hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
    }
}

extension ScalarSequenceCache where Value == String {
    /// The `String` of the scalars whose values are `values` (valid scalar values).
    @inline(__always)
    mutating func string(_ values: UnsafeBufferPointer<UInt32>) -> String {
        value(for: values) { ScalarText.string(values) }.value
    }
}
