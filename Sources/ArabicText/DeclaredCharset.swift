// SPDX-License-Identifier: GPL-2.0-or-later

/// The character encoding that a markup document declares about itself, and how to decode it.
///
/// Where it looks (the WHATWG encoding-sniffing "prescan", simplified and widened): an XML
/// declaration at the start (`<?xml version="1.0" encoding="ISO-8859-1"?>`), else the first
/// `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">` in the
/// first 64 KiB, outside comments and before `<body`. Only documents that look like markup are
/// read (an XML declaration, or `<html`, `<head`, `<meta`, `<!doctype` in their first 1,024 bytes),
/// so plain text never gets a declared encoding.
///
/// Labels resolve as the WHATWG Encoding Standard resolves them (`latin1`, `iso-8859-1`, `ascii`
/// and `us-ascii` are Windows-1252; `gb2312` is GBK, decoded as GB 18030; `shift_jis` is
/// Windows-31J; `euc-kr` is Windows-949; `iso-8859-9` is Windows-1254; `tis-620` is
/// Windows-874); any other label is passed to iconv as written.
enum DeclaredCharset {
    /// A resolved declaration: the name recorded in `source.encoding` and the iconv name.
    struct Resolved: Equatable, Sendable {
        /// Lower-case name, e.g. `windows-1252`, `iso-8859-2`, `gbk`, `shift_jis`.
        var name: String
        /// The name given to `iconv_open`.
        var iconvName: String
    }

    /// How far into the document the prescan looks.
    static let scanLimit = 64 * 1024

    /// The declared label, lower-cased and trimmed, or `nil` when the document declares none or
    /// does not look like markup.
    static func label(in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { b -> String? in
            let n = min(b.count, scanLimit)
            var i = 0
            while i < n && isSpace(b[i]) { i += 1 }
            if matches(b, i, n, "<?xml") {
                let end = find(b, UInt8(ascii: ">"), from: i, limit: min(n, i + 512))
                if let value = attribute(b, from: i + 5, to: end, named: "encoding") { return value }
            }
            guard looksLikeMarkup(b, min(n, 1024)) else { return nil }
            while i < n {
                let lt = find(b, UInt8(ascii: "<"), from: i, limit: n)
                if lt >= n { break }
                if matches(b, lt, n, "<!--") {
                    i = findString(b, "-->", from: lt + 4, limit: n) + 3
                    continue
                }
                if matches(b, lt, n, "<body") { break }
                if matches(b, lt, n, "<meta") && lt + 5 < n && (isSpace(b[lt + 5]) || b[lt + 5] == UInt8(ascii: "/")) {
                    let end = tagEnd(b, from: lt + 5, limit: n)
                    if let charset = attribute(b, from: lt + 5, to: end, named: "charset") { return charset }
                    if let equiv = attribute(b, from: lt + 5, to: end, named: "http-equiv"),
                        equiv == "content-type",
                        let content = attribute(b, from: lt + 5, to: end, named: "content"),
                        let charset = charsetParameter(content)
                    {
                        return charset
                    }
                    i = end
                    continue
                }
                i = lt + 1
            }
            return nil
        }
    }

    /// The encoding `label` stands for, or `nil` for an empty label.
    static func resolve(_ label: String) -> Resolved? {
        let l = label.lowercased().filter { !$0.isWhitespace }
        guard !l.isEmpty, l.utf8.count <= 40 else { return nil }
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
            return Resolved(name: "utf-8", iconvName: "UTF-8")
        case "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "latin1", "l1", "ascii",
            "us-ascii", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819", "csisolatin1", "iso-ir-100",
            "ansi_x3.4-1968", "iso-8859-15-windows":
            return Resolved(name: "windows-1252", iconvName: "CP1252")
        case "iso-8859-9", "iso8859-9", "iso88599", "latin5", "l5", "windows-1254", "cp1254", "x-cp1254":
            return Resolved(name: "windows-1254", iconvName: "CP1254")
        case "tis-620", "iso-8859-11", "windows-874", "dos-874":
            return Resolved(name: "windows-874", iconvName: "CP874")
        case "gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58", "cp936",
            "windows-936", "gb18030":
            return Resolved(name: l == "gb18030" ? "gb18030" : "gbk", iconvName: "GB18030")
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis":
            return Resolved(name: "shift_jis", iconvName: "CP932")
        case "euc-kr", "ks_c_5601-1987", "ksc5601", "ksc_5601", "windows-949", "cseuckr", "korean":
            return Resolved(name: "euc-kr", iconvName: "CP949")
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
            return Resolved(name: "big5", iconvName: "BIG5-HKSCS")
        case "windows-1256", "cp1256", "x-cp1256":
            return Resolved(name: "windows-1256", iconvName: "CP1256")
        case "iso-8859-6", "iso8859-6", "iso88596", "arabic", "asmo-708", "ecma-114", "iso-ir-127", "csiso88596e",
            "csiso88596i", "iso-8859-6-e", "iso-8859-6-i", "csisolatinarabic":
            return Resolved(name: "iso-8859-6", iconvName: "ISO-8859-6")
        default:
            guard l.utf8.allSatisfy({ isLabelByte($0) }) else { return nil }
            return Resolved(name: l, iconvName: l.uppercased())
        }
    }

    /// True when `bytes` start like an HTML or XML document (see the type's documentation).
    static func looksLikeMarkup(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { looksLikeMarkup($0, min($0.count, 1024)) }
    }

    // MARK: - Scanning

    private static func looksLikeMarkup(_ b: UnsafeBufferPointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            let lt = find(b, UInt8(ascii: "<"), from: i, limit: n)
            if lt >= n { return false }
            if matches(b, lt, n, "<html") || matches(b, lt, n, "<head") || matches(b, lt, n, "<meta")
                || matches(b, lt, n, "<!doctype") || matches(b, lt, n, "<?xml")
            {
                return true
            }
            i = lt + 1
        }
        return false
    }

    /// The value of attribute `name` in the tag bytes `from ..< to`, lower-cased and trimmed.
    private static func attribute(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, named name: StaticString)
        -> String?
    {
        var i = from
        while i < to {
            while i < to && (isSpace(b[i]) || b[i] == UInt8(ascii: "/")) { i += 1 }
            let keyStart = i
            while i < to && !isSpace(b[i]) && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: ">")
                && b[i] != UInt8(ascii: "?")
            {
                i += 1
            }
            let keyEnd = i
            while i < to && isSpace(b[i]) { i += 1 }
            var value = i..<i
            if i < to && b[i] == UInt8(ascii: "=") {
                i += 1
                while i < to && isSpace(b[i]) { i += 1 }
                if i < to && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
                    let quote = b[i]
                    let close = find(b, quote, from: i + 1, limit: to)
                    value = (i + 1)..<close
                    i = close + 1
                } else {
                    let start = i
                    while i < to && !isSpace(b[i]) && b[i] != UInt8(ascii: ">") { i += 1 }
                    value = start..<i
                }
            }
            if keyEnd > keyStart && matchesExactly(b, keyStart, keyEnd, name) { return lowered(b, value) }
            if keyEnd == keyStart { i += 1 }
        }
        return nil
    }

    /// The `charset=` parameter of a `Content-Type` value.
    private static func charsetParameter(_ content: String) -> String? {
        guard let range = content.range(of: "charset") else { return nil }
        var rest = content[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let value = rest.prefix(while: { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" })
        return value.isEmpty ? nil : String(value)
    }

    private static func lowered(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        var out = [UInt8]()
        for k in r where !isSpace(b[k]) { out.append(b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func tagEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int {
        var i = from
        var quote: UInt8 = 0
        while i < limit {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return limit
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int, limit: Int) -> Int {
        var i = from
        while i < limit && b[i] != byte { i += 1 }
        return min(i, limit)
    }

    private static func findString(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString, from: Int, limit: Int)
        -> Int
    {
        var i = from
        while i < limit {
            if matches(b, i, limit, s) { return i }
            i += 1
        }
        return limit
    }

    /// True when `s` (lower-case ASCII) stands at `i`, ignoring ASCII case.
    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int, _ s: StaticString) -> Bool {
        let m = s.utf8CodeUnitCount
        guard i + m <= n else { return false }
        let p = s.utf8Start
        for k in 0..<m {
            let c = b[i + k]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[k] { return false }
        }
        return true
    }

    private static func matchesExactly(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ s: StaticString)
        -> Bool
    {
        end - start == s.utf8CodeUnitCount && matches(b, start, end, s)
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    private static func isLabelByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
            || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
    }
}
