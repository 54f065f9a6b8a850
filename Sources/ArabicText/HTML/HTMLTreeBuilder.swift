// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc

/// Reads an HTML page's UTF-8 bytes into an ``HTMLDocument`` in one linear pass: a tolerant
/// tokenizer (no regular expressions; malformed markup never throws) and a simplified WHATWG tree
/// construction, writing the visible text into ``TextBlock``s as it goes.
///
/// Tokens: comments, `<!DOCTYPE>`, `<?...?>` and CDATA are skipped; raw-text elements (`script`,
/// `style`, `title`, `textarea`, `noscript`, `template`, `iframe`...) are skipped up to their end
/// tag (`<title>` and JSON-LD scripts are kept for the metadata); attribute values may be quoted
/// or not; a `<` that does not start a tag is text.
///
/// Tree: end tags close the nearest open element of the same name; the implied end tags of the
/// standard are applied for `p`, `li`, `dt`/`dd`, `tr`, `td`/`th`, `a`, `option` and headings; an
/// end tag that would cross a table or cell boundary, or that matches nothing within 128 open
/// elements, is ignored; `</body>` and `</html>` are ignored (pages put text after them). Every
/// search of the open-element stack is bounded, so the whole pass is linear in the input.
///
/// Text: character references decoded (``HTMLCharacterReferences``); runs of whitespace (ASCII,
/// NBSP and the other Unicode space separators) collapse to one space; controls are dropped; text
/// inside `hardDrop` elements or hidden ones (`hidden`, `aria-hidden="true"`, `display:none`) is
/// not written. Block-level elements and `<br>` end a block; an inline element with a boilerplate
/// cue gets blocks of its own (marked to rejoin its line when kept).
struct HTMLTreeBuilder: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var meter: HTMLWorkMeter
    private var document = HTMLDocument()
    private let cueMatcher = AttributeCueMatcher.shared
    // Static tables kept here: a static `let` is checked for initialisation at every access.
    private let traitTable = HTMLTag.traitTable
    private let tagTable = HTMLTag.lookupTable
    private let boilerplateCues = AttributeCues.boilerplate

    // Text output: at most one byte per input byte (references and whitespace only shrink).
    private var out: UnsafeMutableBufferPointer<UInt8>
    private var outCount = 0

    // Open elements.
    private var stack: [Int32] = []
    private var stackHash: [UInt32] = []  // name hash of `other` elements, 0 for known tags
    private var ownerStack: [Int32] = []  // nearest block-level element at each depth (one entry per open element)
    private var openCount = [Int32](repeating: 0, count: HTMLTag.count)
    private var dropDepth = 0
    private var linkStarts: [Int] = []  // totalChars when each open <a> started
    private var headOpen = false
    private var foreignDepth = 0

    // The block being written.
    private var blockOpen = false
    private var block = TextBlock(
        owner: -1, innermost: -1, textStart: 0, textEnd: 0, chars: 0, linkChars: 0, links: 0, shortLinks: 0,
        commas: 0, sentenceEnds: 0, flags: [])
    private var pendingSpace = false
    private var spaceSinceBlock = false
    private var nextContinuesLine = false
    private var afterBreak = false  // the last tag was a <br>
    private var totalChars = 0

    /// Builds the document of `bytes` (UTF-8), charging its work to `meter`.
    /// - Throws: ``HTMLParseError`` when the page exceeds the meter's limits.
    static func build(_ bytes: UnsafeBufferPointer<UInt8>, meter: inout HTMLWorkMeter) throws(HTMLParseError)
        -> HTMLDocument
    {
        var builder = HTMLTreeBuilder(bytes: bytes, meter: meter)
        let document = try builder.run()
        meter = builder.meter
        return document
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, meter: HTMLWorkMeter) {
        self.bytes = bytes
        self.meter = meter
        out = .allocate(capacity: max(bytes.count, 16))
        document.elements.reserveCapacity(bytes.count / 64)
        document.blocks.reserveCapacity(bytes.count / 256)
    }

    deinit { out.deallocate() }

    private mutating func run() throws(HTMLParseError) -> HTMLDocument {
        let n = bytes.count
        var i = 0
        while i < n {
            let lt = find(UInt8(ascii: "<"), from: i)
            if lt > i { try text(i, lt) }
            if lt >= n { break }
            i = try markup(at: lt)
        }
        while !stack.isEmpty { pop() }
        endBlock()
        try meter.checkNow()
        document.text = Array(UnsafeBufferPointer(rebasing: out[0..<outCount]))
        document.work = meter.used
        return document
    }

    // MARK: - Tokens

    /// The offset of the next `byte` at or after `from`, or the input's end.
    @inline(__always)
    private func find(_ byte: UInt8, from: Int) -> Int {
        let n = bytes.count
        guard from < n, let base = bytes.baseAddress else { return n }
        guard let p = memchr(base + from, Int32(byte), n - from) else { return n }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the next `needle` (ASCII) at or after `from`, or `nil`.
    private func find(_ needle: StaticString, from: Int) -> Int? {
        let n = bytes.count
        let m = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        var i = from
        while i + m <= n {
            let at = find(p[0], from: i)
            guard at + m <= n else { return nil }
            var k = 1
            while k < m && bytes[at + k] == p[k] { k += 1 }
            if k == m { return at }
            i = at + 1
        }
        return nil
    }

    /// Reads the markup at `lt` (a `<`) and returns the offset after it.
    private mutating func markup(at lt: Int) throws(HTMLParseError) -> Int {
        let n = bytes.count
        guard lt + 1 < n else {
            try text(lt, n)
            return n
        }
        let c = bytes[lt + 1]
        if isASCIILetter(c) { return try startTag(at: lt) }
        if c == UInt8(ascii: "/") {
            if lt + 2 < n && isASCIILetter(bytes[lt + 2]) { return try endTag(at: lt) }
            // `</` not followed by a letter: a bogus comment up to `>`.
            let gt = find(UInt8(ascii: ">"), from: lt + 2)
            try meter.charge(gt - lt)
            return min(gt + 1, n)
        }
        if c == UInt8(ascii: "!") {
            if lt + 3 < n && bytes[lt + 2] == UInt8(ascii: "-") && bytes[lt + 3] == UInt8(ascii: "-") {
                let end = find("-->", from: lt + 4).map { $0 + 3 } ?? n
                try meter.charge(end - lt)
                return end
            }
            if let cdata = find("<![CDATA[", from: lt), cdata == lt {
                let end = find("]]>", from: lt + 9).map { $0 + 3 } ?? n
                try meter.charge(end - lt)
                return end
            }
            let gt = find(UInt8(ascii: ">"), from: lt + 2)
            try meter.charge(gt - lt)
            return min(gt + 1, n)
        }
        if c == UInt8(ascii: "?") {
            let gt = find(UInt8(ascii: ">"), from: lt + 2)
            try meter.charge(gt - lt)
            return min(gt + 1, n)
        }
        // A `<` that starts no markup is text.
        try text(lt, lt + 1)
        return lt + 1
    }

    /// The attributes of one start tag that the extractor reads, as byte ranges.
    private struct Attributes {
        var classValue: Range<Int>?
        var idValue: Range<Int>?
        var hidden = false
        var articleBody = false
        var roleCues: AttributeCues = []
        var layoutTable = false
        var href = false
        var property: Range<Int>?
        var name: Range<Int>?
        var itemprop: Range<Int>?
        var content: Range<Int>?
        var rel: Range<Int>?
        var hrefValue: Range<Int>?
        var lang: Range<Int>?
        var datetime: Range<Int>?
        var type: Range<Int>?
    }

    private mutating func startTag(at lt: Int) throws(HTMLParseError) -> Int {
        let n = bytes.count
        var i = lt + 1
        let nameStart = i
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || isSpace(c) { break }
            i += 1
        }
        let tag = HTMLTag.lookup(bytes, nameStart, i, in: tagTable)
        let hash = tag == .other ? nameHash(nameStart, i) : 0
        var attributes = Attributes()
        var selfClosing = false
        // Attributes.
        while true {
            while i < n && (isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/")) {
                selfClosing = bytes[i] == UInt8(ascii: "/")
                i += 1
            }
            if i >= n { break }
            if bytes[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            selfClosing = false
            let keyStart = i
            while i < n {
                let c = bytes[i]
                if c == UInt8(ascii: "=") || c == UInt8(ascii: ">") || isSpace(c)
                    || (c == UInt8(ascii: "/") && i > keyStart)
                {
                    break
                }
                i += 1
            }
            let keyEnd = i
            while i < n && isSpace(bytes[i]) { i += 1 }
            var value = i..<i
            if i < n && bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < n && isSpace(bytes[i]) { i += 1 }
                if i < n && (bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'")) {
                    let close = find(bytes[i], from: i + 1)
                    value = (i + 1)..<close
                    i = min(close + 1, n)
                } else {
                    let valueStart = i
                    while i < n && !isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = valueStart..<i
                }
            }
            if keyEnd > keyStart { attribute(keyStart, keyEnd, value, tag: tag, into: &attributes) }
        }
        try meter.charge(i - lt + 8)
        let tagEnd = i
        let traits = traitsOf(tag)
        if tag != .br { afterBreak = false }
        if foreignDepth > 0 {
            // Inside svg/math: `<x/>` is empty and `title`, `style`... are ordinary elements.
            if selfClosing || traits.contains(.void) { return tagEnd }
            if tag == .script {
                let end = rawTextEnd(from: tagEnd, name: "script")
                try meter.charge(end.next - tagEnd)
                return end.next
            }
            try push(tag, hash: hash, attributes)
            return tagEnd
        }
        // Elements of the head, and raw text.
        switch tag {
        case .meta:
            meta(attributes)
            return tagEnd
        case .link:
            if let rel = attributes.rel, let href = attributes.hrefValue, document.canonicalURL == nil,
                equalsLowercase(rel, "canonical")
            {
                document.canonicalURL = string(href, decode: true)
            }
            return tagEnd
        case .title:
            let end = rawTextEnd(from: tagEnd, name: "title")
            if document.title == nil && (headOpen || dropDepth == 0) {
                document.title = collapsed(tagEnd, end.contentEnd)
            }
            try meter.charge(end.next - tagEnd)
            return end.next
        case .script:
            let end = rawTextEnd(from: tagEnd, name: "script")
            if let type = attributes.type, equalsLowercase(type, "application/ld+json") {
                document.jsonLD.append(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[tagEnd..<end.contentEnd]), as: UTF8.self))
            }
            try meter.charge(end.next - tagEnd)
            return end.next
        case .html:
            if let lang = attributes.lang, document.lang == nil, !lang.isEmpty {
                document.lang = string(lang, decode: true)
            }
        case .time:
            if document.firstTimeDatetime == nil, let datetime = attributes.datetime, !datetime.isEmpty {
                document.firstTimeDatetime = string(datetime, decode: true)
            }
        default:
            break
        }
        if traits.contains(.rawText) {
            if tag == .plaintext { return n }
            let end = rawTextEnd(from: tagEnd, name: tag.name)
            try meter.charge(end.next - tagEnd)
            return end.next
        }
        if headOpen && tag != .head && tag != .base {
            // Body content closes an unclosed <head>.
            if let k = stack.lastIndex(where: { document.elements[Int($0)].tag == .head }) { pop(to: k) }
            headOpen = false
        }
        if traits.contains(.void) {
            if tag == .br {
                endBlock(atBreak: true)
            } else if tag == .hr {
                endBlock()
            }
            return tagEnd
        }
        if selfClosing && tag == .other { return tagEnd }  // <foo/>: nothing to hold
        impliedEndTags(before: tag)
        try push(tag, hash: hash, attributes)
        if tag == .head { headOpen = true }
        return tagEnd
    }

    private mutating func endTag(at lt: Int) throws(HTMLParseError) -> Int {
        afterBreak = false
        let n = bytes.count
        var i = lt + 2
        let nameStart = i
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || isSpace(c) { break }
            i += 1
        }
        let nameEnd = i
        let gt = find(UInt8(ascii: ">"), from: i)
        try meter.charge(gt - lt + 4)
        let next = min(gt + 1, n)
        let tag = HTMLTag.lookup(bytes, nameStart, nameEnd, in: tagTable)
        switch tag {
        case .body, .html:
            return next
        case .br:
            endBlock(atBreak: true)
            return next
        case .p where openCount[Int(HTMLTag.p.rawValue)] == 0:
            endBlock()
            return next
        case .head:
            headOpen = false
        default:
            break
        }
        if traitsOf(tag).contains(.void) { return next }
        let hash = tag == .other ? nameHash(nameStart, nameEnd) : 0
        if tag != .other && openCount[Int(tag.rawValue)] == 0 { return next }
        let isBlock = traitsOf(tag).contains(.block) || tag == .other
        var k = stack.count - 1
        let floor = max(0, stack.count - 128)
        while k >= floor {
            let e = document.elements[Int(stack[k])]
            if e.tag == tag && (tag != .other || stackHash[k] == hash) {
                pop(to: k)
                return next
            }
            let traits = traitsOf(e.tag)
            if traits.contains(.scopeBoundary) && !traitsOf(tag).contains(.scopeBoundary) { return next }
            if !isBlock && traits.contains(.block) { return next }
            k -= 1
        }
        return next
    }

    /// The end of a raw-text element's content starting at `from`: the offset of its end tag
    /// `</name` and the offset after that tag's `>` (both the input's end when it is missing).
    private func rawTextEnd(from: Int, name: String) -> (contentEnd: Int, next: Int) {
        let n = bytes.count
        let nameBytes = Array(name.utf8)
        var i = from
        while i < n {
            let lt = find(UInt8(ascii: "<"), from: i)
            if lt + 1 >= n { return (n, n) }
            if bytes[lt + 1] == UInt8(ascii: "/") && lt + 2 + nameBytes.count <= n {
                var match = true
                for (k, b) in nameBytes.enumerated() where bytes[lt + 2 + k] | 0x20 != b {
                    match = false
                    break
                }
                let after = lt + 2 + nameBytes.count
                if match && (after == n || !isASCIILetter(bytes[after]) && bytes[after] != UInt8(ascii: "-")) {
                    let gt = find(UInt8(ascii: ">"), from: after)
                    return (lt, min(gt + 1, n))
                }
            }
            i = lt + 1
        }
        return (n, n)
    }

    // MARK: - Attributes

    private func attribute(
        _ start: Int, _ end: Int, _ value: Range<Int>, tag: HTMLTag, into a: inout Attributes
    ) {
        let length = end - start
        @inline(__always) func named(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == length else { return false }
            let p = s.utf8Start
            for k in 0..<length where bytes[start + k] | 0x20 != p[k] { return false }
            return true
        }
        switch length {
        case 2:
            if named("id") { a.idValue = value }
        case 4:
            if named("role") {
                role(value, tag: tag, into: &a)
            } else if named("href") {
                a.href = true
                a.hrefValue = value
            } else if named("name") {
                a.name = value
            } else if named("lang") {
                a.lang = value
            } else if named("type") {
                a.type = value
            }
        case 5:
            if named("class") {
                a.classValue = value
            } else if named("style") {
                if hidesElement(value) { a.hidden = true }
            }
        case 6:
            if named("hidden") { a.hidden = true }
        case 3:
            if named("rel") { a.rel = value }
        case 7:
            if named("content") { a.content = value }
        case 8:
            if named("itemprop") {
                a.itemprop = value
                if contains(value, "articlebody") { a.articleBody = true }
            } else if named("property") {
                a.property = value
            } else if named("datetime") {
                a.datetime = value
            } else if named("xml:lang") {
                if a.lang == nil { a.lang = value }
            }
        case 11:
            if named("aria-hidden") && equalsLowercase(value, "true") { a.hidden = true }
        default:
            break
        }
    }

    private func role(_ value: Range<Int>, tag: HTMLTag, into a: inout Attributes) {
        if equalsLowercase(value, "main") {
            a.roleCues.insert(.mainPrefix)
        } else if equalsLowercase(value, "article") {
            a.roleCues.insert(.story)
        } else if equalsLowercase(value, "navigation") || equalsLowercase(value, "menu")
            || equalsLowercase(value, "menubar")
        {
            a.roleCues.insert(.navigation)
        } else if equalsLowercase(value, "complementary") {
            a.roleCues.insert(.sidebar)
        } else if equalsLowercase(value, "contentinfo") {
            a.roleCues.insert(.footer)
        } else if equalsLowercase(value, "banner") {
            a.roleCues.insert(.pageHeader)
        } else if equalsLowercase(value, "dialog") || equalsLowercase(value, "alertdialog") {
            a.roleCues.insert(.widget)
        } else if tag == .table && (equalsLowercase(value, "presentation") || equalsLowercase(value, "none")) {
            a.layoutTable = true
        }
    }

    /// True for an inline style with `display:none` or `visibility:hidden` (spaces ignored).
    private func hidesElement(_ value: Range<Int>) -> Bool {
        var compact = [UInt8]()
        compact.reserveCapacity(min(value.count, 256))
        for k in value.prefix(256) where !isSpace(bytes[k]) { compact.append(bytes[k] | 0x20) }
        return compact.withUnsafeBufferPointer { c in
            contains(c, "display:none") || contains(c, "visibility:hidden")
        }
    }

    private mutating func meta(_ a: Attributes) {
        guard let keyRange = a.property ?? a.name ?? a.itemprop, let content = a.content else { return }
        guard keyRange.count <= 32 else { return }
        var key = [UInt8]()
        for k in keyRange { key.append(bytes[k] >= 0x41 && bytes[k] <= 0x5A ? bytes[k] | 0x20 : bytes[k]) }
        let name = String(decoding: key, as: UTF8.self)
        guard Self.metaKeys.contains(name), document.meta[name] == nil else { return }
        let value = string(content, decode: true)
        if !value.isEmpty { document.meta[name] = value }
    }

    /// The `<meta>` keys kept in ``HTMLDocument/meta``.
    static let metaKeys: Set<String> = [
        "og:title", "og:site_name", "og:url", "og:type", "og:locale", "twitter:title", "title",
        "article:published_time", "article:author", "author", "datepublished", "pubdate", "publishdate",
        "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "citation_publication_date", "dc.language", "language", "application-name",
        "dc.creator", "byl", "article:modified_time",
    ]

    // MARK: - Tree

    private mutating func impliedEndTags(before tag: HTMLTag) {
        let traits = traitsOf(tag)
        if traits.contains(.closesParagraph) && openCount[Int(HTMLTag.p.rawValue)] > 0 {
            closeIfOpen(.p, stopAt: [.buttonScope])
        }
        switch tag {
        case .li:
            closeIfOpen(.li, stopAt: [.list, .scopeBoundary])
        case .dt, .dd:
            closeIfOpen(.dt, stopAt: [.list, .scopeBoundary])
            closeIfOpen(.dd, stopAt: [.list, .scopeBoundary])
        case .tr:
            closeIfOpen(.tr, stopAt: [], boundary: .table)
        case .td, .th:
            closeIfOpen(.td, stopAt: [], boundary: .tr)
            closeIfOpen(.th, stopAt: [], boundary: .tr)
        case .a:
            closeIfOpen(.a, stopAt: [.scopeBoundary])
        case .option:
            closeIfOpen(.option, stopAt: [.scopeBoundary])
        default:
            if traits.contains(.heading), let top = stack.last,
                traitsOf(document.elements[Int(top)].tag).contains(.heading)
            {
                pop(to: stack.count - 1)
            }
        }
    }

    /// Pops the open `tag` nearest the top, when it is found within 32 levels before an element
    /// with one of the `stopAt` traits or the `boundary` tag.
    private mutating func closeIfOpen(_ tag: HTMLTag, stopAt: HTMLTag.Traits, boundary: HTMLTag? = nil) {
        guard openCount[Int(tag.rawValue)] > 0 else { return }
        var k = stack.count - 1
        let floor = max(0, stack.count - 32)
        while k >= floor {
            let t = document.elements[Int(stack[k])].tag
            if t == tag {
                pop(to: k)
                return
            }
            if t == boundary || (t == .table && boundary != nil) || !traitsOf(t).isDisjoint(with: stopAt) { return }
            k -= 1
        }
    }

    private mutating func push(_ tag: HTMLTag, hash: UInt32, _ a: Attributes) throws(HTMLParseError) {
        var cues = a.roleCues
        if let v = a.classValue, !v.isEmpty {
            cues.formUnion(cueMatcher.cues(bytes, v.lowerBound, v.upperBound, as: .class))
        }
        if let v = a.idValue, !v.isEmpty { cues.formUnion(cueMatcher.cues(bytes, v.lowerBound, v.upperBound, as: .id)) }
        var flags: HTMLElement.Flags = []
        if a.hidden {
            flags.insert(.hidden)
            cues.insert(.hidden)
        }
        if a.articleBody {
            flags.insert(.articleBodyProperty)
            cues.insert(.articleBody)
        }
        if a.layoutTable { flags.insert(.layoutTable) }
        if !a.roleCues.isDisjoint(with: [.navigation, .sidebar, .footer, .pageHeader]) { flags.insert(.chromeRole) }
        if a.roleCues.contains(.mainPrefix) { flags.insert(.mainRole) }
        if tag == .a && a.href { flags.insert(.hyperlink) }
        let traits = traitsOf(tag)
        let drops = traits.contains(.hardDrop)
        if drops || dropDepth > 0 { flags.insert(.dropped) }
        if headOpen { flags.insert(.inHead) }
        if !linkStarts.isEmpty { flags.insert(.inLink) }
        // An inline element with a boilerplate cue gets blocks of its own.
        let split = !traits.contains(.block) && tag != .a && !cues.isDisjoint(with: boilerplateCues)
        if split { flags.insert(.splitInline) }
        if traits.contains(.block) {
            endBlock()
        } else if split {
            endBlock(continuing: true)
        }
        let index = Int32(document.elements.count)
        let parent = stack.last ?? -1
        document.elements.append(
            HTMLElement(
                tag: tag, flags: flags, parent: parent, end: index + 1, blockStart: Int32(document.blocks.count),
                blockEnd: Int32(document.blocks.count), cues: cues))
        stack.append(index)
        stackHash.append(hash)
        ownerStack.append(traits.contains(.block) ? index : (ownerStack.last ?? -1))
        openCount[Int(tag.rawValue)] += 1
        if drops { dropDepth += 1 }
        if traits.contains(.foreign) { foreignDepth += 1 }
        if tag == .a { linkStarts.append(totalChars) }
        try meter.charge(16)
    }

    /// Pops the open elements above and including stack position `k`.
    private mutating func pop(to k: Int) {
        while stack.count > k { pop() }
    }

    private mutating func pop() {
        guard let index = stack.popLast() else { return }
        stackHash.removeLast()
        ownerStack.removeLast()
        let e = Int(index)
        let tag = document.elements[e].tag
        let flags = document.elements[e].flags
        let traits = traitsOf(tag)
        if traits.contains(.block) {
            endBlock()
        } else if flags.contains(.splitInline) {
            endBlock(continuing: true)
        }
        openCount[Int(tag.rawValue)] -= 1
        if traits.contains(.hardDrop) { dropDepth -= 1 }
        if traits.contains(.foreign) { foreignDepth -= 1 }
        if tag == .a, let start = linkStarts.popLast() {
            let length = totalChars - start
            if length > 0 {
                if blockOpen {
                    block.links &+= 1
                    if length < 10 { block.shortLinks &+= 1 }
                } else if let last = document.blocks.indices.last {
                    document.blocks[last].links &+= 1
                    if length < 10 { document.blocks[last].shortLinks &+= 1 }
                }
            }
        }
        document.elements[e].end = Int32(document.elements.count)
        document.elements[e].blockEnd = Int32(document.blocks.count + (blockOpen ? 1 : 0))
        if tag == .head { headOpen = false }
    }

    // MARK: - Text

    /// Ends the block being written, if any.
    private mutating func endBlock(atBreak: Bool = false, continuing: Bool = false) {
        afterBreak = atBreak
        if blockOpen {
            block.textEnd = Int32(outCount)
            if atBreak { block.flags.insert(.endsAtBreak) }
            document.blocks.append(block)
            blockOpen = false
            spaceSinceBlock = pendingSpace
        }
        pendingSpace = false
        nextContinuesLine = continuing
    }

    @inline(__always)
    private mutating func startBlock() {
        var flags: TextBlock.Flags = []
        if afterBreak { flags.insert(.afterBreak) }
        if nextContinuesLine {
            flags.insert(.continuesLine)
            if spaceSinceBlock || pendingSpace { flags.insert(.spaceBefore) }
        }
        block = TextBlock(
            owner: ownerStack.last ?? -1, innermost: stack.last ?? -1, textStart: Int32(outCount),
            textEnd: Int32(outCount), chars: 0, linkChars: 0, links: 0, shortLinks: 0, commas: 0, sentenceEnds: 0,
            flags: flags)
        blockOpen = true
        pendingSpace = false
        spaceSinceBlock = false
    }

    /// Writes the text `bytes[start..<end]` into the current block.
    private mutating func text(_ start: Int, _ end: Int) throws(HTMLParseError) {
        try meter.charge(end - start)
        guard dropDepth == 0 && !headOpen else { return }
        let inLink = !linkStarts.isEmpty
        var chars = 0
        var spaces = 0  // 1 when the run starts with the space that separates it: not link text
        var commas = 0
        var sentenceEnds = 0
        var i = start
        let b = bytes
        while i < end {
            let c = b[i]
            if c < 0x80 {
                if c <= 0x20 {
                    if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                        if blockOpen { pendingSpace = true } else { spaceSinceBlock = true }
                    }
                    i += 1
                    continue
                }
                if c == 0x7F {
                    i += 1
                    continue
                }
                if c != UInt8(ascii: "&") {
                    // A run of printable ASCII, copied in one loop.
                    if !blockOpen { startBlock() }
                    if pendingSpace && outCount > Int(block.textStart) {
                        out[outCount] = 0x20
                        outCount += 1
                        chars += 1
                        if chars == 1 { spaces = 1 }
                    }
                    pendingSpace = false
                    var j = i
                    var o = outCount
                    while j < end {
                        let d = b[j]
                        if d <= 0x20 || d >= 0x7F || d == UInt8(ascii: "&") { break }
                        out[o] = d
                        o += 1
                        if d == 0x2C {
                            commas += 1
                        } else if d == 0x2E || d == 0x21 || d == 0x3F {
                            if j + 1 >= end || isSpace(b[j + 1]) { sentenceEnds += 1 }
                        }
                        j += 1
                    }
                    chars += j - i
                    outCount = o
                    i = j
                    continue
                }
                var value = UInt32(c)
                var next = i + 1
                if c == UInt8(ascii: "&"), let (v, after) = HTMLCharacterReferences.decode(b, at: i, end: end) {
                    value = v
                    next = after
                    if value == 0 {
                        i = next
                        continue
                    }
                    if value == 0xAD || (value >= 0xE000 && value <= 0xF8FF) {  // soft hyphen, private use
                        i = next
                        continue
                    }
                    if value == 0x20 || value == 0xA0 || isUnicodeSpace(value) {
                        if blockOpen { pendingSpace = true } else { spaceSinceBlock = true }
                        i = next
                        continue
                    }
                }
                if !blockOpen { startBlock() }
                if pendingSpace && outCount > Int(block.textStart) {
                    out[outCount] = 0x20
                    outCount += 1
                    chars += 1
                    if chars == 1 { spaces = 1 }
                }
                pendingSpace = false
                if value < 0x80 {
                    out[outCount] = UInt8(value)
                    outCount += 1
                    switch value {
                    case 0x2C: commas += 1
                    case 0x2E, 0x21, 0x3F:
                        if next >= end || isSpace(b[next]) || b[next] == UInt8(ascii: "<") { sentenceEnds += 1 }
                    default: break
                    }
                } else {
                    writeScalar(value)
                }
                chars += 1
                i = next
                continue
            }
            // Non-ASCII: a whole UTF-8 sequence (the input is valid UTF-8).
            let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            guard i + length <= end else { break }
            if c == 0xC2 {
                let d = b[i + 1]
                if d == 0xA0 {
                    if blockOpen { pendingSpace = true } else { spaceSinceBlock = true }
                    i += 2
                    continue
                }
                if d < 0xA0 || d == 0xAD {  // C1 control, soft hyphen
                    i += 2
                    continue
                }
            } else if c == 0xE2 || c == 0xE3 || c == 0xE1 {
                let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                if isUnicodeSpace(v) {
                    if blockOpen { pendingSpace = true } else { spaceSinceBlock = true }
                    i += 3
                    continue
                }
                if v == 0x2026 { sentenceEnds += 1 }
            } else if c == 0xEE || c == 0xEF && b[i + 1] < 0xA4 {
                i += 3  // private use area U+E000–U+F8FF: icon-font glyphs
                continue
            } else if c == 0xD8 {
                let d = b[i + 1]
                if d == 0x8C { commas += 1 } else if d == 0x9F { sentenceEnds += 1 }
            }
            if !blockOpen { startBlock() }
            if pendingSpace && outCount > Int(block.textStart) {
                out[outCount] = 0x20
                outCount += 1
                chars += 1
                if chars == 1 { spaces = 1 }
            }
            pendingSpace = false
            for k in 0..<length { out[outCount + k] = b[i + k] }
            outCount += length
            chars += 1
            i += length
        }
        if chars > 0 {
            block.chars &+= Int32(chars)
            if inLink { block.linkChars &+= Int32(chars - spaces) }
            block.commas &+= Int16(truncatingIfNeeded: commas)
            block.sentenceEnds &+= Int16(truncatingIfNeeded: sentenceEnds)
            totalChars += chars
        }
    }

    /// Writes a decoded reference's scalar (at least U+0080) as UTF-8.
    @inline(__always)
    private mutating func writeScalar(_ v: UInt32) {
        if v < 0x800 {
            out[outCount] = UInt8(0xC0 | (v >> 6))
            out[outCount + 1] = UInt8(0x80 | (v & 0x3F))
            outCount += 2
        } else if v < 0x10000 {
            out[outCount] = UInt8(0xE0 | (v >> 12))
            out[outCount + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[outCount + 2] = UInt8(0x80 | (v & 0x3F))
            outCount += 3
        } else {
            out[outCount] = UInt8(0xF0 | (v >> 18))
            out[outCount + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            out[outCount + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[outCount + 3] = UInt8(0x80 | (v & 0x3F))
            outCount += 4
        }
    }

    // MARK: - Helpers

    @inline(__always)
    private func traitsOf(_ tag: HTMLTag) -> HTMLTag.Traits { traitTable[Int(tag.rawValue)] }

    @inline(__always)
    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    @inline(__always)
    private func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 (not U+00A0, handled apart).
    @inline(__always)
    private func isUnicodeSpace(_ v: UInt32) -> Bool {
        v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F
            || v == 0x3000
    }

    private func nameHash(_ start: Int, _ end: Int) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for k in start..<end {
            h = (h ^ UInt32(bytes[k] | 0x20)) &* 16_777_619
        }
        return h | 1
    }

    private func equalsLowercase(_ range: Range<Int>, _ s: StaticString) -> Bool {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
        guard hi - lo == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<(hi - lo) where bytes[lo + k] | (isASCIILetter(bytes[lo + k]) ? 0x20 : 0) != p[k] { return false }
        return true
    }

    private func contains(_ range: Range<Int>, _ s: StaticString) -> Bool {
        contains(UnsafeBufferPointer(rebasing: bytes[range]), s, lowercase: true)
    }

    private func contains(_ c: UnsafeBufferPointer<UInt8>, _ s: StaticString, lowercase: Bool = false) -> Bool {
        let m = s.utf8CodeUnitCount
        guard c.count >= m else { return false }
        let p = s.utf8Start
        var i = 0
        while i + m <= c.count {
            var k = 0
            while k < m && (lowercase ? c[i + k] | 0x20 : c[i + k]) == p[k] { k += 1 }
            if k == m { return true }
            i += 1
        }
        return false
    }

    /// The attribute value `range` as a `String`, references decoded when `decode`, trimmed.
    private func string(_ range: Range<Int>, decode: Bool) -> String {
        let raw = HTMLCharacterReferences.decodeAll(bytes, range.lowerBound, range.upperBound)
        return collapse(raw)
    }

    /// `bytes[start..<end]` with references decoded and whitespace collapsed.
    private func collapsed(_ start: Int, _ end: Int) -> String {
        collapse(HTMLCharacterReferences.decodeAll(bytes, start, end))
    }

    private func collapse(_ raw: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(raw.count)
        var pending = false
        var i = 0
        while i < raw.count {
            let c = raw[i]
            if isSpace(c) || c == 0x0B {
                pending = !out.isEmpty
                i += 1
                continue
            }
            if c == 0xC2 && i + 1 < raw.count && raw[i + 1] == 0xA0 {
                pending = !out.isEmpty
                i += 2
                continue
            }
            if c < 0x20 || c == 0x7F {
                i += 1
                continue
            }
            if c == 0xC2 && i + 1 < raw.count && raw[i + 1] < 0xA0 {
                i += 2
                continue
            }
            if pending {
                out.append(0x20)
                pending = false
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
