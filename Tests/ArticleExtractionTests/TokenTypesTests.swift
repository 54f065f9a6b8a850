// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// ``TokenTypes`` groups the tokens of one tokenizer call by their shared forms.
struct TokenTypesTests {
    @Test("repetitions of a word are one type; the first token of each type is recorded")
    func types() {
        let tokens = Tokenizer().tokens(in: ScalarText.scalars(of: "الحكومة قالت إن الحكومة قالت ذلك."))
        let types = TokenTypes(tokens)
        #expect(types.typeOf == [0, 1, 2, 0, 1, 3, 4])
        #expect(types.first == [0, 1, 2, 5, 6])
        #expect(types.count == 5)
        #expect(types.map(tokens, \.surface) == tokens.map(\.surface))
    }

    @Test("tokens made outside one tokenizer call are distinct types, even when equal")
    func separateCalls() {
        let tokenizer = Tokenizer()
        let a = tokenizer.tokens(in: ScalarText.scalars(of: "ليبيا"))
        let b = tokenizer.tokens(in: ScalarText.scalars(of: "ليبيا"))
        let made = Token(
            range: a[0].range, kind: .arabicWord, surface: "ليبيا", normalized: "ليبيا", proclitics: [], base: "ليبيا",
            stem: "ليبيا")
        let types = TokenTypes(a + b + [made, made])
        #expect(types.typeOf == [0, 1, 2, 2])
        #expect(types.first == [0, 1, 2])
    }

    @Test("a long text: the same grouping as a dictionary keyed by the forms' identity")
    func longText() {
        // Three-letter words over 26 letters: about 2,300 distinct ones among 6,000, with repetitions
        // far apart, so that probe sequences run long and wrap around the table.
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكلمنهي")
        var text = ""
        for k in 0..<6_000 {
            text += String([letters[k % 26], letters[(k / 26) % 26], letters[(k * 7 / 5) % 26]]) + " "
        }
        let tokens = Tokenizer().tokens(in: ScalarText.scalars(of: text))
        let types = TokenTypes(tokens)
        var expected: [ObjectIdentifier: Int32] = [:]
        var firsts: [Int32] = []
        let typeOf = tokens.enumerated().map { i, token in
            if let t = expected[token.formsIdentity] { return t }
            expected[token.formsIdentity] = Int32(firsts.count)
            firsts.append(Int32(i))
            return Int32(firsts.count - 1)
        }
        #expect(tokens.count == 6_000)
        #expect(types.count > 1_000)
        #expect(types.typeOf == typeOf)
        #expect(types.first == firsts)
    }

    @Test("no tokens, no types")
    func empty() {
        let types = TokenTypes([])
        #expect(types.count == 0)
        #expect(types.typeOf.isEmpty)
    }
}
