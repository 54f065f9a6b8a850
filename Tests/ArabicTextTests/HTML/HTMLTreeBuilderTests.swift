// SPDX-License-Identifier: GPL-2.0-or-later

import Synchronization
import Testing

@testable import ArabicText

/// The tokenizer and tree builder: text, references, whitespace, raw text, broken markup, and
/// linear work.
@Suite("HTMLTreeBuilder")
struct HTMLTreeBuilderTests {
    private func document(_ html: String, limits: HTMLParseLimits = HTMLParseLimits()) throws(HTMLParseError)
        -> HTMLDocument
    {
        var html = html
        let result: Result<HTMLDocument, HTMLParseError> = html.withUTF8 { bytes in
            var meter = HTMLWorkMeter(limits: limits, inputBytes: bytes.count)
            do throws(HTMLParseError) {
                return .success(try HTMLTreeBuilder.build(bytes, meter: &meter))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func blocks(_ html: String) throws -> [String] {
        let d = try document(html)
        return (0..<d.blocks.count).map { d.string(of: $0) }
    }

    @Test("character references: named (case-sensitive, legacy without ';'), numeric, Windows-1252 remap")
    func references() throws {
        #expect(
            try blocks(
                "<p>&amp; &lt;b&gt; &quot;q&quot; &eacute;&Eacute; &laquo;x&raquo; &copy 2015 &#1575;&#x644; &#150;</p>"
            )
                == ["& <b> \"q\" éÉ «x» © 2015 ال –"])
        #expect(try blocks("<p>&bogus; &amp x &ampx; &#0; &#xD800; &#65533;</p>") == ["&bogus; & x &ampx;"])
        #expect(try blocks("<p>a&nbsp;&nbsp;b&#32;c\u{00A0}d\u{2003}e</p>") == ["a b c d e"])
    }

    @Test("whitespace collapses, soft hyphens and private-use icon glyphs go, ZWNJ stays")
    func whitespace() throws {
        #expect(
            try blocks("<p>  one\n\t two  </p><p>Ver\u{00AD}ein\u{E838} فارسی\u{200C}ها</p>") == [
                "one two", "Verein فارسی\u{200C}ها",
            ])
    }

    @Test("block elements and <br> end blocks; inline elements do not")
    func blocksAndInline() throws {
        #expect(try blocks("<div>a <b>bold</b><i>it</i> c<br>d<p>e</p>f</div>") == ["a boldit c", "d", "e", "f"])
    }

    @Test("script, style, comments and raw text are skipped; <title> and JSON-LD are kept for metadata")
    func rawText() throws {
        let d = try document(
            """
            <html><head><title>T &amp; U</title><script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <style>p{}</style></head><body><!-- <p>hidden</p> --><script>var s = "</p><p>x";</script>
            <p>text</p><textarea><p>no</p></textarea></body></html>
            """)
        #expect((0..<d.blocks.count).map { d.string(of: $0) } == ["text"])
        #expect(d.title == "T & U")
        #expect(d.jsonLD == [#"{"@type":"NewsArticle"}"#])
    }

    @Test("implied end tags: p, li, td; stray end tags are ignored")
    func impliedEndTags() throws {
        let d = try document("<p>one<p>two<div>three</span></div><ul><li>a<li>b</ul><table><tr><td>c<td>d</table>")
        #expect((0..<d.blocks.count).map { d.string(of: $0) } == ["one", "two", "three", "a", "b", "c", "d"])
        let paragraphs = d.elements.filter { $0.tag == .p }
        #expect(paragraphs.count == 2)
        #expect(paragraphs.allSatisfy { $0.end - $0.blockStart >= 0 && $0.blockEnd - $0.blockStart == 1 })
    }

    @Test("an unclosed <button> does not swallow the page: </div> closes it")
    func unclosedButton() throws {
        #expect(try blocks("<div><button><i></i></div><div><p>article</p></div>") == ["article"])
    }

    @Test("inside <svg>, <title/> is empty and does not start raw text")
    func svgTitle() throws {
        #expect(try blocks("<a><svg><title/><path d='M0'/></svg></a><p>after</p>") == ["after"])
    }

    @Test("an inline element with a boilerplate cue gets blocks of its own that rejoin its line")
    func splitInline() throws {
        let d = try document("<p>before <span class=\"share-label\">share</span> after</p>")
        #expect((0..<d.blocks.count).map { d.string(of: $0) } == ["before", "share", "after"])
        #expect(d.blocks[1].flags.contains(.continuesLine) && d.blocks[1].flags.contains(.spaceBefore))
        #expect(d.blocks[2].flags.contains(.continuesLine))
    }

    @Test("link text is counted per block")
    func links() throws {
        let d = try document("<p>read <a href=\"/x\">this story</a> and <a href=\"/y\">that</a></p>")
        #expect(d.blocks.count == 1)
        #expect(d.blocks[0].linkChars == 14)
        #expect(d.blocks[0].links == 2)
        #expect(d.blocks[0].shortLinks == 1)
    }

    @Test("a 1.8 MB single text block is read in linear work (issue 13, item 13)")
    func longTextBlock() throws {
        let sentence = "وقال المتحدث إن العمل سيبدأ في الربيع المقبل، وإن الخطة تمتد على خمس سنوات. "
        var body = ""
        while body.utf8.count < 1_800_000 { body += sentence }
        let small = try document("<html><body><p>" + String(body.prefix(body.count / 4)) + "</p></body></html>")
        let large = try document("<html><body><p>" + body + "</p></body></html>")
        #expect(large.blocks.count == 1)
        #expect(large.blocks[0].chars > 900_000)
        // Work per input byte stays flat from 0.45 MB to 1.8 MB (quadratic work would grow 4x).
        let smallBytes = Double(body.utf8.count) / 4
        let largeBytes = Double(body.utf8.count)
        #expect(Double(large.work) / largeBytes < 1.2 * Double(small.work) / smallBytes)
        #expect(large.work < 4 * body.utf8.count)
    }

    @Test("deeply nested and unclosed markup is read in linear work")
    func pathologicalNesting() throws {
        let html =
            String(repeating: "<div><span><b>", count: 50_000) + "text" + String(repeating: "</i></p>", count: 50_000)
        let d = try document(html)
        #expect(d.blocks.count == 1)
        #expect(d.work < 16 * html.utf8.count)
        let tables = String(repeating: "<table><tr><td>", count: 20_000) + String(repeating: "</div>", count: 100_000)
        #expect(try document(tables).work < 16 * tables.utf8.count)
    }

    @Test("the work bound and the time limit stop a page with their own codes")
    func limits() throws {
        let html = "<p>" + String(repeating: "word ", count: 400_000) + "</p>"
        #expect(throws: HTMLParseError.self) {
            try document(html, limits: HTMLParseLimits(workPerByte: 0, baseWork: 1 << 20))
        }
        do {
            _ = try document(html, limits: HTMLParseLimits(workPerByte: 0, baseWork: 1 << 20))
        } catch {
            #expect(error.code == .workLimit)
        }
        // A clock that advances 40 ms per reading: the 50 ms limit passes at the second check.
        let ticks = Counter()
        let clock: @Sendable () -> UInt64 = { ticks.next() * 40_000_000 }
        do {
            _ = try HTMLArticleExtractor.extract(html, limits: HTMLParseLimits(maxMilliseconds: 50, clock: clock))
            Issue.record("expected parse-timeout")
        } catch {
            #expect(error.code == .timeout)
        }
        // Without a time limit the same page parses.
        #expect(try HTMLArticleExtractor.extract(html).text.count > 1_000_000)
    }

    @Test("ArticleParser reports a page past its limits as parse-timeout or parse-work-limit")
    func parserCodes() throws {
        let html = "<html><body><p>" + String(repeating: "word ", count: 400_000) + "</p></body></html>"
        let decoded = DecodedText(text: html, encoding: .utf8, confidence: 1)
        let ticks = Counter()
        let clock: @Sendable () -> UInt64 = { ticks.next() * 40_000_000 }
        let slow = HTMLParseLimits(maxMilliseconds: 50, clock: clock)
        let small = HTMLParseLimits(workPerByte: 0, baseWork: 1 << 20)
        for (limits, code) in [(slow, ArticleParseError.Code.parseTimeout), (small, .parseWorkLimit)] {
            do {
                _ = try ArticleParser.parse(decoded, fileExtension: "html", limits: limits)
                Issue.record("expected \(code)")
            } catch {
                #expect(error.code == code)
            }
        }
        #expect(try ArticleParser.parse(decoded, fileExtension: "html").extraction != nil)
    }
}

/// A thread-safe counter for a fake clock.
final class Counter: Sendable {
    private let value = Mutex(UInt64(0))

    func next() -> UInt64 {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
