// SPDX-License-Identifier: GPL-2.0-or-later

/// A growable buffer of UTF-8 bytes for building one `String` from scalar values on a hot path.
///
/// Appending checks the capacity once per scalar (an `[UInt8]` checks uniqueness on every
/// append); `string()` makes the `String` with one validating copy. Non-copyable: it owns its
/// memory and frees it when it goes out of scope.
struct UTF8Writer: ~Copyable {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Number of bytes written so far.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        self.bytes = .allocate(capacity: self.capacity)
    }

    deinit { bytes.deallocate() }

    /// Appends the UTF-8 encoding of the scalar value `v` (a valid scalar value).
    @inline(__always)
    mutating func append(_ v: UInt32) {
        if count + 4 > capacity { grow() }
        if v < 0x80 {
            bytes[count] = UInt8(truncatingIfNeeded: v)
            count += 1
        } else if v < 0x800 {
            bytes[count] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
            bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            count += 2
        } else if v < 0x10000 {
            bytes[count] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
            bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            bytes[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            count += 3
        } else {
            bytes[count] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
            bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
            bytes[count + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
            bytes[count + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
            count += 4
        }
    }

    /// Appends a scalar value `v` of U+0080–U+07FF (two UTF-8 bytes), such as an Arabic letter.
    @inline(__always)
    mutating func appendTwoByte(_ v: UInt32) {
        if count + 2 > capacity { grow() }
        bytes[count] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
        bytes[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
        count += 2
    }

    /// The last scalar written when it is encoded in two bytes (U+0080–U+07FF), else `nil`.
    var lastTwoByteScalar: UInt32? {
        guard count >= 2 else { return nil }
        let b0 = bytes[count - 2]
        let b1 = bytes[count - 1]
        // A lead byte of a two-byte sequence cannot be the second byte of a longer one.
        guard b0 & 0xE0 == 0xC0, b1 & 0xC0 == 0x80 else { return nil }
        return UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F)
    }

    /// Replaces the last scalar, a two-byte one (see `lastTwoByteScalar`), by `v` (U+0080–U+07FF).
    mutating func replaceLastTwoByteScalar(with v: UInt32) {
        count -= 2
        append(v)
    }

    /// The bytes written, as a `String`.
    func string() -> String {
        String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = larger
        capacity *= 2
    }
}
