// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArabicText

@Suite("ScalarSequenceCache")
struct ScalarSequenceCacheTests {
    @Test("equal values give the same string, different values their own, across table and pool growth")
    func sharesAndGrows() {
        var cache = ScalarSequenceCache<String>(expected: 1)
        var made: [[UInt32]: String] = [:]
        // 5,000 distinct words of 1 to 40 scalars (ASCII, Arabic, beyond the BMP), each asked for twice.
        for round in 0..<2 {
            for i in 0..<5_000 {
                let length = 1 + i % 40
                let values: [UInt32] = (0..<length).map { k in
                    [0x41 + UInt32((i + k) % 26), 0x0621 + UInt32((i * 7 + k) % 42), 0x1F600 + UInt32(k % 3)][
                        (i + k) % 3]
                }
                let s = values.withUnsafeBufferPointer { cache.string($0) }
                #expect(s.unicodeScalars.map(\.value) == values)
                if round == 1 { #expect(made[values] == s) }
                made[values] = s
            }
        }
        let empty = [UInt32]().withUnsafeBufferPointer { cache.string($0) }
        #expect(empty == "")
    }

    @Test("the tag is part of the key; a value is made once per key")
    func tags() {
        var cache = ScalarSequenceCache<Int>(expected: 4)
        var made = 0
        let word: [UInt32] = [0x0641, 0x064A]
        for (tag, expectNew) in [(UInt32(1), true), (2, true), (1, false), (2, false)] {
            let (value, isNew) = word.withUnsafeBufferPointer { w in
                cache.value(for: w, tag: tag) {
                    made += 1
                    return Int(tag) * 10
                }
            }
            #expect(value == Int(tag) * 10)
            #expect(isNew == expectNew)
        }
        #expect(made == 2)
    }
}
