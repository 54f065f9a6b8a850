// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArticlePages

@Suite("Highlights from Unicode scalar offsets")
struct OffsetMappingTests {
    static func mark(_ start: Int, _ end: Int, _ label: String, layer: Int = 1) -> HighlightMark {
        HighlightMark(start: start, end: end, layer: layer, element: "b", attributes: [HTMLAttribute("class", label)])
    }

    @Test("offsets count scalars: emoji outside the BMP, ZWJ sequences and tashkeel shift nothing")
    func scalarOffsets() {
        // 😀 is one scalar (two UTF-16 units); 👩‍👧 is three scalars and one Character; مُحَمَّد
        // carries three combining marks (eight scalars, four Characters).
        let text = "😀 قال 👩‍👧 مُحَمَّد for Obama in باريس 😀!"
        let scalars = Array(text.unicodeScalars)
        #expect(scalars.count != text.count && scalars.count != text.utf16.count)
        let name = PageFixtures.span(of: "مُحَمَّد", in: text)
        let obama = PageFixtures.span(of: "Obama", in: text)
        let paris = PageFixtures.span(of: "باريس", in: text)
        #expect(name == (10, 18))
        #expect(obama == (23, 28))
        let (html, dropped) = TextHighlighter.render(
            text,
            marks: [Self.mark(name.0, name.1, "p"), Self.mark(obama.0, obama.1, "p"), Self.mark(paris.0, paris.1, "l")])
        #expect(dropped == 0)
        #expect(html == "😀 قال 👩‍👧 <b class=\"p\">مُحَمَّد</b> for <b class=\"p\">Obama</b> in <b class=\"l\">باريس</b> 😀!")
    }

    @Test("nested spans: the longer one outside; equal ranges by layer")
    func nesting() {
        let text = "abcdefghij"
        let (html, _) = TextHighlighter.render(
            text,
            marks: [Self.mark(2, 4, "e", layer: 1), Self.mark(0, 10, "q", layer: 0), Self.mark(2, 4, "d", layer: 2)])
        #expect(html == "<b class=\"q\">ab<b class=\"e\"><b class=\"d\">cd</b></b>efghij</b>")
    }

    @Test("crossing spans: the inner one is split and its second fragment marked cont")
    func crossing() {
        let (html, _) = TextHighlighter.render(
            "abcdefgh", marks: [Self.mark(0, 5, "q", layer: 0), Self.mark(3, 7, "e")])
        #expect(html == "<b class=\"q\">abc<b class=\"e\">de</b></b><b class=\"e cont\">fg</b>h")
    }

    @Test("spans outside the text, empty or reversed are dropped and counted")
    func outOfRange() {
        let (html, dropped) = TextHighlighter.render(
            "a😀b",
            marks: [
                Self.mark(0, 4, "x"), Self.mark(-1, 1, "x"), Self.mark(2, 2, "x"), Self.mark(2, 1, "x"),
                Self.mark(1, 2, "ok"),
            ])
        #expect(dropped == 4)
        #expect(html == "a<b class=\"ok\">😀</b>b")
    }

    @Test("text between spans is escaped")
    func escapesBetween() {
        let (html, _) = TextHighlighter.render("<a>&<b>", marks: [Self.mark(3, 4, "x")])
        #expect(html == "&lt;a&gt;<b class=\"x\">&amp;</b>&lt;b&gt;")
    }
}
