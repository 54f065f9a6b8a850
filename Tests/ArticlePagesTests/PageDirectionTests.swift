// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArticlePages

@Suite("Direction by the document's language")
struct PageDirectionTests {
    @Test(
        "Arabic (and other right-to-left languages) render right to left, English, French and unknown left to right",
        arguments: [("ar", "rtl"), ("ar-SA", "rtl"), ("fa", "rtl"), ("en", "ltr"), ("fr", "ltr"), ("und", "ltr")])
    func direction(language: String, expected: String) {
        let document = PageFixtures.document(text: "Paris باريس", language: language)
        let html = ArticlePageRenderer().render(document)
        #expect(html.contains("<html lang=\"\(language == "und" ? "" : language)\" dir=\"\(expected)\">"))
        #expect(html.contains("<div class=\"text\" dir=\"\(expected)\">"))
    }

    @Test("entities, dates and names are bidi-isolated inside mixed Arabic and Latin lines")
    func isolation() {
        let text = "قال Emmanuel Macron في باريس"
        let document = PageFixtures.document(
            text: text,
            entities: [
                PageFixtures.entity("PERSON", "Emmanuel Macron", in: text),
                PageFixtures.entity("LOCATION", "باريس", in: text),
            ])
        let html = ArticlePageRenderer().render(document)
        #expect(html.contains("<bdi class=\"ent per\" data-kind=\"entity\" data-type=\"PERSON\""))
        #expect(html.contains(">Emmanuel Macron</bdi> في <bdi class=\"ent loc\""))
        #expect(html.contains("bdi,time,.q,.who{unicode-bidi:isolate}"))
    }
}
