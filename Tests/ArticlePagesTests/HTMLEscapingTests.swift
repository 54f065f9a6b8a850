// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArticlePages

@Suite("Escaping: an article is untrusted input")
struct HTMLEscapingTests {
    static let hostile = "<script>document.title='x'</script><img src=x onerror=\"alert(1)\"> & ' \u{0} \u{7}"
    /// The elements the article page may contain; anything else came from the article.
    static let allowedElements: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "i", "div", "main", "header", "h1", "h2", "p",
        "span", "bdi", "time", "b", "ol", "li", "table", "tr", "th", "td", "aside", "ul", "a",
    ]

    @Test("the five markup characters become references and controls are dropped")
    func escapesMarkup() {
        #expect(HTMLEscaper.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscaper.escape("a\u{0}b\u{1B}c\u{85}d\ne\tf") == "abcd\ne\tf")
        #expect(HTMLEscaper.escape("محمد 😀") == "محمد 😀")
    }

    @Test("only http and https URLs are linked, whatever their case or leading blanks")
    func linksOnlyHTTP() {
        #expect(
            HTMLEscaper.safeHTTPHref("https://example.org/a?b=1&c=\"2\"")
                == "https://example.org/a?b=1&amp;c=&quot;2&quot;")
        #expect(HTMLEscaper.safeHTTPHref(" HTTP://example.org") == "HTTP://example.org")
        #expect(HTMLEscaper.safeHTTPHref("javascript:alert(1)") == nil)
        #expect(HTMLEscaper.safeHTTPHref("  JaVaScRiPt:alert(1)") == nil)
        #expect(HTMLEscaper.safeHTTPHref("\u{1}javascript:alert(1)") == nil)
        #expect(HTMLEscaper.safeHTTPHref("data:text/html,<script>") == nil)
        #expect(HTMLEscaper.safeHTTPHref("http://a\nb") == nil)
    }

    @Test("relative links percent-encode every component")
    func relativeLinks() {
        #expect(HTMLEscaper.relativeHref(components: ["..", "out", "a b\"<.html"]) == "../out/a%20b%22%3C.html")
        #expect(HTMLEscaper.relativeHref(components: ["javascript:alert(1)"]) == "javascript%3Aalert%281%29")
    }

    @Test("hostile title, text, entity, speaker, date and URL render as text: no element or attribute of theirs")
    func hostileDocument() {
        let text = "قال \(Self.hostile) إن <b onmouseover=alert(2)>Paris</b> «\(Self.hostile)» اليوم"
        let entity = PageFixtures.entity(
            "PERSON", "<b onmouseover=alert(2)>", in: text, canonical: "\"><script>alert(3)</script>")
        let (qs, qe) = PageFixtures.span(of: "«\(Self.hostile)»", in: text)
        let quote = PageDocument.Quote(
            speaker: "\" onclick=\"alert(4)", speakerCanonical: "<svg onload=alert(5)>", verb: "قال", text: "x",
            start: qs, end: qe, direct: true)
        let (ds, de) = PageFixtures.span(of: "اليوم", in: text)
        let date = PageDocument.DateMention(
            text: "اليوم", start: ds, end: de, value: "\"><script>alert(6)</script>", calendar: "<i>")
        var document = PageFixtures.document(
            text: text, title: Self.hostile, entities: [entity], quotes: [quote], dates: [date],
            url: "javascript:alert(7)")
        document.keywords = [PageDocument.Keyword(term: Self.hostile, score: 1)]
        document.metadata.source = "</title><script>alert(8)</script>"
        let html = ArticlePageRenderer().render(document)

        let tags = TagScanner.tags(in: html)
        let names = Set(tags.map(\.name))
        #expect(
            names.isSubset(of: Self.allowedElements), "unexpected elements: \(names.subtracting(Self.allowedElements))")
        #expect(!names.contains("script") && !names.contains("img") && !names.contains("svg"))
        let attributes = tags.flatMap(\.attributes)
        #expect(!attributes.contains { $0.name.hasPrefix("on") })
        #expect(!attributes.contains { $0.name == "href" && !$0.value.hasPrefix("#") })
        #expect(html.contains("&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt;"))
        #expect(html.contains("url <bdi>javascript:alert(7)</bdi> (not linked)"))
        #expect(html.contains("data-speaker=\"&lt;svg onload=alert(5)&gt;\""))
        #expect(html.contains("datetime=\"&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;\""))
        #expect(!html.contains("\u{0}") && !html.contains("\u{7}"))
        // The policy forbids scripts even if one slipped through.
        #expect(html.contains("default-src 'none'") && !html.contains("script-src"))
    }

    @Test("the digest escapes names, quotations, titles and file names")
    func hostileDigest() {
        var record = DigestRecord(
            id: "sha256:1", sourcePath: "<x>/a.txt", receivedAt: "2026-12-01T05:00:00Z", language: "<ar>",
            title: Self.hostile, outlet: "<script>alert(1)</script>",
            entityIndex: [
                PageDocument.IndexEntry(canonical: "<img src=x onerror=alert(2)>", type: "PERSON", mentions: 2)
            ],
            quotes: [.init(speaker: "\"><script>alert(3)</script>", speakerType: "PERSON", text: Self.hostile)],
            keywords: ["<u>"])
        record.documentPath = ["<x>", "a.txt.json"]
        record.showPagePath = ["<x>", "a.txt.html"]
        let summary = DigestAggregator.summarize([record], period: DigestPeriod(from: nil, now: 1_800_000_000))
        let html = DigestPageRenderer(linkPrefix: [".."], rootLabel: "<out>").render(summary)
        let names = Set(TagScanner.tags(in: html).map(\.name))
        #expect(!names.contains("script") && !names.contains("img") && !names.contains("u"))
        #expect(!TagScanner.tags(in: html).flatMap(\.attributes).contains { $0.name.hasPrefix("on") })
        #expect(html.contains("href=\"../%3Cx%3E/a.txt.html\""))
    }
}
