// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

@Suite("LanguageIdentifier")
struct LanguageIdentifierTests {
    private func guess(_ s: String) -> LanguageGuess { LanguageIdentifier.identify(Array(s.unicodeScalars)) }

    @Test("Arabic, English and French with their scripts")
    func languages() {
        let ar = guess("أعلن الناطق باسم قوات القيادة العامة (LNA) اليوم")
        #expect(ar.code == "ar" && ar.script == "Arab")
        #expect(ar.confidence == 0.923)  // 36 Arabic letters, 3 Latin: 36/39
        let en = guess("The army said that the ceasefire in Tripoli was holding, and talks will resume.")
        #expect(en.code == "en" && en.script == "Latn")
        #expect(en.confidence == 1)
        let fr = guess("L'armée a déclaré que le cessez-le-feu était respecté dans la capitale et les environs.")
        #expect(fr.code == "fr" && fr.script == "Latn")
        #expect(fr.confidence == 1)
    }

    @Test("no letters, or no evidence, is undetermined")
    func undetermined() {
        #expect(guess("123 456 — 5+5") == LanguageGuess(code: "und", script: "Zyyy", confidence: 0))
        #expect(guess("Xqz Wrt Plk").code == "und")
        #expect(guess("Xqz Wrt Plk").script == "Latn")
    }

    @Test("the sample article is Arabic", .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sample() throws {
        let text = try ArticleDecoder.decode(try SharedData.bytes(SharedData.sample)).text
        let g = LanguageIdentifier.identify(Array(text.unicodeScalars))
        #expect(g.code == "ar" && g.script == "Arab" && g.confidence == 1)
    }
}
