// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArabicText

@Suite("TermKey: keys compared by code units")
struct TermKeyTests {
    @Test("equal strings are equal keys with equal hashes, small (inline) and native (heap) alike")
    func equalKeys() {
        let short = "وزير"  // 8 UTF-8 bytes: stored inline
        let long = "المملكة العربية السعودية"  // on the heap
        for text in [short, long, "", "x"] {
            // A copy built scalar by scalar has its own storage, so `==` cannot take the identity shortcut.
            let copy = String(String.UnicodeScalarView(Array(text.unicodeScalars)))
            #expect(TermKey(text) == TermKey(copy))
            #expect(TermKey(text).hashValue == TermKey(copy).hashValue)
        }
        let table: [TermKey: Int] = ["وزير": 1, "المملكة العربية السعودية": 2]
        #expect(table[TermKey(String(short.unicodeScalars))] == 1 && table[TermKey(long + "")] == 2)
    }

    @Test("different strings are different keys, also when one is a prefix of the other")
    func differentKeys() {
        let words = ["وزير", "وزيرة", "وزي", "الوزير", "ب", "ت", "", "a", "ab", "b"]
        for a in words {
            for b in words where a != b {
                let (x, y) = (TermKey(a), TermKey(b))
                #expect(x != y)
            }
        }
        #expect(Set(words.map { TermKey($0) }).count == words.count)
    }

    @Test("canonically equivalent but differently encoded strings are different keys (by design)")
    func noCanonicalEquivalence() {
        let composed = "\u{0623}"  // أ
        let decomposed = "\u{0627}\u{0654}"  // ا + hamza above
        #expect(composed == decomposed)  // String follows canonical equivalence...
        #expect(TermKey(composed) != TermKey(decomposed))  // ...a TermKey does not
        // The normaliser the keys come from composes it, so both meet again through it.
        let normalizer = ArabicNormalizer()
        #expect(TermKey(normalizer.normalize(composed)) == TermKey(normalizer.normalize(decomposed)))
    }

    @Test("utf8Hash is FNV-1a 64 of the UTF-8 (published test vectors), also for a bridged or sliced string")
    func fnvHash() {
        #expect(TermKey("").utf8Hash == 0xcbf2_9ce4_8422_2325)
        #expect(TermKey("a").utf8Hash == 0xaf63_dc4c_8601_ec8c)
        #expect(TermKey("foobar").utf8Hash == 0x8594_4171_f739_67e8)
        // ب is D8 A8 in UTF-8: two folds of the bytes, written out.
        let prime: UInt64 = 0x0000_0100_0000_01b3
        let expected = ((0xcbf2_9ce4_8422_2325 ^ 0xD8) &* prime ^ 0xA8) &* prime
        #expect(TermKey("ب").utf8Hash == expected)
        let sliced = "xxفائز السراج".dropFirst(2)
        #expect(TermKey(String(sliced)).utf8Hash == TermKey("فائز السراج").utf8Hash)
    }

    @Test("orders by code units")
    func order() {
        #expect(TermKey("a") < TermKey("b") && TermKey("ab") > TermKey("a") && !(TermKey("ب") < TermKey("ب")))
        #expect(TermKey("Z") < TermKey("a"))  // code units, not a locale's collation
        let keys: [TermKey] = ["ت", "ب", "ا"]
        #expect(keys.sorted().map(\.string) == ["ا", "ب", "ت"])
    }
}
