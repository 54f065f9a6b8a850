import Foundation

/// Parses decoded article text by format: plain text, HTML or a JSON object.
///
/// The format is chosen by content, with the file extension as a hint:
/// - JSON when the text (after leading whitespace) starts with `{` — or is a one-element array
///   holding an object — and parses as JSON (Foundation `JSONSerialization`, in memory). A JSON
///   value of another shape, or invalid JSON, is read as plain text.
/// - HTML when the first 1,024 scalars hold `<html`, `<!doctype html`, `<head`, `<body`, `<title`,
///   `<article`, `<p>`, `<p ` or `<div` (ASCII case-insensitive), or when the extension is
///   `html`/`htm`/`xhtml` and the text starts with `<`.
/// - Plain text otherwise.
///
/// Plain text: the first non-blank line is the title when a blank line follows it and it has at
/// most 400 scalars; `text` is then the body from the next non-blank line on. Otherwise there is no
/// title and `text` is the whole input.
/// JSON: `title`; `body`, else `text` (an HTML body is reduced to its text like an HTML page);
/// `url`, `published` (string or number), `source` (string, or an object's `name`), `lang` or
/// `language`. Strings get the decoder's LF and control-character cleaning.
public enum ArticleParser {
    /// Parses `decoded.text`; `fileExtension` (without the dot, any case) is a hint only.
    public static func parse(_ decoded: DecodedText, fileExtension: String?) -> ParsedArticle {
        let text = decoded.text
        let ext = fileExtension?.lowercased()
        let head = text.unicodeScalars.drop(while: { ScalarClass.isSpace($0.value) })
        if head.first == "{" || head.first == "[" || ext == "json" {
            if let article = parseJSON(text) { return article }
        }
        if looksLikeHTML(head.prefix(1024)) || ((ext == "html" || ext == "htm" || ext == "xhtml") && head.first == "<")
        {
            return HTMLTextExtractor.extract(text)
        }
        return parsePlain(text)
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
        let title = String(String.UnicodeScalarView(s[titleRange]))
        return ParsedArticle(title: title, text: String(String.UnicodeScalarView(s[bodyStart...])), format: .plain)
    }

    static func looksLikeHTML<S: Sequence>(_ head: S) -> Bool where S.Element == Unicode.Scalar {
        let lower = String(String.UnicodeScalarView(head)).lowercased()
        for marker in ["<html", "<!doctype html", "<head", "<body", "<title", "<article", "<p>", "<p ", "<div"]
        where lower.contains(marker) {
            return true
        }
        return false
    }

    static func parseJSON(_ text: String) -> ParsedArticle? {
        guard let data = text.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        let object: [String: Any]
        if let o = value as? [String: Any] {
            object = o
        } else if let a = value as? [Any], a.count == 1, let o = a[0] as? [String: Any] {
            object = o
        } else {
            return nil
        }
        func string(_ key: String) -> String? {
            switch object[key] {
            case let s as String: return clean(s)
            case let n as NSNumber: return n.stringValue
            case let o as [String: Any]: return (o["name"] as? String).map(clean)
            default: return nil
            }
        }
        var body = string("body") ?? string("text") ?? ""
        if looksLikeHTML(body.unicodeScalars.prefix(1024)) || body.contains("</") || body.contains("<br") {
            body = HTMLTextExtractor.extract(body).text
        }
        return ParsedArticle(
            title: string("title").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, text: body,
            format: .json, url: string("url"), published: string("published"), source: string("source"),
            lang: string("lang") ?? string("language"))
    }

    private static func clean(_ s: String) -> String { DecodedTextCleaner.string(fromScalars: s.unicodeScalars) }
}
