/// The `String`s made during one `Tokenizer.tokens(in:)` call, keyed by their scalar values, so
/// that a form met again in the same text (في, من, a name, a stem) is shared, not made again.
///
/// Making a `String` (UTF-8 encoding, validation, and a heap allocation past 15 bytes) is the
/// largest cost of a token, and about 40% of the forms of a news article repeat within it.
/// Open addressing (linear probing) over a power-of-two table of FNV-1a hashes; the keys' values
/// are kept in one pool. Not shared between calls, so it needs no lock; non-copyable, it frees
/// its memory when the call ends.
struct ScalarStringCache: ~Copyable {
    private struct Key {
        var hash: UInt32
        var count: Int32
        var start: Int
    }

    /// `slots[h & mask]` is 1 + an index into `keys` and `strings`, or 0 when free.
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    /// `count` keys and strings (initialised), room for `(mask + 1) / 2`.
    private var keys: UnsafeMutablePointer<Key>
    private var strings: UnsafeMutablePointer<String>
    private var count = 0
    private var pool: UnsafeMutablePointer<UInt32>
    private var poolCount = 0
    private var poolCapacity: Int

    /// An empty cache sized for about `expected` distinct strings.
    init(expected: Int) {
        var size = 64
        while size < expected * 2 { size *= 2 }
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        keys = .allocate(capacity: size / 2)
        strings = .allocate(capacity: size / 2)
        poolCapacity = size * 4
        pool = .allocate(capacity: poolCapacity)
    }

    deinit {
        slots.deallocate()
        keys.deallocate()
        strings.deinitialize(count: count)
        strings.deallocate()
        pool.deallocate()
    }

    /// The `String` of the scalars whose values are `values` (valid scalar values).
    mutating func string(_ values: UnsafeBufferPointer<UInt32>) -> String {
        let length = values.count
        var h: UInt32 = 0x811C_9DC5
        for v in values { h = (h ^ v) &* 0x0100_0193 }  // FNV-1a over the scalar values
        h ^= h >> 15
        var slot = Int(h) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            let key = keys[index]
            if key.hash == h && Int(key.count) == length && equal(pool + key.start, values) { return strings[index] }
            slot = (slot + 1) & mask
        }
        let string = ScalarText.string(values)
        if poolCount + length > poolCapacity { growPool(poolCount + length) }
        if length > 0 { (pool + poolCount).initialize(from: values.baseAddress!, count: length) }
        keys[count] = Key(hash: h, count: Int32(truncatingIfNeeded: length), start: poolCount)
        (strings + count).initialize(to: string)
        poolCount += length
        count += 1
        slots[slot] = Int32(truncatingIfNeeded: count)
        if count * 2 > mask { growTable() }
        return string
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
        let largerStrings = UnsafeMutablePointer<String>.allocate(capacity: size / 2)
        largerStrings.moveInitialize(from: strings, count: count)
        strings.deallocate()
        strings = largerStrings
        for index in 0..<count {
            var slot = Int(keys[index].hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
    }
}
