// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Reads an article from a JSON input: our own keys and schema.org's `NewsArticle` keys.
///
/// Keys, first present wins (strings get the decoder's LF and control-character cleaning; an object
/// stands for its `name`, an array of names is joined with ", "):
/// - title: `title`, `headline`, `name`
/// - text: `body`, `text`, `articleBody`, `content` (an HTML body is reduced to its text like a page)
/// - url: `url`, `mainEntityOfPage` (a string or an object's `@id`)
/// - published: `published`, `datePublished`, `dateCreated`
/// - source: `source`, `publisher`
/// - author: `author`, `creator`
/// - lang: `lang`, `language`, `inLanguage`
///
/// A JSON-LD document whose `@graph` holds an object typed `*Article` is read from that object.
/// Parsing is Foundation's `JSONSerialization`, in memory.
///
/// Source of the key names: schema.org `NewsArticle` (https://schema.org/NewsArticle).
public enum JSONArticleParser {
    /// The article in `text`; `nil` when `text` is not JSON at all (it is then read as another format).
    ///
    /// - Throws: ``ArticleParseError`` with code `container` for a JSON array of several objects or
    ///   JSON Lines (several articles), and `no-text` for JSON of another shape (a number, a string,
    ///   an empty array).
    public static func parse(_ text: String) throws(ArticleParseError) -> ParsedArticle? {
        let data = Data(text.utf8)
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            if let lines = jsonLines(text) {
                throw ArticleParseError(code: .container, detail: "JSON Lines with \(lines) or more objects")
            }
            return nil
        }
        let object: [String: Any]
        switch value {
        case let single as [String: Any]:
            object = article(in: single)
        case let array as [Any]:
            guard array.count == 1, let single = array[0] as? [String: Any] else {
                let objects = array.count(where: { $0 is [String: Any] })
                if objects > 1 {
                    throw ArticleParseError(code: .container, detail: "JSON array of \(objects) objects")
                }
                throw ArticleParseError(code: .noText, detail: "JSON array of \(array.count) values, no article")
            }
            object = article(in: single)
        default:
            throw ArticleParseError(code: .noText, detail: "JSON value that is not an object")
        }
        return read(object)
    }

    private static func read(_ object: [String: Any]) -> ParsedArticle {
        func first(_ keys: String...) -> String? {
            for key in keys {
                if let value = string(object[key]), !value.isEmpty { return value }
            }
            return nil
        }
        var body = first("body", "text", "articleBody", "content") ?? ""
        if ArticleParser.looksLikeHTML(body[...]) || ArticleParser.containsASCII(body, "</")
            || ArticleParser.containsASCII(body, "<br")
        {
            body = HTMLArticleExtractor.fragmentText(body)
        }
        let page = object["mainEntityOfPage"]
        let url = first("url") ?? (page as? String).map(clean) ?? ((page as? [String: Any])?["@id"] as? String)
        return ParsedArticle(
            title: first("title", "headline", "name").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
            text: body, format: .json, url: url, published: first("published", "datePublished", "dateCreated"),
            source: first("source", "publisher"), lang: first("lang", "language", "inLanguage"),
            author: first("author", "creator"))
    }

    /// The object a JSON-LD `@graph` holds with an `@type` ending in `Article`, else `object`.
    private static func article(in object: [String: Any]) -> [String: Any] {
        guard let graph = object["@graph"] as? [Any] else { return object }
        for case let node as [String: Any] in graph {
            let types = (node["@type"] as? String).map { [$0] } ?? (node["@type"] as? [String]) ?? []
            if types.contains(where: { $0.hasSuffix("Article") }) { return node }
        }
        return object
    }

    /// A string, a number, an object's `name`, or an array of those joined with ", ".
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return clean(s)
        case let n as NSNumber: return n.stringValue
        case let o as [String: Any]: return (o["name"] as? String).map(clean)
        case let a as [Any]:
            let names = a.compactMap { string($0) }.filter { !$0.isEmpty }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        default: return nil
        }
    }

    /// How many of the first non-blank lines (at least two) are JSON objects of their own, when
    /// there are at least two: JSON Lines. `nil` otherwise.
    static func jsonLines(_ text: String) -> Int? {
        var objects = 0
        for line in text.split(whereSeparator: \.isNewline).prefix(3) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("{"),
                (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) is [String: Any]
            else { return nil }
            objects += 1
        }
        return objects >= 2 ? objects : nil
    }

    private static func clean(_ s: String) -> String { DecodedTextCleaner.string(fromScalars: s.unicodeScalars) }
}
