// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The distinct tokens (types) of a token array, found by the identity of their shared forms
/// (``ArabicText/Token/formsIdentity``), so that an analyzer works out a per-word fact once per
/// type and reads it per token from an array.
///
/// Two tokens are one type here when they share forms (the repetitions of a word within one
/// tokenizer call, about 40% of a news article's tokens); equal tokens cut by different calls
/// are two types, which costs a repeated computation, never a wrong answer. Made in one pass,
/// one probe sequence per token into a ``HashedTable`` keyed by the forms' address: no string is
/// hashed or compared.
struct TokenTypes: Sendable {
    /// For each token, the index of its type.
    let typeOf: [Int32]
    /// For each type, the index of its first token.
    let first: [Int32]

    /// Types found.
    var count: Int { first.count }

    init(_ tokens: [Token]) {
        var index = HashedTable<Int32>(capacity: tokens.count, empty: -1)
        var typeOf = [Int32](repeating: 0, count: tokens.count)
        var first: [Int32] = []
        for i in tokens.indices {
            typeOf[i] = index.value(for: Self.key(tokens[i])) {
                first.append(Int32(truncatingIfNeeded: i))
                return Int32(truncatingIfNeeded: first.count - 1)
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

    /// The table key of the token's forms: their address through MurmurHash3's finaliser
    /// (``FeatureHash/finalize(_:)``), so that the low bits the table indexes by are spread (objects
    /// are 16-byte aligned). The finaliser is a bijection that maps 0 to 0, so distinct forms get
    /// distinct keys and no key is 0 (the table's empty mark).
    @inline(__always)
    private static func key(_ token: Token) -> UInt64 {
        FeatureHash.finalize(UInt64(UInt(bitPattern: token.formsIdentity)))
    }
}
