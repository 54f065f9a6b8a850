// SPDX-License-Identifier: GPL-2.0-or-later

/// The character encoding an article's bytes were decoded from, as recorded in `source.encoding`.
///
/// Raw values are lowercase IANA/WHATWG-style names. The detected encodings have constants; an
/// HTML page may declare any other encoding that iconv knows (`windows-1252`, `iso-8859-2`,
/// `gbk`, `shift_jis`...), recorded under the name ``DeclaredCharset`` resolves it to.
public struct TextEncodingName: RawRepresentable, Codable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// UTF-8 without a byte order mark (also pure ASCII).
    public static let utf8 = TextEncodingName(rawValue: "utf-8")
    /// UTF-8 with the byte order mark EF BB BF (the mark is not part of `text`).
    public static let utf8BOM = TextEncodingName(rawValue: "utf-8-bom")
    /// UTF-16 little endian, with the mark FF FE or detected without one.
    public static let utf16LE = TextEncodingName(rawValue: "utf-16le")
    /// UTF-16 big endian, with the mark FE FF or detected without one.
    public static let utf16BE = TextEncodingName(rawValue: "utf-16be")
    /// Microsoft code page 1256 (Arabic).
    public static let windows1256 = TextEncodingName(rawValue: "windows-1256")
    /// ISO/IEC 8859-6 (Latin/Arabic).
    public static let iso88596 = TextEncodingName(rawValue: "iso-8859-6")
    /// Microsoft code page 1252 (Western European; what HTML reads `iso-8859-1` and `us-ascii` as).
    public static let windows1252 = TextEncodingName(rawValue: "windows-1252")
}
