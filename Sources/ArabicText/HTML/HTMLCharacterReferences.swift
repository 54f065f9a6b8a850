// SPDX-License-Identifier: GPL-2.0-or-later

/// Decodes HTML character references (`&amp;`, `&#1575;`, `&#x627;`) at a byte offset.
///
/// Named references: the 252 of HTML 4.01 (the Latin-1, symbol and special sets) plus `&apos;` and
/// the upper-case legacy spellings `&AMP; &LT; &GT; &QUOT; &COPY; &REG;`. Names are case-sensitive
/// (`&Eacute;` is not `&eacute;`). As browsers do, a legacy name (Latin-1 set, `amp lt gt quot`)
/// also counts without its `;` when no letter or digit follows. Numeric references follow the
/// WHATWG rules for the values browsers remap: 0x80–0x9F are read as Windows-1252 (`&#150;` is
/// U+2013). References to NUL, controls, surrogates, noncharacters U+FFFE/U+FFFF, U+FFFD or values
/// beyond U+10FFFF decode to nothing (never to a silent U+FFFD). Anything else is not a reference
/// and its `&` stays as written.
enum HTMLCharacterReferences {
    /// The scalar value of the reference starting at `bytes[i]` (an `&`) and the offset after it;
    /// `value` is 0 for a reference that decodes to nothing; `nil` when it is not a reference.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (value: UInt32, next: Int)? {
        var j = i + 1
        guard j < end else { return nil }
        if bytes[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < end && (bytes[j] | 0x20) == UInt8(ascii: "x") {
                hex = true
                j += 1
            }
            let digitsStart = j
            var value: UInt32 = 0
            while j < end && j - digitsStart < 8 {
                let c = bytes[j]
                var d: UInt32
                if c >= 0x30 && c <= 0x39 {
                    d = UInt32(c - 0x30)
                } else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 {
                    d = UInt32((c | 0x20) - 0x61 + 10)
                } else {
                    break
                }
                if !hex && d > 9 { break }
                value = value * (hex ? 16 : 10) + d
                j += 1
            }
            guard j > digitsStart else { return nil }
            while j < end && isDigit(bytes[j], hex: hex) { j += 1 }  // overlong: skip the rest
            if j < end && bytes[j] == UInt8(ascii: ";") { j += 1 }
            return (sanitise(j - digitsStart > 8 ? 0x110000 : value), j)
        }
        // Named: up to 8 ASCII letters or digits.
        var key: UInt64 = 0
        var length = 0
        while j < end && length < 8 {
            let c = bytes[j]
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) else { break }
            key |= UInt64(c) << (8 * UInt64(length))
            length += 1
            j += 1
        }
        guard length > 0, let entry = named[key] else { return nil }
        if j < end && bytes[j] == UInt8(ascii: ";") { return (entry.value, j + 1) }
        guard entry.legacy else { return nil }
        if j < end {
            let c = bytes[j]
            if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "=") {
                return nil
            }
        }
        return (entry.value, j)
    }

    /// Decodes every reference in `bytes[start..<end]` into UTF-8 (for attribute values and titles).
    static func decodeAll(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let c = bytes[i]
            if c == UInt8(ascii: "&"), let (value, next) = decode(bytes, at: i, end: end) {
                if value != 0 { appendUTF8(value, to: &out) }
                i = next
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// Appends the UTF-8 encoding of the scalar value `v`.
    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    @inline(__always)
    private static func isDigit(_ c: UInt8, hex: Bool) -> Bool {
        (c >= 0x30 && c <= 0x39) || (hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
    }

    /// The scalar a numeric reference stands for, or 0 when it stands for nothing.
    private static func sanitise(_ value: UInt32) -> UInt32 {
        if value >= 0x80 && value <= 0x9F { return windows1252[Int(value - 0x80)] }
        if value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0C { return 0x20 }
        if value < 0x20 || value == 0x7F || value > 0x10FFFF { return 0 }
        if (0xD800...0xDFFF).contains(value) || value == 0xFFFD || value == 0xFFFE || value == 0xFFFF { return 0 }
        return value
    }

    /// Windows-1252 for 0x80–0x9F (0 where it has no character), as WHATWG remaps numeric references.
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    private struct Entry {
        var value: UInt32
        var legacy: Bool
    }

    /// Names packed little-endian into a `UInt64` (at most 8 bytes).
    private static let named: [UInt64: Entry] = {
        var table = [UInt64: Entry]()
        func key(_ name: String) -> UInt64 {
            var k: UInt64 = 0
            for (i, b) in name.utf8.enumerated() { k |= UInt64(b) << (8 * UInt64(i)) }
            return k
        }
        func add(_ name: String, _ value: UInt32, legacy: Bool = false) {
            table[key(name)] = Entry(value: value, legacy: legacy)
        }
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
            acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
            Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
            Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig \
            ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide \
            oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (k, name) in latin1.split(separator: " ").enumerated() { add(String(name), 160 + UInt32(k), legacy: true) }
        for (name, value) in [("quot", 34), ("amp", 38), ("lt", 60), ("gt", 62)] as [(String, UInt32)] {
            add(name, value, legacy: true)
            add(name.uppercased(), value, legacy: true)
        }
        add("COPY", 169, legacy: true)
        add("REG", 174, legacy: true)
        let others: [(String, UInt32)] = [
            ("apos", 39), ("OElig", 338), ("oelig", 339), ("Scaron", 352), ("scaron", 353), ("Yuml", 376),
            ("circ", 710), ("tilde", 732), ("ensp", 8194), ("emsp", 8195), ("thinsp", 8201), ("zwnj", 8204),
            ("zwj", 8205), ("lrm", 8206), ("rlm", 8207), ("ndash", 8211), ("mdash", 8212), ("lsquo", 8216),
            ("rsquo", 8217), ("sbquo", 8218), ("ldquo", 8220), ("rdquo", 8221), ("bdquo", 8222), ("dagger", 8224),
            ("Dagger", 8225), ("permil", 8240), ("lsaquo", 8249), ("rsaquo", 8250), ("euro", 8364), ("fnof", 402),
            ("thetasym", 977), ("upsih", 978), ("piv", 982), ("bull", 8226), ("hellip", 8230), ("prime", 8242),
            ("Prime", 8243), ("oline", 8254), ("frasl", 8260), ("weierp", 8472), ("image", 8465), ("real", 8476),
            ("trade", 8482), ("alefsym", 8501), ("larr", 8592), ("uarr", 8593), ("rarr", 8594), ("darr", 8595),
            ("harr", 8596), ("crarr", 8629), ("lArr", 8656), ("uArr", 8657), ("rArr", 8658), ("dArr", 8659),
            ("hArr", 8660), ("forall", 8704), ("part", 8706), ("exist", 8707), ("empty", 8709), ("nabla", 8711),
            ("isin", 8712), ("notin", 8713), ("ni", 8715), ("prod", 8719), ("sum", 8721), ("minus", 8722),
            ("lowast", 8727), ("radic", 8730), ("prop", 8733), ("infin", 8734), ("ang", 8736), ("and", 8743),
            ("or", 8744), ("cap", 8745), ("cup", 8746), ("int", 8747), ("there4", 8756), ("sim", 8764),
            ("cong", 8773), ("asymp", 8776), ("ne", 8800), ("equiv", 8801), ("le", 8804), ("ge", 8805),
            ("sub", 8834), ("sup", 8835), ("nsub", 8836), ("sube", 8838), ("supe", 8839), ("oplus", 8853),
            ("otimes", 8855), ("perp", 8869), ("sdot", 8901), ("lceil", 8968), ("rceil", 8969), ("lfloor", 8970),
            ("rfloor", 8971), ("lang", 10216), ("rang", 10217), ("loz", 9674), ("spades", 9824), ("clubs", 9827),
            ("hearts", 9829), ("diams", 9830), ("hyphen", 8208), ("dash", 8208), ("nbhy", 8209),
        ]
        for (name, value) in others { add(name, value) }
        let greek = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho"
        for (k, name) in greek.split(separator: " ").enumerated() {
            add(String(name), 913 + UInt32(k))
            add(String(name).lowercased(), 945 + UInt32(k))
        }
        for (k, name) in ["Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega"].enumerated() {
            add(name, 931 + UInt32(k))
            add(name.lowercased(), 963 + UInt32(k))
        }
        add("sigmaf", 962)
        return table
    }()
}
