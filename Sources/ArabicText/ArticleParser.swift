// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Parses decoded article text by format: plain text, HTML or a JSON object.
///
/// The format is chosen by content, with the file extension as a hint:
/// - JSON when the text (after leading whitespace) starts with `{` — or is a one-element array
///   holding an object — and parses as JSON (see ``JSONArticleParser``). Invalid JSON is read as
///   plain text, unless it is JSON Lines.
/// - HTML when the first 1,024 scalars hold `<html`, `<!doctype html`, `<head`, `<body`, `<title`,
///   `<article`, `<p>`, `<p ` or `<div` (ASCII case-insensitive), or when the extension is
///   `html`/`htm`/`xhtml` and the text starts with `<`.
/// - Plain text otherwise.
///
/// Plain text: the first non-blank line is the title when a blank line follows it and it has at
/// most 400 scalars; `text` is then the body from the next non-blank line on. Otherwise there is no
/// title and `text` is the whole input.
/// HTML: title, main text and metadata by ``HTMLArticleExtractor``, which also names the rule that
/// found the main text (`extraction`); parsing is bounded by ``HTMLParseLimits``.
///
/// Inputs that hold several articles (a JSON array of several objects, JSON Lines, an RSS or Atom
/// feed) are refused with ``ArticleParseError/Code/container``, and an input in which no article
/// text is found, in any format, with ``ArticleParseError/Code/noText``: never an empty document
/// and never a document of markup.
public enum ArticleParser {
    /// Parses `decoded.text`; `fileExtension` (without the dot, any case) is a hint only. An HTML
    /// page is bounded by `limits` (by default the work bound of ``HTMLParseLimits`` and no time
    /// limit).
    ///
    /// - Returns: the article, whose `text` holds at least one character that is not white space.
    /// - Throws: ``ArticleParseError`` (`container`, `no-text`, or `parse-timeout` /
    ///   `parse-work-limit` for an HTML page past `limits`).
    public static func parse(
        _ decoded: DecodedText, fileExtension: String?, limits: HTMLParseLimits = HTMLParseLimits()
    ) throws(ArticleParseError) -> ParsedArticle {
        let article = try parseAnyText(decoded.text, fileExtension: fileExtension?.lowercased(), limits: limits)
        guard article.text.unicodeScalars.contains(where: { !ScalarClass.isSpace($0.value) }) else {
            throw ArticleParseError(code: .noText, detail: "no article text found in the \(article.format) input")
        }
        return article
    }

    private static func parseAnyText(
        _ text: String, fileExtension ext: String?, limits: HTMLParseLimits
    ) throws(ArticleParseError) -> ParsedArticle {
        let head = text.unicodeScalars.drop(while: { ScalarClass.isSpace($0.value) })
        if head.first == "{" || head.first == "[" || ext == "json" || ext == "jsonl" || ext == "ndjson" {
            if let article = try JSONArticleParser.parse(text) { return article }
        }
        if let feed = feedKind(text[head.startIndex...]) {
            throw ArticleParseError(code: .container, detail: "\(feed) feed: one file per article is expected")
        }
        if looksLikeHTML(text[head.startIndex...])
            || ((ext == "html" || ext == "htm" || ext == "xhtml") && head.first == "<")
        {
            return try parseHTML(text, limits: limits)
        }
        return parsePlain(text)
    }

    /// An HTML page through ``HTMLArticleExtractor``.
    static func parseHTML(_ html: String, limits: HTMLParseLimits) throws(ArticleParseError) -> ParsedArticle {
        let page: HTMLExtraction
        do {
            page = try HTMLArticleExtractor.extract(html, limits: limits)
        } catch {
            throw ArticleParseError(code: ArticleParseError.Code(error.code), detail: error.detail)
        }
        return ParsedArticle(
            title: page.title, text: page.text, format: .html, url: page.url, published: page.published,
            source: page.source, lang: page.lang, author: page.author, extraction: page.rule.rawValue)
    }

    /// `RSS` or `Atom` when the first 1,024 scalars of `text` open an XML feed: an `<rss`,
    /// `<rdf:RDF` or `<feed` element before any HTML marker.
    static func feedKind(_ text: Substring) -> String? {
        // Most inputs are not markup: decided before lowercasing 1,024 scalars of Arabic.
        guard text.unicodeScalars.first == "<" else { return nil }
        let prefix = String(text.unicodeScalars.prefix(htmlPrefixScalars)).lowercased()
        guard prefix.hasPrefix("<") else { return nil }
        let html = ["<html", "<!doctype html", "<body"].compactMap { prefix.range(of: $0)?.lowerBound }.min()
        for (marker, kind) in [("<rss", "RSS"), ("<rdf:rdf", "RSS"), ("<feed", "Atom")] {
            var from = prefix.startIndex
            while let found = prefix.range(of: marker, range: from..<prefix.endIndex) {
                from = found.upperBound
                guard html.map({ found.lowerBound < $0 }) ?? true else { break }
                // An element of that name, not `<feedback` or `<rssfoo`.
                if let next = prefix[found.upperBound...].unicodeScalars.first,
                    next == ">" || ScalarClass.isSpace(next.value)
                {
                    return kind
                }
            }
        }
        return nil
    }

    /// Plain text: title line + blank line + body, else the whole text.
    static func parsePlain(_ text: String) -> ParsedArticle {
        let s = Array(text.unicodeScalars)
        let n = s.count
        var i = 0
        while i < n && ScalarClass.isSpace(s[i].value) { i += 1 }
        let titleStart = i
        while i < n && !ScalarClass.isLineBreak(s[i].value) { i += 1 }
        let titleEnd = i
        guard i < n else { return ParsedArticle(title: nil, text: text, format: .plain) }
        i += 1
        // The next line must be blank.
        var j = i
        while j < n && ScalarClass.isBlank(s[j].value) { j += 1 }
        var titleLast = titleEnd
        while titleLast > titleStart && ScalarClass.isSpace(s[titleLast - 1].value) { titleLast -= 1 }
        let titleRange = titleStart..<titleLast
        guard j < n, ScalarClass.isLineBreak(s[j].value), !titleRange.isEmpty, titleRange.count <= 400 else {
            return ParsedArticle(title: nil, text: text, format: .plain)
        }
        // Body: from the first non-blank line after the blank line(s).
        var bodyStart = j
        var k = j
        while k < n && ScalarClass.isSpace(s[k].value) {
            if ScalarClass.isLineBreak(s[k].value) { bodyStart = k + 1 }
            k += 1
        }
        let title = ScalarText.string(s[titleRange])
        return ParsedArticle(title: title, text: ScalarText.string(s[bodyStart...]), format: .plain)
    }

    /// True when the first 1,024 scalars of `text` hold one of the HTML markers listed on the
    /// type (ASCII case-insensitive).
    ///
    /// A byte scan over the UTF-8 of that bounded prefix, counting scalars by their lead bytes:
    /// the markers are ASCII, so they match in the bytes exactly where they match in the scalars.
    /// (Unlike `String.contains`, which compares `Character`s, it also sees a marker that a
    /// combining mark follows, such as `<div` + U+0301; no well-formed page has one.)
    static func looksLikeHTML(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            var scalars = 0  // scalars that start before byte i
            var i = 0
            while i < n && scalars < htmlPrefixScalars {
                if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
                if bytes[i] == 0x3C {  // "<": the marker must end within the prefix
                    let room = min(n - i, htmlPrefixScalars - scalars + 1)
                    for marker in htmlMarkers where marker.count <= room && matchesASCII(bytes, at: i, marker) {
                        return true
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// How many scalars at the start of a text `looksLikeHTML` looks at.
    static let htmlPrefixScalars = 1024

    /// The markers of `looksLikeHTML`, lowercase ASCII bytes.
    private static let htmlMarkers: [[UInt8]] = [
        "<html", "<!doctype html", "<head", "<body", "<title", "<article", "<p>", "<p ", "<div",
    ].map { Array($0.utf8) }

    /// True when `marker` (lowercase ASCII) stands at `i` in `bytes`, ignoring ASCII case.
    @inline(__always)
    private static func matchesASCII(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ marker: [UInt8]) -> Bool {
        for (k, m) in marker.enumerated() {
            let b = bytes[i + k]
            if b != m && !(m >= 0x61 && m <= 0x7A && b | 0x20 == m) { return false }
        }
        return true
    }

    /// True when `text` holds `needle` (ASCII, case-sensitive): a byte scan of its UTF-8.
    static func containsASCII(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            guard let first = pattern.first, bytes.count >= pattern.count else { return false }
            var i = 0
            while i <= bytes.count - pattern.count {
                if bytes[i] == first && pattern.indices.allSatisfy({ bytes[i + $0] == pattern[$0] }) { return true }
                i += 1
            }
            return false
        }
    }

}
