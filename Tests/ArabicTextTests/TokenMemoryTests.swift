// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArabicText

/// What a long input costs per token and per scalar (issue 13: memory per input byte). A 16 MiB
/// input has about 1.8 million tokens and 9 million scalars, so each byte here is megabytes there.
struct TokenMemoryTests {
    @Test("a token is its range, its kind and a reference to forms shared by its repetitions: 32 bytes")
    func tokenStride() {
        #expect(MemoryLayout<Token>.stride == 32)
        let tokens = Tokenizer().tokens(in: Array("قال الوزير ثم قال الوزير".unicodeScalars))
        #expect(tokens.count == 5)
        // A repetition equals the first occurrence in everything but its range.
        #expect(tokens[3].surface == tokens[0].surface && tokens[3].stem == tokens[0].stem)
        #expect(tokens[3] != tokens[0])
        #expect(tokens[3] == tokens[0].moved(to: tokens[3].range))
        #expect(tokens[4].proclitics == ["ال"] && tokens[4].base == "وزير")
    }

    @Test("equal tokens made separately are equal and hash alike")
    func equality() {
        let a = Tokenizer().tokens(in: Array("والخرطوم".unicodeScalars))[0]
        let b = Token(
            range: a.range, kind: a.kind, surface: a.surface, normalized: a.normalized, proclitics: a.proclitics,
            base: a.base, stem: a.stem)
        #expect(a == b && a.hashValue == b.hashValue)
        let c = Token(
            range: a.range, kind: a.kind, surface: a.surface, normalized: a.normalized, proclitics: [],
            base: a.base, stem: a.stem)
        #expect(a != c)
    }

    @Test("the scalar array of an Arabic text is allocated for its scalars, not for its UTF-8 bytes")
    func scalarCapacity() {
        let text = String(repeating: "أعلن الناطق باسم القوات ", count: 2000)
        let scalars = ScalarText.scalars(of: text)
        #expect(scalars.count == text.unicodeScalars.count)
        #expect(Array(text.unicodeScalars) == scalars)
        // Arabic letters take two UTF-8 bytes each: a capacity of one scalar per byte is 1.8 times this.
        #expect(scalars.capacity < scalars.count + 64)
    }
}
