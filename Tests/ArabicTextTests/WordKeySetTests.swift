// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArabicText

@Suite("WordKeySet")
struct WordKeySetTests {
    @Test("holds exactly its non-zero keys")
    func membership() {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<500).map { _ in UInt64.random(in: 1...UInt64.max, using: &generator) }
        let set = WordKeySet(keys + [0] + keys.prefix(10))
        for key in keys { #expect(set.contains(key)) }
        #expect(!set.contains(0))
        let members = Set(keys)
        for _ in 0..<5_000 {
            let other = UInt64.random(in: 1...UInt64.max, using: &generator)
            #expect(set.contains(other) == members.contains(other))
        }
        #expect(!WordKeySet([]).contains(1))
    }

    @Test("the proclitic word lists hold their words, including after alef and ta marbuta folding")
    func lists() {
        func key(_ word: String) -> UInt64 { ProcliticSplitter.key(word.unicodeScalars.map(\.value)) }
        #expect(ProcliticSplitter.articleExceptions.contains(key("الذي")))
        #expect(ProcliticSplitter.articleExceptions.contains(key("إلى")))
        #expect(ProcliticSplitter.lamInitialWords.contains(key("لجنه")))
        #expect(!ProcliticSplitter.lamInitialWords.contains(key("لقمة")))
        #expect(ProcliticSplitter.conjunctionExceptions.contains(key("وزارة")))
        #expect(!ProcliticSplitter.conjunctionExceptions.contains(key("وقال")))
    }
}
