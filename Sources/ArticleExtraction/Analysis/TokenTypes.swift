// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The distinct tokens (types) of a token array, found by the identity of their shared forms
/// (``ArabicText/Token/formsIdentity``), so that an analyzer works out a per-word fact once per
/// type and reads it per token from an array.
///
/// Two tokens are one type here when they share forms (the repetitions of a word within one
/// tokenizer call, about 40% of a news article's tokens); equal tokens cut by different calls
/// are two types, which costs a repeated computation, never a wrong answer. Made in one pass,
/// one probe sequence per token into an open-addressing table keyed by the forms' address: no string is
/// hashed or compared.
struct TokenTypes: Sendable {
    /// For each token, the index of its type.
    let typeOf: [Int32]
    /// For each type, the index of its first token.
    let first: [Int32]

    /// Types found.
    var count: Int { first.count }

    init(_ tokens: [Token]) {
        let n = tokens.count
        var size = 16
        while size < 2 * n { size *= 2 }
        let mask = size - 1
        // Open addressing, linear probing, one probe sequence per token (lookup and insert in one).
        var slotKeys = [UInt64](repeating: 0, count: size)
        var slotTypes = [Int32](repeating: 0, count: size)
        var typeOf = [Int32](repeating: 0, count: n)
        var first: [Int32] = []
        tokens.withUnsafeBufferPointer { tokens in
            slotKeys.withUnsafeMutableBufferPointer { keys in
                slotTypes.withUnsafeMutableBufferPointer { types in
                    typeOf.withUnsafeMutableBufferPointer { typeOf in
                        for i in 0..<n {
                            let key = Self.key(tokens[i])
                            var slot = Int(truncatingIfNeeded: key) & mask
                            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
                            if keys[slot] == 0 {
                                keys[slot] = key
                                types[slot] = Int32(truncatingIfNeeded: first.count)
                                first.append(Int32(truncatingIfNeeded: i))
                            }
                            typeOf[i] = types[slot]
                        }
                    }
                }
            }
        }
        self.typeOf = typeOf
        self.first = first
    }

    /// `fact(token)` for the first token of each type, then spread to every token: the facts of
    /// `tokens` (the array this was made from), in token order.
    func map<Fact>(_ tokens: [Token], _ fact: (Token) -> Fact) -> [Fact] {
        let perType = first.map { fact(tokens[Int($0)]) }
        return typeOf.map { perType[Int($0)] }
    }

    /// The table key of the token's forms: their address through MurmurHash3's 64-bit finaliser
    /// (`fmix64`, Appleby), so that the low bits the table indexes by are spread (objects are
    /// 16-byte aligned). `fmix64` is a bijection with `fmix64(0) == 0`, so distinct forms get
    /// distinct keys and no key is 0 (the table's empty mark).
    @inline(__always)
    private static func key(_ token: Token) -> UInt64 {
        var x = UInt64(UInt(bitPattern: token.formsIdentity))
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
