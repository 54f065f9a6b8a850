// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

struct AlphabeticScalarTableTests {
    @Test("the table answers as the Unicode property, for every scalar of the BMP and some above")
    func sameAsProperty() {
        var checked = 0
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if AlphabeticScalarTable.isAlphabetic(scalar) != scalar.properties.isAlphabetic {
                Issue.record("U+\(String(value, radix: 16)) differs")
            }
            checked += 1
        }
        for value: UInt32 in [0x10000, 0x1D400, 0x1F600, 0x20000, 0x10FFFF] {
            let scalar = Unicode.Scalar(value)!
            #expect(AlphabeticScalarTable.isAlphabetic(scalar) == scalar.properties.isAlphabetic)
        }
        #expect(checked == 0x10000 - 0x800)  // all but the surrogates
        #expect(AlphabeticScalarTable.isAlphabetic("ب"))
        #expect(AlphabeticScalarTable.isAlphabetic("\u{64E}"))  // fatha: Other_Alphabetic
        #expect(!AlphabeticScalarTable.isAlphabetic("٣"))
    }
}
