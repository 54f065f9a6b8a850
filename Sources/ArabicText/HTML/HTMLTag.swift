// SPDX-License-Identifier: GPL-2.0-or-later

/// An HTML element name known to the main-text extractor, as a small integer, with the facts the
/// tree builder and the content rules need about it (`HTMLTag.Traits`).
///
/// Names are matched ASCII case-insensitively; any other name is ``other`` (custom elements such
/// as `<amp-img>` or `<my-widget>`), whose end tags are matched by a hash of the name. The
/// categories follow the WHATWG HTML standard (void elements, raw text elements, the elements
/// whose start tag closes an open `<p>`), plus the extractor's own: which elements never hold
/// article text (`hardDrop`: their text is never written), which are page chrome unless a rule
/// keeps them (`chrome`), and which start a new line of text (`block`).
struct HTMLTag: RawRepresentable, Hashable, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// What the tree builder and the content rules know about a tag.
    struct Traits: OptionSet, Sendable {
        let rawValue: UInt32
        /// No content and no end tag (`br`, `img`, `meta`...).
        static let void = Traits(rawValue: 1 << 0)
        /// Content is not markup and is skipped up to the matching end tag (`script`, `style`...).
        static let rawText = Traits(rawValue: 1 << 1)
        /// Starts and ends a line of text.
        static let block = Traits(rawValue: 1 << 2)
        /// Its start tag closes an open `<p>` (WHATWG "close a p element").
        static let closesParagraph = Traits(rawValue: 1 << 3)
        /// Never article text: its text is not written (`button`, `select`, `svg`...).
        static let hardDrop = Traits(rawValue: 1 << 4)
        /// Page chrome (`nav`, `aside`, `footer`, `menu`...): left out unless a rule keeps it.
        static let chrome = Traits(rawValue: 1 << 5)
        /// `h1`–`h6`.
        static let heading = Traits(rawValue: 1 << 6)
        /// `li`, `dt`, `dd`.
        static let listItem = Traits(rawValue: 1 << 7)
        /// `td`, `th`.
        static let tableCell = Traits(rawValue: 1 << 8)
        /// A paragraph-like block whose text is prose (`p`, `pre`, `blockquote`, `td`...).
        static let paragraph = Traits(rawValue: 1 << 9)
        /// Ends the search of the open elements for an end tag's element (WHATWG "default scope"
        /// markers: an end tag does not close an element outside a table or cell it is in).
        static let scopeBoundary = Traits(rawValue: 1 << 10)
        /// Ends the search for an open `<p>` (WHATWG "button scope": the default scope and `button`).
        static let buttonScope = Traits(rawValue: 1 << 13)
        /// Foreign content (`svg`, `math`): self-closing tags are honoured and raw-text names are
        /// ordinary elements.
        static let foreign = Traits(rawValue: 1 << 14)
        /// Lists (`ul`, `ol`, `dl`, `menu`).
        static let list = Traits(rawValue: 1 << 11)
        /// A sectioning or generic container that the content rules may choose as the main text.
        static let container = Traits(rawValue: 1 << 12)
    }

    /// The element's traits.
    var traits: Traits { Self.traitTable[Int(rawValue)] }

    /// The lowercase name (`"other"` for unknown names).
    var name: String { Self.names[Int(rawValue)] }

    // The known names, in raw-value order. Keep `traitTable` in step.
    static let names: [String] = [
        "other", "html", "head", "body", "title", "meta", "link", "base", "script", "style",
        "noscript", "template", "textarea", "iframe", "svg", "math", "object", "embed", "canvas", "video",
        "audio", "picture", "source", "track", "map", "area", "img", "br", "hr", "wbr",
        "input", "button", "select", "option", "optgroup", "label", "fieldset", "legend", "form", "datalist",
        "output", "progress", "meter", "dialog", "menu", "menuitem", "nav", "header", "footer", "aside",
        "main", "article", "section", "div", "span", "p", "h1", "h2", "h3", "h4",
        "h5", "h6", "hgroup", "ul", "ol", "li", "dl", "dt", "dd", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "blockquote",
        "q", "pre", "code", "a", "b", "i", "u", "s", "em", "strong",
        "small", "big", "sub", "sup", "time", "address", "figure", "figcaption", "details", "summary",
        "center", "font", "ins", "del", "xmp", "noembed", "noframes", "frameset", "frame", "param",
        "applet", "marquee", "plaintext", "keygen", "noindex", "cite", "abbr", "mark", "tt", "strike",
        "search", "ruby", "rt", "rp", "rtc",
    ]

    static let other = HTMLTag(rawValue: 0)
    static let html = HTMLTag(rawValue: 1)
    static let head = HTMLTag(rawValue: 2)
    static let body = HTMLTag(rawValue: 3)
    static let title = HTMLTag(rawValue: 4)
    static let meta = HTMLTag(rawValue: 5)
    static let link = HTMLTag(rawValue: 6)
    static let base = HTMLTag(rawValue: 7)
    static let script = HTMLTag(rawValue: 8)
    static let noscript = HTMLTag(rawValue: 10)
    static let template = HTMLTag(rawValue: 11)
    static let textarea = HTMLTag(rawValue: 12)
    static let img = HTMLTag(rawValue: 26)
    static let br = HTMLTag(rawValue: 27)
    static let hr = HTMLTag(rawValue: 28)
    static let button = HTMLTag(rawValue: 31)
    static let option = HTMLTag(rawValue: 33)
    static let form = HTMLTag(rawValue: 38)
    static let menu = HTMLTag(rawValue: 44)
    static let nav = HTMLTag(rawValue: 46)
    static let header = HTMLTag(rawValue: 47)
    static let footer = HTMLTag(rawValue: 48)
    static let aside = HTMLTag(rawValue: 49)
    static let main = HTMLTag(rawValue: 50)
    static let article = HTMLTag(rawValue: 51)
    static let section = HTMLTag(rawValue: 52)
    static let div = HTMLTag(rawValue: 53)
    static let span = HTMLTag(rawValue: 54)
    static let p = HTMLTag(rawValue: 55)
    static let h1 = HTMLTag(rawValue: 56)
    static let h2 = HTMLTag(rawValue: 57)
    static let h6 = HTMLTag(rawValue: 61)
    static let ul = HTMLTag(rawValue: 63)
    static let ol = HTMLTag(rawValue: 64)
    static let li = HTMLTag(rawValue: 65)
    static let dl = HTMLTag(rawValue: 66)
    static let dt = HTMLTag(rawValue: 67)
    static let dd = HTMLTag(rawValue: 68)
    static let table = HTMLTag(rawValue: 69)
    static let tr = HTMLTag(rawValue: 73)
    static let td = HTMLTag(rawValue: 74)
    static let th = HTMLTag(rawValue: 75)
    static let caption = HTMLTag(rawValue: 76)
    static let blockquote = HTMLTag(rawValue: 79)
    static let pre = HTMLTag(rawValue: 81)
    static let code = HTMLTag(rawValue: 82)
    static let a = HTMLTag(rawValue: 83)
    static let time = HTMLTag(rawValue: 94)
    static let address = HTMLTag(rawValue: 95)
    static let figure = HTMLTag(rawValue: 96)
    static let figcaption = HTMLTag(rawValue: 97)
    static let ins = HTMLTag(rawValue: 102)
    static let plaintext = HTMLTag(rawValue: 112)

    /// Number of distinct tags (the size of per-tag tables).
    static let count = names.count

    static let traitTable: [Traits] = {
        var t = [Traits](repeating: [], count: names.count)
        func set(_ list: [String], _ traits: Traits) {
            for name in list {
                guard let k = names.firstIndex(of: name) else { preconditionFailure("unknown tag \(name)") }
                t[k].formUnion(traits)
            }
        }
        set(
            [
                "meta", "link", "base", "img", "br", "hr", "wbr", "input", "source", "track", "area", "col", "embed",
                "param", "keygen", "frame",
            ], .void)
        set(
            [
                "script", "style", "noscript", "template", "textarea", "iframe", "xmp", "noembed", "noframes", "title",
                "plaintext",
            ], .rawText)
        set(
            [
                "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div",
                "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
                "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "br", "caption", "legend", "option", "search",
                "frameset", "noindex", "marquee",
            ], .block)
        set(
            [
                "address", "article", "aside", "blockquote", "center", "details", "dialog", "div", "dl", "fieldset",
                "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
                "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt",
                "plaintext", "xmp", "search",
            ], .closesParagraph)
        set(
            [
                "head", "svg", "math", "object", "embed", "canvas", "video", "audio", "picture", "map", "button",
                "select", "option", "optgroup", "datalist", "output", "progress", "meter", "applet", "frameset",
                "label", "legend", "input", "textarea", "keygen", "menuitem", "template", "noscript", "iframe", "rt",
                "rp", "rtc",
            ], .hardDrop)
        set(["nav", "aside", "footer", "menu", "dialog", "fieldset", "figure", "figcaption", "search"], .chrome)
        set(["h1", "h2", "h3", "h4", "h5", "h6"], .heading)
        set(["li", "dt", "dd"], .listItem)
        set(["td", "th"], .tableCell)
        set(["p", "pre", "blockquote", "td", "th", "dd", "li", "address", "center"], .paragraph)
        set(["html", "table", "td", "th", "caption", "object", "applet", "marquee", "template"], .scopeBoundary)
        set(
            ["html", "table", "td", "th", "caption", "object", "applet", "marquee", "template", "button"],
            .buttonScope)
        set(["svg", "math"], .foreign)
        set(["ul", "ol", "dl", "menu"], .list)
        set(
            [
                "article", "main", "section", "div", "body", "form", "td", "header", "center", "blockquote", "span",
                "font", "other",
            ], .container)
        return t
    }()

    /// The tag named by `bytes[start..<end]` (ASCII case-insensitive), else ``other``.
    @inline(__always)
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTMLTag {
        lookup(bytes, start, end, in: lookupTable)
    }

    /// ``lookup(_:_:_:)`` with the table passed in (hot loops keep it in a local).
    @inline(__always)
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, in lookupTable: [Entry])
        -> HTMLTag
    {
        let length = end - start
        guard length >= 1 && length <= 10 else { return .other }
        var key: UInt64 = UInt64(length) << 56
        for k in 0..<min(length, 7) { key |= UInt64(bytes[start + k] | 0x20) << (8 * UInt64(k)) }
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55) & (tableSize - 1)
        while true {
            let entry = lookupTable[slot]
            if entry.key == 0 { return .other }
            if entry.key == key {
                if length <= 7 { return entry.tag }
                // Longer names: compare the rest.
                let name = entry.nameBytes
                var k = 7
                while k < length {
                    if bytes[start + k] | 0x20 != name[k] { return .other }
                    k += 1
                }
                return entry.tag
            }
            slot = (slot + 1) & (tableSize - 1)
        }
    }

    private static let tableSize = 512

    struct Entry {
        var key: UInt64
        var tag: HTMLTag
        var nameBytes: [UInt8]
    }

    static let lookupTable: [Entry] = {
        var table = [Entry](repeating: Entry(key: 0, tag: .other, nameBytes: []), count: tableSize)
        for (k, name) in names.enumerated() where k > 0 {
            let bytes = Array(name.utf8)
            var key: UInt64 = UInt64(bytes.count) << 56
            for j in 0..<min(bytes.count, 7) { key |= UInt64(bytes[j] | 0x20) << (8 * UInt64(j)) }
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55) & (tableSize - 1)
            while table[slot].key != 0 { slot = (slot + 1) & (tableSize - 1) }
            table[slot] = Entry(key: key, tag: HTMLTag(rawValue: UInt8(k)), nameBytes: bytes)
        }
        return table
    }()
}
