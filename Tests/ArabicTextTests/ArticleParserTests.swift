// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

@Suite("ArticleParser")
struct ArticleParserTests {
    private func parse(_ text: String, _ ext: String? = nil) -> ParsedArticle {
        do {
            return try ArticleParser.parse(DecodedText(text: text, encoding: .utf8, confidence: 1), fileExtension: ext)
        } catch {
            Issue.record("\(error)")
            return ParsedArticle(title: nil, text: "", format: .plain)
        }
    }

    /// The parse error for `text`, or nil when it parses.
    private func failure(_ text: String, _ ext: String? = nil) -> ArticleParseError? {
        do {
            _ = try ArticleParser.parse(DecodedText(text: text, encoding: .utf8, confidence: 1), fileExtension: ext)
            return nil
        } catch {
            return error
        }
    }

    @Test("plain text: the first line is the title when a blank line follows it")
    func plainTitle() {
        let a = parse("أمير الرياض يطلق العمل\n\n  أكد سمو أمير منطقة الرياض.\nفقرة ثانية.\n", "txt")
        #expect(a.format == .plain)
        #expect(a.title == "أمير الرياض يطلق العمل")
        #expect(a.text == "  أكد سمو أمير منطقة الرياض.\nفقرة ثانية.\n")
        let b = parse("أعلن الناطق.\nوأكد المسماري.\n")
        #expect(b.title == nil)
        #expect(b.text == "أعلن الناطق.\nوأكد المسماري.\n")
        let c = parse("عنوان فقط")
        #expect(c.title == nil && c.text == "عنوان فقط")
    }

    @Test("SaudiNewsNet files: title line, blank line, body", .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func saudiNewsNetTitle() throws {
        let bytes = try SharedData.bytes(SharedData.saudiNewsNet + "/snn_3alyoum_0006.txt")
        let a = try ArticleParser.parse(try ArticleDecoder.decode(bytes), fileExtension: "txt")
        #expect(a.format == .plain)
        #expect(a.title == "أمير الرياض يطلق العمل في حفر الأنفاق العملاقة بالعاصمة")
        #expect(a.text.hasPrefix("Next Previous عبدالمجيد آل مبارك – عين اليوم\n"))
    }

    @Test("JSON objects: title, body or text, url, published, source, lang; chosen by content")
    func json() {
        let a = parse(
            #"{"title":" ليبيا ","body":"سطر\r\nثان","url":"https://x.sa/1","published":"2015-08-10","source":"was","lang":"ar"}"#,
            "txt")
        #expect(
            a
                == ParsedArticle(
                    title: "ليبيا", text: "سطر\nثان", format: .json, url: "https://x.sa/1", published: "2015-08-10",
                    source: "was",
                    lang: "ar"))
        let b = parse(
            #"  {"title":"t","text":"<p>فقرة <b>أولى</b></p><p>ثانية &amp; ثالثة</p>","published":1438214400}"#)
        #expect(b.format == .json)
        #expect(b.text == "فقرة أولى\nثانية & ثالثة")
        #expect(b.published == "1438214400")
        let c = parse("{not json", "json")
        #expect(c.format == .plain)
    }

    @Test("schema.org NewsArticle keys: headline, articleBody, datePublished, author, publisher, inLanguage")
    func schemaOrg() {
        let a = parse(
            #"""
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"وقف إطلاق النار",
             "articleBody":"أعلن المتحدث.","datePublished":"2020-08-21T10:00:00Z",
             "author":[{"@type":"Person","name":"سعاد"},{"@type":"Person","name":"Omar"}],
             "publisher":{"@type":"Organization","name":"وكالة"},"inLanguage":"ar",
             "mainEntityOfPage":{"@id":"https://x.ly/a"}}
            """#)
        #expect(
            a
                == ParsedArticle(
                    title: "وقف إطلاق النار", text: "أعلن المتحدث.", format: .json, url: "https://x.ly/a",
                    published: "2020-08-21T10:00:00Z", source: "وكالة", lang: "ar", author: "سعاد, Omar"))
        // JSON-LD: the article inside @graph.
        let graph = #"{"@graph":[{"@type":"WebPage","name":"page"},"#
        let b = parse(graph + #"{"@type":["NewsArticle"],"headline":"h","articleBody":"نص"}]}"#)
        #expect(b.title == "h" && b.text == "نص")
    }

    @Test("no article text is no-text in every format; several articles are a container")
    func noTextAndContainers() {
        #expect(failure(#"{"title":"عنوان","url":"https://x"}"#)?.code == .noText)
        #expect(failure(#"{"headline":"h","articleBody":"  \n "}"#)?.code == .noText)
        #expect(failure("[]", "json")?.code == .noText)
        #expect(failure("42", "json")?.code == .noText)
        #expect(failure("<html><body><script>go()</script><style>p{}</style></body></html>")?.code == .noText)
        #expect(failure("<html><head><title>عنوان</title></head><body></body></html>")?.code == .noText)
        #expect(failure(#"[{"title":"a","body":"أ"},{"title":"b","body":"ب"}]"#)?.code == .container)
        let lines = #"{"title":"a","body":"أ"}"# + "\n" + #"{"title":"b","body":"ب"}"# + "\n"
        #expect(failure(lines, "jsonl")?.code == .container)
        let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><item><title>أ</title></item></channel></rss>"#
        #expect(failure(rss, "xml")?.code == .container)
        let atom = #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry></entry></feed>"#
        #expect(failure(atom)?.code == .container)
        // A one-object array is one article; a page that mentions a feed is a page.
        #expect(failure(#"[{"title":"a","body":"أ"}]"#) == nil)
        // (A page whose only text is a sign-up prompt, "اشترك في RSS", is no-text: prompts are furniture.)
        let mentions = "<html><body><p>نشرت الوكالة الخبر في موجز <a href=/rss>RSS</a> وفي صفحة <feedback> القراء.</p>"
        #expect(failure(mentions + "</body></html>") == nil)
        #expect(failure(" \n")?.code == .noText)
    }

    @Test("HTML: title, main text without nav, script and style, metadata; &nbsp; collapses like a space")
    func html() {
        let page = """
            <!DOCTYPE html><html lang="ar"><head><title>خبر - الموقع</title>
            <meta property="og:site_name" content="عين اليوم"><link rel="canonical" href="https://example.sa/a/1">
            <meta property="article:published_time" content="2015-08-10T09:00:00+03:00">
            <style>p { color: red; }</style><script>var a = "<p>لا</p>";</script></head>
            <body><header><nav><a href="/">الرئيسية</a> | <a href="/s">رياضة</a></nav></header>
            <article><h1>أمير الرياض يطلق العمل</h1>
            <p>أكد سمو   أمير منطقة الرياض&nbsp;أن المشروع&#x200C;يسير.</p><!-- ad -->
            <p>وقال: &laquo;لا عقبات&raquo;<br>سطر بعد br</p>
            <aside>اقرأ أيضا</aside></article>
            <footer>جميع الحقوق محفوظة &copy; 2015</footer></body></html>
            """
        let a = parse(page, "html")
        #expect(a.format == .html)
        #expect(a.title == "أمير الرياض يطلق العمل")
        #expect(a.text == "أكد سمو أمير منطقة الرياض أن المشروع\u{200C}يسير.\nوقال: «لا عقبات»\nسطر بعد br")
        #expect(a.url == "https://example.sa/a/1")
        #expect(a.source == "عين اليوم")
        #expect(a.published == "2015-08-10T09:00:00+03:00")
        #expect(a.lang == "ar")
        #expect(a.extraction == "article-element")
    }

    @Test("HTML metadata: og:title, JSON-LD NewsArticle, canonical URL, author; title without the site name")
    func htmlMetadata() {
        let ld = #"""
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage","url":"https://x.ly/p"},
            {"@type":"NewsArticle","headline":"وقف إطلاق النار في ليبيا","datePublished":"2020-10-23T10:00:00Z",
            "author":[{"@type":"Person","name":"أحمد علي"},{"@type":"Person","name":"سارة محمد"}],
            "publisher":{"@type":"Organization","name":"بوابة الوسط"}}]}
            """#
        let body = "<article><p>" + String(repeating: "نص الخبر الطويل. ", count: 20) + "</p></article>"
        let a = parse(
            "<html lang=\"ar\"><head><title>وقف إطلاق النار في ليبيا | بوابة الوسط</title>"
                + "<script type=\"application/ld+json\">\(ld)</script></head><body>\(body)</body></html>")
        #expect(a.title == "وقف إطلاق النار في ليبيا")
        #expect(a.published == "2020-10-23T10:00:00Z")
        #expect(a.author == "أحمد علي, سارة محمد")
        #expect(a.source == "بوابة الوسط")
        #expect(a.url == "https://x.ly/p")
        #expect(a.lang == "ar")
        let b = parse(
            "<html><head><meta property=\"og:title\" content=\"Ceasefire agreed | Libya Herald\">"
                + "<meta property=\"og:site_name\" content=\"Libya Herald\"><meta name=\"author\" content=\"A. Writer\">"
                + "<link rel=\"canonical\" href=\"https://libyaherald.com/c\"></head><body>\(body)</body></html>")
        #expect(b.title == "Ceasefire agreed")
        #expect(b.author == "A. Writer")
        #expect(b.url == "https://libyaherald.com/c")
        // No og:title, no h1: the <title> without the site name.
        let c = parse("<html><head><title>Ceasefire agreed - Libya Herald</title></head><body>\(body)</body></html>")
        #expect(c.title == "Ceasefire agreed")
    }

    @Test("HTML without article element, unclosed chrome and malformed markup")
    func tolerantHTML() {
        // Malformed markup is read, never rejected; as a JSON body (a fragment) all its text is kept.
        let fragment = "<div>فقرة <b>أولى<div>ثانية < 3 و 5 > 2</div><p>ثالثة &bogus; &#0; &#1575;"
        #expect(HTMLArticleExtractor.fragmentText(fragment) == "فقرة أولى\nثانية < 3 و 5 > 2\nثالثة &bogus; ا")
        // As a page, the paragraph is the main text: loose text in divs is not, beside a paragraph.
        let a = parse(fragment, nil)
        #expect(a.format == .html)
        #expect(a.title == nil)
        #expect(a.text == "ثالثة &bogus; ا")
        #expect(a.extraction == "paragraphs")
        // A <nav> never closed would hide the whole page: page chrome is left out only when
        // something remains, and the paragraph is the main text, not the menu.
        let b = parse("<html><body><nav>قائمة<p>نص المقال</p></body></html>")
        #expect(b.text == "نص المقال")
        let c = parse("<html><body><nav>قائمة</body></html>")
        #expect(c.text == "قائمة")
        #expect(c.extraction == "whole-page")
    }

    @Test("HTML is detected by a marker within the first 1,024 scalars, ignoring ASCII case")
    func htmlMarkerBound() {
        // Arabic letters are two UTF-8 bytes each: the bound counts scalars, not bytes.
        let inside = String(repeating: "ب", count: 1020) + "<DiV>"  // "<div" on scalars 1020-1023
        let outside = String(repeating: "ب", count: 1021) + "<div>"  // "<div" ends on scalar 1024
        #expect(ArticleParser.looksLikeHTML(inside[...]))
        #expect(!ArticleParser.looksLikeHTML(outside[...]))
        #expect(ArticleParser.looksLikeHTML("خبر <!DOCTYPE HTML>"[...]))
        #expect(ArticleParser.looksLikeHTML("<P class=x>نص"[...]))
        #expect(ArticleParser.looksLikeHTML("3 <p 5"[...]))  // "<p " is a marker
        #expect(ArticleParser.looksLikeHTML("<header>"[...]))  // it holds "<head"
        #expect(!ArticleParser.looksLikeHTML("a <pre> b <span> c <bod"[...]))
        #expect(!ArticleParser.looksLikeHTML(""[...]))
        #expect(parse("  \n" + String(repeating: "ب", count: 1020) + "<div>نص</div>").format == .html)
        #expect(parse(String(repeating: "ب", count: 1021) + "<div>نص</div>").format == .plain)
        #expect(ArticleParser.containsASCII("نص</p>", "</"))
        #expect(!ArticleParser.containsASCII("نص<", "</"))
    }
}
