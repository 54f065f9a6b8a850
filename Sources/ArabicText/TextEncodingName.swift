/// The character encoding an article's bytes were decoded from, as recorded in `source.encoding`.
///
/// Raw values are the lowercase IANA-style names written to the output document.
public enum TextEncodingName: String, Codable, Sendable {
    /// UTF-8 without a byte order mark (also pure ASCII).
    case utf8 = "utf-8"
    /// UTF-8 with the byte order mark EF BB BF (the mark is not part of `text`).
    case utf8BOM = "utf-8-bom"
    /// UTF-16 little endian, with the mark FF FE or detected without one.
    case utf16LE = "utf-16le"
    /// UTF-16 big endian, with the mark FE FF or detected without one.
    case utf16BE = "utf-16be"
    /// Microsoft code page 1256 (Arabic).
    case windows1256 = "windows-1256"
    /// ISO/IEC 8859-6 (Latin/Arabic).
    case iso88596 = "iso-8859-6"
}
