/// Extracts the title, main text and metadata from an HTML page with a tolerant hand-written
/// tokenizer (no regular expressions, no DOM; malformed markup never throws).
///
/// - Comments, `<!DOCTYPE>`, `<?...?>` and CDATA are skipped.
/// - `script`, `style`, `template`, `noscript`, `textarea` and `svg` are raw-text elements: their
///   content is skipped up to the matching end tag.
/// - The subtrees of `nav`, `header`, `footer`, `aside`, `form`, `button`, `select`, `menu` and
///   `dialog` are dropped (navigation and page chrome). If such an element is never closed and
///   nothing else would remain, the page is read again without dropping.
/// - Block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `tr`, `td`, `blockquote`, ...) end a
///   paragraph; whitespace inside a paragraph collapses to one space; each paragraph becomes one
///   line of `text`. When the page has an `<article>` (else `<main>`) element with text, only the
///   paragraphs inside the first one are kept.
/// - Character references: decimal and hexadecimal, and the named ones common in news pages
///   (`&amp; &lt; &gt; &quot; &apos; &nbsp; &laquo; &raquo; &ldquo; &rdquo; &lsquo; &rsquo;
///   &hellip; &mdash; &ndash; &zwnj; &zwj; &lrm; &rlm; &copy;`); others are kept as written.
///   References to controls, surrogates or U+FFFD are dropped.
/// - Title: `og:title`, else the first `<h1>`, else `<title>`; a first paragraph equal to the title
///   is not repeated in `text`. Metadata: canonical link or `og:url`, `article:published_time` or
///   the first `<time datetime>`, `og:site_name`, `<html lang>`.
enum HTMLTextExtractor {
    static func extract(_ html: String) -> ParsedArticle {
        let s = Array(html.unicodeScalars)
        var result = run(s, dropChrome: true)
        if result.text.isEmpty { result = run(s, dropChrome: false) }
        return result
    }

    private static let rawTextElements: Set<String> = ["script", "style", "template", "noscript", "textarea", "svg"]
    private static let chromeElements: Set<String> = [
        "nav", "header", "footer", "aside", "form", "button", "select", "menu", "dialog",
    ]
    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "blockquote", "section", "article", "main", "pre", "hr", "dd", "dt", "dl", "figcaption", "figure",
        "address", "body", "caption", "center", "details", "summary",
    ]

    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var attributes: [String: String]
        var end: Int  // offset just after '>'
    }

    private static func run(_ s: [Unicode.Scalar], dropChrome: Bool) -> ParsedArticle {
        var blocks = [(text: String, region: Int)]()  // region: 0 = outside, 1 = article, 2 = main
        var current = String.UnicodeScalarView()
        var chromeStack = [String]()
        var region = 0
        var regionElement: String?
        var regionDepth = 0
        var title: String?
        var ogTitle: String?
        var h1: String?
        var inH1 = false
        var h1Text = String.UnicodeScalarView()
        var url: String?
        var published: String?
        var source: String?
        var lang: String?

        func flush() {
            let text = collapse(current)
            current.removeAll()
            if !text.isEmpty { blocks.append((text, region)) }
        }

        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            if c != "<" {
                if !chromeStack.isEmpty {
                    i += 1
                    continue
                }
                var decoded: [Unicode.Scalar] = [c]
                if c == "&" {
                    let (scalars, next) = characterReference(s, at: i)
                    decoded = scalars
                    i = next
                } else {
                    i += 1
                }
                current.append(contentsOf: decoded)
                if inH1 { h1Text.append(contentsOf: decoded) }
                continue
            }
            if starts(s, i, "<!--") {
                i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? n
                continue
            }
            if i + 1 < n && (s[i + 1] == "!" || s[i + 1] == "?") {
                i = find(s, from: i + 2, ">").map { $0 + 1 } ?? n
                continue
            }
            guard let tag = parseTag(s, at: i) else {
                if chromeStack.isEmpty { current.append(c) }
                i += 1
                continue
            }
            i = tag.end
            let name = tag.name
            if !tag.closing && rawTextElements.contains(name) && !tag.selfClosing {
                i = skipRawText(s, from: i, name)
                continue
            }
            if name == "title" && !tag.closing {
                let end = find(s, from: i, "</", caseInsensitiveName: "title") ?? n
                if title == nil { title = collapse(decodeReferences(s, i, end)) }
                i = find(s, from: end, ">").map { $0 + 1 } ?? n
                continue
            }
            switch name {
            case "meta":
                let key = (tag.attributes["property"] ?? tag.attributes["name"] ?? "").lowercased()
                let content = tag.attributes["content"].map {
                    collapse(decodeReferences(Array($0.unicodeScalars), 0, $0.unicodeScalars.count))
                }
                switch key {
                case "og:title": ogTitle = ogTitle ?? content
                case "og:url": url = url ?? content
                case "og:site_name": source = source ?? content
                case "article:published_time", "datepublished", "pubdate": published = published ?? content
                default: break
                }
            case "link":
                if tag.attributes["rel"]?.lowercased() == "canonical", let href = tag.attributes["href"] { url = href }
            case "html":
                if !tag.closing, let l = tag.attributes["lang"], !l.isEmpty { lang = l }
            case "time":
                if !tag.closing, published == nil, let d = tag.attributes["datetime"], !d.isEmpty { published = d }
            default:
                break
            }
            if dropChrome && chromeElements.contains(name) {
                if tag.closing {
                    if let k = chromeStack.lastIndex(of: name) { chromeStack.removeSubrange(k...) }
                } else if !tag.selfClosing {
                    if chromeStack.isEmpty { flush() }
                    chromeStack.append(name)
                }
                continue
            }
            if !chromeStack.isEmpty { continue }
            if blockElements.contains(name) { flush() }
            if name == "article" || name == "main" {
                if !tag.closing {
                    if regionElement == nil && !blocks.contains(where: { $0.region == (name == "article" ? 1 : 2) }) {
                        regionElement = name
                        region = name == "article" ? 1 : 2
                        regionDepth = 1
                    } else if regionElement == name {
                        regionDepth += 1
                    }
                } else if regionElement == name {
                    regionDepth -= 1
                    if regionDepth == 0 {
                        regionElement = nil
                        region = 0
                    }
                }
            }
            if name == "h1" {
                if !tag.closing && h1 == nil {
                    inH1 = true
                    h1Text.removeAll()
                } else if tag.closing && inH1 {
                    inH1 = false
                    let t = collapse(h1Text)
                    if !t.isEmpty { h1 = t }
                }
            }
        }
        flush()

        var kept = blocks
        if kept.contains(where: { $0.region == 1 }) {
            kept = kept.filter { $0.region == 1 }
        } else if kept.contains(where: { $0.region == 2 }) {
            kept = kept.filter { $0.region == 2 }
        }
        let finalTitle = [ogTitle, h1, title].compactMap { $0 }.first { !$0.isEmpty }
        var lines = kept.map(\.text)
        if let finalTitle, lines.first == finalTitle { lines.removeFirst() }
        let text = DecodedTextCleaner.string(fromScalars: lines.joined(separator: "\n").unicodeScalars)
        return ParsedArticle(
            title: finalTitle, text: text, format: .html, url: url, published: published, source: source, lang: lang)
    }

    /// Collapses whitespace runs to one space and trims; drops control characters.
    private static func collapse<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in scalars {
            let v = c.value
            if ScalarClass.isSpace(v) && v != 0x200C && v != 0x200D {
                pendingSpace = !out.isEmpty
                continue
            }
            if v < 0x20 || (v >= 0x7F && v <= 0x9F) { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(c)
        }
        return String(out)
    }

    private static func decodeReferences(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> [Unicode.Scalar] {
        var out = [Unicode.Scalar]()
        var i = start
        while i < end {
            if s[i] == "&" {
                let (scalars, next) = characterReference(s, at: i, limit: end)
                out.append(contentsOf: scalars)
                i = next
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    private static let namedReferences: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "laquo": "«", "raquo": "»",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "hellip": "…", "mdash": "—", "ndash": "–",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "copy": "©",
    ]

    /// The scalars a character reference at `i` stands for, and the offset after it. An
    /// unrecognised reference is returned as the literal `&`.
    private static func characterReference(_ s: [Unicode.Scalar], at i: Int, limit: Int? = nil)
        -> ([Unicode.Scalar], Int)
    {
        let end = min(limit ?? s.count, i + 12)
        var j = i + 1
        while j < end && s[j] != ";"
            && (s[j].properties.isAlphabetic || ScalarClass.isASCIIAlphanumeric(s[j].value) || s[j] == "#")
        {
            j += 1
        }
        guard j < end, s[j] == ";", j > i + 1 else { return (["&"], i + 1) }
        let body = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return (["&"], i + 1) }
            if let scalar = Unicode.Scalar(value), value >= 0x20, !(0x7F...0x9F).contains(value), value != 0xFFFD {
                return ([scalar], j + 1)
            }
            return ([], j + 1)
        }
        if let scalar = namedReferences[body.lowercased()] { return ([scalar], j + 1) }
        return (["&"], i + 1)
    }

    private static func parseTag(_ s: [Unicode.Scalar], at start: Int) -> Tag? {
        let n = s.count
        var i = start + 1
        var closing = false
        if i < n && s[i] == "/" {
            closing = true
            i += 1
        }
        let nameStart = i
        while i < n && (ScalarClass.isASCIIAlphanumeric(s[i].value) || s[i] == "-" || s[i] == ":") { i += 1 }
        guard i > nameStart, (s[nameStart].value | 0x20) >= 0x61, (s[nameStart].value | 0x20) <= 0x7A else {
            return nil
        }
        let name = String(String.UnicodeScalarView(s[nameStart..<i])).lowercased()
        var attributes = [String: String]()
        var selfClosing = false
        while i < n {
            while i < n && ScalarClass.isSpace(s[i].value) { i += 1 }
            guard i < n else { break }
            if s[i] == ">" {
                return Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: i + 1)
            }
            if s[i] == "/" {
                selfClosing = true
                i += 1
                continue
            }
            let keyStart = i
            while i < n && !ScalarClass.isSpace(s[i].value) && s[i] != "=" && s[i] != ">" && s[i] != "/" { i += 1 }
            let key = String(String.UnicodeScalarView(s[keyStart..<i])).lowercased()
            while i < n && ScalarClass.isSpace(s[i].value) { i += 1 }
            var value = ""
            if i < n && s[i] == "=" {
                i += 1
                while i < n && ScalarClass.isSpace(s[i].value) { i += 1 }
                if i < n && (s[i] == "\"" || s[i] == "'") {
                    let quote = s[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < n && s[i] != quote { i += 1 }
                    value = String(String.UnicodeScalarView(s[valueStart..<min(i, n)]))
                    i += 1
                } else {
                    let valueStart = i
                    while i < n && !ScalarClass.isSpace(s[i].value) && s[i] != ">" { i += 1 }
                    value = String(String.UnicodeScalarView(s[valueStart..<i]))
                }
            }
            if !key.isEmpty && attributes[key] == nil { attributes[key] = value }
            if i == keyStart { i += 1 }
        }
        return Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: n)
    }

    private static func skipRawText(_ s: [Unicode.Scalar], from i: Int, _ name: String) -> Int {
        guard let end = find(s, from: i, "</", caseInsensitiveName: name) else { return s.count }
        return find(s, from: end, ">").map { $0 + 1 } ?? s.count
    }

    private static func starts(_ s: [Unicode.Scalar], _ i: Int, _ prefix: String) -> Bool {
        var k = i
        for c in prefix.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    /// Offset of the next `needle` at or after `from`; with `caseInsensitiveName`, `needle` must be
    /// followed by that element name (ASCII case-insensitive) and a non-name character.
    private static func find(_ s: [Unicode.Scalar], from: Int, _ needle: String, caseInsensitiveName: String? = nil)
        -> Int?
    {
        let nameScalars = caseInsensitiveName.map { Array($0.unicodeScalars) } ?? []
        let first = needle.unicodeScalars.first!
        var i = from
        while i < s.count {
            if s[i] == first && starts(s, i, needle) {
                var k = i + needle.unicodeScalars.count
                var ok = true
                for c in nameScalars {
                    guard k < s.count, (s[k].value | 0x20) == c.value else {
                        ok = false
                        break
                    }
                    k += 1
                }
                if ok && !nameScalars.isEmpty && k < s.count && ScalarClass.isASCIIAlphanumeric(s[k].value) {
                    ok = false
                }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }
}
