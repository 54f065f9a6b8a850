// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// ``WordIndex`` answers as a `Set<String>` would: by canonical equivalence, not by bytes.
struct WordIndexTests {
    @Test("ids are dense, in first-given order; canonically equivalent duplicates share one")
    func ids() {
        let index = WordIndex(["طرابلس", "جزائر", "طرابلس", "جزا\u{64A}\u{654}ر", "rome"])
        #expect(index.count == 3)
        #expect(index.id(of: "طرابلس") == 0)
        #expect(index.id(of: "جزائر") == 1)
        #expect(index.id(of: "rome") == 2)
        #expect(index.id(of: "روما") == nil)
        #expect(index.id(of: "") == nil)
        #expect(index.id(of: "Rome") == nil)
    }

    @Test("a decomposed form finds its precomposed word, and the other way round")
    func canonicalEquivalence() {
        // ئ (U+0626) is ي + hamza above (U+064A U+0654); é is e + U+0301.
        let precomposed = WordIndex(["جزائر", "café"])
        #expect(precomposed.id(of: "جزا\u{64A}\u{654}ر") == 0)
        #expect(precomposed.id(of: "cafe\u{301}") == 1)
        let decomposed = WordIndex(["جزا\u{64A}\u{654}ر", "cafe\u{301}"])
        #expect(decomposed.id(of: "جزائر") == 0)
        #expect(decomposed.id(of: "café") == 1)
        #expect(decomposed.id(of: "جزاير") == nil)
    }

    @Test("only ASCII and Arabic-block starters count as certainly NFC; the key counts scalars")
    func keys() {
        #expect(WordIndex.key(of: "طرابلس").isCertainlyNFC)
        #expect(WordIndex.key(of: "abc-12").isCertainlyNFC)
        #expect(!WordIndex.key(of: "جزا\u{64A}\u{654}ر").isCertainlyNFC)
        #expect(!WordIndex.key(of: "مُحمد").isCertainlyNFC)  // damma, a mark
        #expect(!WordIndex.key(of: "café").isCertainlyNFC)  // not ASCII, not Arabic: the slow path
        #expect(!WordIndex.key(of: "ﻃﺮ").isCertainlyNFC)  // presentation forms
        #expect(WordIndex.key(of: "جزا\u{64A}\u{654}ر").scalarCount == 6)
        #expect(WordIndex.key(of: "طرابلس").hash == WordIndex.key(of: String("xطرابلس".dropFirst())).hash)
    }
}
