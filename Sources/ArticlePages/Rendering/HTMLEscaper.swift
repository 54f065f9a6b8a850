// SPDX-License-Identifier: GPL-2.0-or-later

/// Escaping of untrusted strings for HTML (WHATWG HTML, "Serializing HTML fragments", applied to
/// both text and double-quoted attribute values, plus `'` so single-quoted use is safe too).
///
/// Every string that comes from an article or its document (title, text, entity and speaker names,
/// metadata, file names) goes through here before it reaches a page. Besides the five markup
/// characters it drops what HTML cannot carry: NUL and the other C0/C1 controls except tab and
/// newline, and lone surrogates cannot occur in a Swift `String`. Pure, no I/O.
public enum HTMLEscaper {
    /// `value` with `& < > " '` replaced by character references and controls removed.
    public static func escape(_ value: some StringProtocol) -> String {
        var out = String()
        out.reserveCapacity(value.utf8.count)
        appendEscaped(value.unicodeScalars, to: &out)
        return out
    }

    /// Appends the escaped form of `scalars` to `out` (see ``escape(_:)``).
    public static func appendEscaped(_ scalars: some Sequence<Unicode.Scalar>, to out: inout String) {
        for scalar in scalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// A `href` value for an untrusted URL: the escaped URL when its scheme is `http` or `https`
    /// (compared case-insensitively after trimming spaces and controls, as browsers do), else `nil`
    /// (`javascript:`, `data:`, `vbscript:` and relative URLs are never linked).
    public static func safeHTTPHref(_ url: String) -> String? {
        let trimmed = url.unicodeScalars.drop { $0.value <= 0x20 }
        let lower = String(String.UnicodeScalarView(trimmed)).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        guard !lower.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return escape(String(String.UnicodeScalarView(trimmed)))
    }

    /// A relative link to a file for `href`: each path component percent-encoded (RFC 3986
    /// unreserved characters kept), joined by `/`. The result has no scheme, so it cannot be
    /// `javascript:`; a component that is `.`/`..` is kept (paths come from the reader, not the article).
    public static func relativeHref(components: [String]) -> String {
        components.map(percentEncode).joined(separator: "/")
    }

    static func percentEncode(_ component: String) -> String {
        var out = ""
        for byte in component.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
