// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// The date recogniser keeps facts for every token of an article; on a 16 MiB input (1.8 million
/// tokens) each byte of them is about 2 MB.
struct DateTokenFactsTests {
    @Test("a token's date facts hold an index of its lexicon entry, not the entry: 32 bytes")
    func stride() throws {
        #expect(MemoryLayout<DateTokenFacts>.stride <= 32)
        let lexicon = DateLexicon()
        let tokens = Tokenizer().tokens(in: Array("في 12 مارس الماضي".unicodeScalars))
        let facts = tokens.map { DateTokenFacts($0, lexicon: lexicon) }
        #expect(facts[0].entryIndex < 0)
        #expect(facts[1].number == 12 && facts[1].digits == 2 && facts[1].entryIndex < 0)
        let march = try #require(lexicon.entryIndex(facts[2].key))
        #expect(facts[2].entryIndex == march)
        #expect(lexicon.entry(at: march).gregorianMonth?.month == 3)
        #expect(lexicon.entry(at: facts[3].entryIndex).direction != nil)
    }
}
