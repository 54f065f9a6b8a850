// SPDX-License-Identifier: GPL-2.0-or-later

/// Fast conversions between scalar values and `String`, used on the tokenizer's hot path.
public enum ScalarText {
    /// A `String` holding the scalars whose values are `values` (each must be a valid scalar value).
    @inline(__always)
    static func string<C: Collection>(_ values: C) -> String where C.Element == UInt32 {
        if let s = values.withContiguousStorageIfAvailable({ string($0) }) { return s }
        return Array(values).withUnsafeBufferPointer { string($0) }
    }

    /// A `String` holding the scalars whose values are `values` (each must be a valid scalar value):
    /// encoded to UTF-8 in a temporary buffer (on the stack for short strings), then copied.
    static func string(_ values: UnsafeBufferPointer<UInt32>) -> String {
        if values.isEmpty { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: values.count * 4) { buffer in
            var i = 0
            for v in values {
                if v < 0x80 {
                    buffer[i] = UInt8(v)
                    i += 1
                } else if v < 0x800 {
                    buffer[i] = UInt8(0xC0 | (v >> 6))
                    buffer[i + 1] = UInt8(0x80 | (v & 0x3F))
                    i += 2
                } else if v < 0x10000 {
                    buffer[i] = UInt8(0xE0 | (v >> 12))
                    buffer[i + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | (v & 0x3F))
                    i += 3
                } else {
                    buffer[i] = UInt8(0xF0 | (v >> 18))
                    buffer[i + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 3] = UInt8(0x80 | (v & 0x3F))
                    i += 4
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<i]), as: UTF8.self)
        }
    }

    /// A `String` holding `scalars`: what `String(String.UnicodeScalarView(scalars))` gives,
    /// without appending one scalar at a time (about 600 instructions per scalar).
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        scalars.withUnsafeBufferPointer { string($0) }
    }

    /// A `String` holding `scalars`.
    @inline(__always)
    static func string(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        scalars.withMemoryRebound(to: UInt32.self) { string($0) }
    }

    /// The scalars of `s` as an array, decoded straight from its UTF-8 storage (valid, as a
    /// `String`'s always is) into an array allocated once, at its exact size (one scalar per byte
    /// that is not a continuation byte: 4 bytes per scalar, not per UTF-8 byte).
    public static func scalars(of s: String) -> [Unicode.Scalar] {
        var s = s
        return s.withUTF8 { utf8 in
            var continuations = 0
            for b in utf8 where b & 0xC0 == 0x80 { continuations += 1 }
            return [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count - continuations) { out, initialized in
                let n = utf8.count
                var i = 0
                var k = 0
                while i < n {
                    let b0 = UInt32(utf8[i])
                    let v: UInt32
                    if b0 < 0x80 {
                        v = b0
                        i += 1
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v =
                            (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                            | UInt32(utf8[i + 3] & 0x3F)
                        i += 4
                    }
                    // A valid scalar value: decoded from a String.
                    (out.baseAddress! + k).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
                    k += 1
                }
                initialized = k
            }
        }
    }
}
