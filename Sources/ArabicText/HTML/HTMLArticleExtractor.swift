// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Extracts an article from an HTML page: its main text (one paragraph per line), title and
/// metadata, and the rule that found the main text.
///
/// Pure (no I/O) and linear in the page: ``HTMLTreeBuilder`` reads the page once into elements and
/// text blocks, ``MainTextSelector`` chooses the blocks of the main text, and the metadata comes
/// from the `<head>` and the JSON-LD scripts (``JSONLDArticle``).
///
/// - Text: one line per paragraph, heading, list item or table row (cells separated by a tab);
///   an inline element cut out of a paragraph does not break its line.
/// - Title: `og:title` (without a site name after a separator), else the JSON-LD `headline`, else
///   the first `<h1>` that is not page chrome, a logo link or the site name, else the `<title>`
///   without the site name (the part before or after ` | `, ` - `, ` – `, ` — `, ` :: `, ` » `
///   that is not the site name, or the one long part beside short ones). A headline block equal
///   to the title is not repeated in the text.
/// - Metadata: URL from `<link rel="canonical">`, `og:url` or JSON-LD `url`; published from
///   `article:published_time`, JSON-LD `datePublished`, other date `<meta>` tags or the first
///   `<time datetime>`; source from `og:site_name` or JSON-LD `publisher`; language from
///   `<html lang>`, JSON-LD `inLanguage` or `og:locale`; author from JSON-LD `author`,
///   `<meta name="author">` or `article:author`.
public enum HTMLArticleExtractor {
    /// Extracts the article of `html`.
    /// - Throws: ``HTMLParseError`` when the page exceeds `limits`.
    public static func extract(_ html: String, limits: HTMLParseLimits = .init()) throws(HTMLParseError)
        -> HTMLExtraction
    {
        var html = html
        let result: Result<HTMLExtraction, HTMLParseError> = html.withUTF8 { bytes in
            do throws(HTMLParseError) {
                return .success(try extract(bytes, limits: limits))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Extracts the article of the UTF-8 bytes `bytes` (valid UTF-8).
    static func extract(_ bytes: UnsafeBufferPointer<UInt8>, limits: HTMLParseLimits) throws(HTMLParseError)
        -> HTMLExtraction
    {
        var meter = HTMLWorkMeter(limits: limits, inputBytes: bytes.count)
        let document = try HTMLTreeBuilder.build(bytes, meter: &meter)
        let page = PageAnalysis(document: document)
        let selection = try MainTextSelector.select(page, meter: &meter)
        let jsonLD = JSONLDArticle.read(document.jsonLD)
        let title = title(of: page, jsonLD: jsonLD)
        let text = text(of: document, blocks: selection.blocks, title: title)
        let meta = document.meta
        let published =
            meta["article:published_time"] ?? jsonLD?.datePublished
            ?? first(meta, Self.dateKeys) ?? document.firstTimeDatetime
        let author =
            jsonLD?.author ?? meta["author"] ?? meta["article:author"].flatMap { isURL($0) ? nil : $0 }
            ?? meta["byl"] ?? meta["dc.creator"]
        let lang = document.lang ?? jsonLD?.inLanguage ?? first(meta, ["og:locale", "dc.language", "language"])
        return HTMLExtraction(
            title: title, text: text, rule: selection.rule,
            url: document.canonicalURL ?? meta["og:url"] ?? jsonLD?.url, published: published,
            source: meta["og:site_name"] ?? jsonLD?.publisher ?? meta["application-name"], lang: lang, author: author)
    }

    /// The `<meta>` date keys, in the order they are trusted.
    private static let dateKeys = [
        "datepublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "citation_publication_date", "date",
    ]

    private static func first(_ meta: [String: String], _ keys: [String]) -> String? {
        for key in keys { if let v = meta[key] { return v } }
        return nil
    }

    /// All the visible text of an HTML fragment (an article body from a JSON file), one block per
    /// line, without choosing a main text: the fragment is the article already.
    public static func fragmentText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var meter = HTMLWorkMeter(limits: HTMLParseLimits(), inputBytes: bytes.count)
            guard let document = try? HTMLTreeBuilder.build(bytes, meter: &meter) else { return "" }
            let all = (0..<document.blocks.count).map { Int32($0) }
            return text(of: document, blocks: all, title: nil)
        }
    }

    // MARK: - Title

    static func title(of page: PageAnalysis, jsonLD: JSONLDArticle?) -> String? {
        let document = page.document
        let site = document.meta["og:site_name"] ?? jsonLD?.publisher
        if let og = document.meta["og:title"] ?? document.meta["twitter:title"], !og.isEmpty {
            return withoutSiteName(og, site: site, alwaysSplit: false)
        }
        if let headline = jsonLD?.headline { return headline }
        if let h1 = headline(page, site: site) { return h1 }
        if let title = document.title, !title.isEmpty { return withoutSiteName(title, site: site, alwaysSplit: true) }
        return nil
    }

    /// The first `<h1>` that is not page chrome (the page header, a navigation bar), not mostly a
    /// link (a logo), and not the site name.
    private static func headline(_ page: PageAnalysis, site: String?) -> String? {
        let document = page.document
        for (k, block) in document.blocks.enumerated() where block.owner >= 0 && page.pageMask[k] {
            guard document.elements[Int(block.owner)].tag == .h1, Int(block.linkChars) * 2 <= Int(block.chars) else {
                continue
            }
            let s = document.string(of: k)
            if s.isEmpty { continue }
            if let site, s.caseInsensitiveCompare(site) == .orderedSame { continue }
            return s
        }
        return nil
    }

    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • "].map { Array($0.utf8) }

    /// `title` without a site name before or after a separator: the part that is the site name
    /// (`site`) goes; without `site`, with `alwaysSplit`, the longest part stays when the others
    /// are short (at most 40 scalars in all).
    static func withoutSiteName(_ title: String, site: String?, alwaysSplit: Bool) -> String {
        let bytes = Array(title.utf8)
        for separator in separators {
            let parts = split(bytes, separator)
            guard parts.count > 1 else { continue }
            let strings = parts.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            if let site, !site.isEmpty {
                let kept = strings.filter { $0.caseInsensitiveCompare(site) != .orderedSame && !$0.isEmpty }
                if kept.count < strings.count && !kept.isEmpty {
                    return kept.joined(separator: String(decoding: separator, as: UTF8.self))
                }
            }
            guard alwaysSplit, let longest = strings.max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count })
            else { continue }
            let rest = strings.reduce(0) { $0 + $1.unicodeScalars.count } - longest.unicodeScalars.count
            if rest <= 40 && longest.unicodeScalars.count > rest { return longest }
        }
        return title
    }

    /// `bytes` split at every occurrence of `separator`.
    private static func split(_ bytes: [UInt8], _ separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        let m = separator.count
        while i + m <= bytes.count {
            if bytes[i] == separator[0] && bytes[i..<(i + m)].elementsEqual(separator) {
                parts.append(bytes[start..<i])
                i += m
                start = i
            } else {
                i += 1
            }
        }
        parts.append(bytes[start...])
        return parts
    }

    private static func isURL(_ s: String) -> Bool { s.hasPrefix("http://") || s.hasPrefix("https://") }

    // MARK: - Text

    /// The `<tr>` whose cell directly holds `block`, if any.
    private static func row(of block: TextBlock, _ document: HTMLDocument) -> Int32? {
        guard block.owner >= 0 else { return nil }
        let cell = document.elements[Int(block.owner)]
        guard cell.tag == .td || cell.tag == .th, cell.parent >= 0, document.elements[Int(cell.parent)].tag == .tr
        else { return nil }
        return cell.parent
    }

    /// The selected blocks as lines (the cells of a table row on one line, separated by tabs); a
    /// headline block equal to `title` is left out.
    static func text(of document: HTMLDocument, blocks: [Int32], title: String?) -> String {
        let titleBytes = title.map { Array($0.utf8) }
        var out = [UInt8]()
        out.reserveCapacity(
            blocks.reduce(0) { $0 + Int(document.blocks[Int($1)].textEnd - document.blocks[Int($1)].textStart) + 1 })
        var previous: Int32 = -2
        var headlineDropped = false
        for k in blocks {
            let block = document.blocks[Int(k)]
            let bytes = document.bytes(of: Int(k))
            if !headlineDropped, let titleBytes, block.owner >= 0,
                document.elements[Int(block.owner)].tag.traits.contains(.heading), bytes.elementsEqual(titleBytes)
            {
                headlineDropped = true
                previous = -2
                continue
            }
            if !out.isEmpty {
                if block.flags.contains(.continuesLine) && previous == k - 1 {
                    if block.flags.contains(.spaceBefore) { out.append(0x20) }
                } else if previous >= 0, let row = row(of: block, document),
                    row == self.row(of: document.blocks[Int(previous)], document),
                    block.owner != document.blocks[Int(previous)].owner
                {
                    out.append(0x09)  // the next cell of the same table row
                } else {
                    out.append(0x0A)
                }
            }
            out.append(contentsOf: bytes)
            previous = k
        }
        return String(decoding: out, as: UTF8.self)
    }
}
