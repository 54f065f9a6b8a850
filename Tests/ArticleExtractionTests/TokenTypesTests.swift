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

    @Test("no tokens, no types")
    func empty() {
        let types = TokenTypes([])
        #expect(types.count == 0)
        #expect(types.typeOf.isEmpty)
    }
}
