// SPDX-License-Identifier: GPL-2.0-or-later

/// A string as a dictionary or set key that is hashed and compared by its UTF-8 code units.
///
/// `String`'s own `==` and `hashValue` follow Unicode canonical equivalence, so for any non-ASCII
/// string they normalise (NFC) as they go: in Arabic text, every look-up of a token in a lexicon
/// paid for that. The keys of the extraction are already in one form, the output of
/// ``ArabicNormalizer`` (which composes the hamza and madda marks it keeps), so code-unit equality
/// gives the same answers at a fraction of the cost. Do not mix it with strings that did not go
/// through the same normaliser: `"أ"` written as U+0627 U+0654 is not equal to U+0623 here.
///
/// The key's FNV-1a 64 hash (Fowler, Noll and Vo) is computed once, when the key is made:
/// hashing feeds only those 8 bytes to the `Hasher`, and `==` compares the hashes before the
/// bytes, so a key made once and looked up in several tables pays for its bytes once.
public struct TermKey: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The string itself.
    public let string: String
    /// FNV-1a 64 of `string`'s UTF-8 (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`).
    public let utf8Hash: UInt64

    @inlinable
    public init(_ string: String) {
        self.string = string
        self.utf8Hash = Self.fnv1a(string)
    }

    @inlinable
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { string }

    @inlinable
    public static func == (a: TermKey, b: TermKey) -> Bool {
        a.utf8Hash == b.utf8Hash && a.string.utf8.count == b.string.utf8.count
            && a.string.utf8.elementsEqualFast(b.string.utf8)
    }

    /// Orders by code units (not by any locale's collation).
    @inlinable
    public static func < (a: TermKey, b: TermKey) -> Bool {
        a.string.utf8.lexicographicallyPrecedes(b.string.utf8)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(utf8Hash)
    }

    /// What `Set` and `Dictionary` hash by (the standard library's customisation point for
    /// them): the precomputed hash mixed with the table's seed by MurmurHash3's 64-bit finaliser
    /// (Appleby 2008), a bijection, so that each table still orders its keys its own way. A
    /// seeded SipHash here would protect nothing that FNV-1a had not given away already, and
    /// cost a `Hasher` per look-up.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        var h = utf8Hash ^ UInt64(UInt(bitPattern: seed))
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }

    /// FNV-1a 64 of the UTF-8 of `string`.
    @inlinable
    static func fnv1a(_ string: String) -> UInt64 {
        @inline(__always)
        func fold(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
        if let hash = string.utf8.withContiguousStorageIfAvailable({ $0.reduce(offsetBasis, fold) }) { return hash }
        return string.utf8.reduce(offsetBasis, fold)
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
