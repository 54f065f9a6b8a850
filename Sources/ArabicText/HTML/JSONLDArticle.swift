// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// The schema.org article facts of a page's JSON-LD scripts: `headline`, `datePublished`,
/// `author`, `publisher`, `url`, `inLanguage`.
///
/// Objects are looked for at the top level, in arrays and in `@graph`; the first object whose
/// `@type` is an article type (`NewsArticle`, `Article`, `BlogPosting`, `ReportageNewsArticle`...
/// any type ending in `Article` or `Posting`) wins, and `WebPage` fills what is missing. A script
/// that is not valid JSON is ignored (parsed by Foundation's `JSONSerialization`, in memory).
struct JSONLDArticle: Sendable, Equatable {
    var headline: String?
    var datePublished: String?
    var author: String?
    var publisher: String?
    var url: String?
    var inLanguage: String?

    /// The facts of `scripts` (the contents of `<script type="application/ld+json">`).
    static func read(_ scripts: [String]) -> JSONLDArticle? {
        var article: JSONLDArticle?
        var page: JSONLDArticle?
        for script in scripts where mentionsArticle(script) {
            guard let data = script.data(using: .utf8),
                let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            for object in objects(in: value, depth: 0) {
                let types = typeNames(object["@type"])
                if article == nil && types.contains(where: isArticleType) {
                    article = facts(of: object)
                } else if page == nil && types.contains(where: { $0.hasSuffix("WebPage") }) {
                    page = facts(of: object)
                }
            }
            if article != nil { break }
        }
        guard var result = article ?? page else { return nil }
        if let page, article != nil {
            result.headline = result.headline ?? page.headline
            result.datePublished = result.datePublished ?? page.datePublished
            result.url = result.url ?? page.url
        }
        return result
    }

    /// True when `script` names an article or page type (a byte scan, before any JSON parse:
    /// most JSON-LD scripts describe the site, its search box or its breadcrumbs).
    private static func mentionsArticle(_ script: String) -> Bool {
        var script = script
        return script.withUTF8 { b in
            let needles: [[UInt8]] = ["Article\"", "Posting\"", "WebPage\"", "Report\"", "Review\""].map {
                Array($0.utf8)
            }
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "A") || c == UInt8(ascii: "P") || c == UInt8(ascii: "W") || c == UInt8(ascii: "R")
                {
                    for needle in needles where needle[0] == c && i + needle.count <= b.count {
                        var k = 1
                        while k < needle.count && b[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    private static func isArticleType(_ type: String) -> Bool {
        type.hasSuffix("Article") || type.hasSuffix("Posting") || type == "Report" || type == "Review"
    }

    private static func objects(in value: Any, depth: Int) -> [[String: Any]] {
        guard depth < 4 else { return [] }
        if let array = value as? [Any] { return array.flatMap { objects(in: $0, depth: depth + 1) } }
        guard let object = value as? [String: Any] else { return [] }
        var result = [object]
        if let graph = object["@graph"] { result += objects(in: graph, depth: depth + 1) }
        if let main = object["mainEntity"] as? [String: Any] { result += objects(in: main, depth: depth + 1) }
        return result
    }

    private static func typeNames(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        if let a = value as? [Any] { return a.compactMap { $0 as? String } }
        return []
    }

    private static func facts(of object: [String: Any]) -> JSONLDArticle {
        JSONLDArticle(
            headline: text(object["headline"]) ?? text(object["name"]),
            datePublished: text(object["datePublished"]) ?? text(object["dateCreated"]),
            author: names(object["author"]) ?? names(object["creator"]),
            publisher: names(object["publisher"]),
            url: text(object["url"]) ?? text((object["mainEntityOfPage"] as? [String: Any])?["@id"])
                ?? text(object["mainEntityOfPage"]),
            inLanguage: text(object["inLanguage"]))
    }

    /// A non-empty string value of at most 1,000 scalars, trimmed.
    private static func text(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        let t = String(scalars[first...last])
        return t.unicodeScalars.count <= 1000 ? t : nil
    }

    /// A person or organisation: a string, an object's `name`, or several joined with ", ".
    private static func names(_ value: Any?) -> String? {
        if let s = text(value) { return s }
        if let o = value as? [String: Any] { return text(o["name"]) }
        if let a = value as? [Any] {
            let list = a.compactMap { names($0) }
            return list.isEmpty ? nil : list.joined(separator: ", ")
        }
        return nil
    }
}
