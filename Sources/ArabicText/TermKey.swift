// SPDX-License-Identifier: GPL-2.0-or-later

/// A string as a dictionary or set key that is hashed and compared by its UTF-8 code units.
///
/// `String`'s own `==` and `hashValue` follow Unicode canonical equivalence, so for any non-ASCII
/// string they normalise (NFC) as they go: in Arabic text, every look-up of a token in a lexicon
/// paid for that. The keys of the extraction are already in one form, the output of
/// ``ArabicNormalizer`` (which composes the hamza and madda marks it keeps), so code-unit equality
/// gives the same answers at a fraction of the cost. Do not mix it with strings that did not go
/// through the same normaliser: `"أ"` written as U+0627 U+0654 is not equal to U+0623 here.
public struct TermKey: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The string itself.
    public let string: String

    @inlinable
    public init(_ string: String) { self.string = string }

    @inlinable
    public init(stringLiteral value: String) { self.string = value }

    public var description: String { string }

    @inlinable
    public static func == (a: TermKey, b: TermKey) -> Bool {
        a.string.utf8.count == b.string.utf8.count && a.string.utf8.elementsEqualFast(b.string.utf8)
    }

    /// Orders by code units (not by any locale's collation).
    @inlinable
    public static func < (a: TermKey, b: TermKey) -> Bool {
        a.string.utf8.lexicographicallyPrecedes(b.string.utf8)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if done == nil { for byte in string.utf8 { hasher.combine(byte) } }
        hasher.combine(UInt8(0xFF))  // not a UTF-8 byte: ends the key, so that pairs of keys hash apart
    }
}

extension String.UTF8View {
    /// Code-unit equality, over the bytes in place when both views are contiguous (native and
    /// small strings).
    @inlinable
    func elementsEqualFast(_ other: String.UTF8View) -> Bool {
        let fast: Bool?? = withContiguousStorageIfAvailable { a in
            other.withContiguousStorageIfAvailable { b in
                a.elementsEqual(b)
            }
        }
        if let fast, let fast { return fast }
        return elementsEqual(other)
    }
}
