// SPDX-License-Identifier: GPL-2.0-or-later

/// Hand-written scalar classification used by the segmenters, the tokenizer and the normaliser.
///
/// Pure switches over scalar values (no `CharacterSet`, no `Regex`) so the hot loops stay cheap.
/// Ranges follow the Unicode 15 block and general-category data for the scripts we handle.
public enum ScalarClass {
    /// Horizontal whitespace and invisible format characters that are trimmed from the edges of
    /// paragraphs and sentences: SPACE, TAB, NBSP, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000,
    /// and the format characters ZWSP/ZWNJ/ZWJ/LRM/RLM (U+200B–U+200F), U+061C ARABIC LETTER MARK,
    /// the bidi embeddings/isolates (U+202A–U+202E, U+2066–U+2069) and U+FEFF.
    @inlinable @inline(__always)
    public static func isBlank(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || v == 0x09 || v == 0x0B || v == 0x0C }
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200F, 0x202F, 0x205F, 0x3000, 0x061C, 0x202A...0x202E,
            0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// LF, CR, VT/FF are handled as blank; U+0085 NEL, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
    @inlinable @inline(__always)
    public static func isLineBreak(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Blank or line break.
    @inlinable @inline(__always)
    public static func isSpace(_ v: UInt32) -> Bool { isBlank(v) || isLineBreak(v) }

    /// The value 0–9 of an ASCII, Arabic-Indic (U+0660–U+0669) or Extended Arabic-Indic / Persian
    /// (U+06F0–U+06F9) digit, or -1.
    @inlinable @inline(__always)
    public static func digitValue(_ v: UInt32) -> Int {
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0x660 && v <= 0x669 { return Int(v - 0x660) }
        if v >= 0x6F0 && v <= 0x6F9 { return Int(v - 0x6F0) }
        return -1
    }

    @inlinable @inline(__always)
    public static func isDigit(_ v: UInt32) -> Bool { digitValue(v) >= 0 }

    /// Arabic combining marks: tashkeel U+064B–U+065F, U+0670 superscript (dagger) alef, the small
    /// Quranic marks U+0610–U+061A and U+06D6–U+06ED (except the letter-like U+06E5, U+06E6, U+06E9).
    @inlinable @inline(__always)
    public static func isArabicMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x064B...0x065F, 0x0670, 0x0610...0x061A, 0x06D6...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED,
            0x08D3...0x08FF:
            return true
        default:
            return false
        }
    }

    /// Scalars that can be part of an Arabic-script word: letters of the Arabic, Arabic
    /// Supplement and Extended-A blocks, the marks above, U+0640 tatweel, and the letter
    /// presentation forms (U+FB50–U+FDFF except the ornate parentheses U+FD3E/U+FD3F and the
    /// U+FDFC rial sign, U+FE70–U+FEFC).
    @inlinable @inline(__always)
    public static func isArabicWordScalar(_ v: UInt32) -> Bool {
        if v < 0x0600 { return false }
        switch v {
        case 0x0621...0x065F, 0x066E...0x06D3, 0x06D5...0x06ED, 0x06FA...0x06FC,
            0x06FF, 0x0610...0x061A, 0x0750...0x077F, 0x08A0...0x08C9, 0x08D3...0x08FF:
            return true
        case 0xFB50...0xFD3D, 0xFD40...0xFDFB, 0xFE70...0xFEFC:
            return true
        default:
            return false
        }
    }

    /// Arabic-script letters (word scalars that are neither marks nor tatweel).
    @inlinable @inline(__always)
    public static func isArabicLetter(_ v: UInt32) -> Bool {
        isArabicWordScalar(v) && v != 0x0640 && !isArabicMark(v)
    }

    /// Latin letters: ASCII, Latin-1 Supplement letters, Latin Extended-A/B, IPA-free extended
    /// additional (U+1E00–U+1EFF) and the ligatures U+FB00–U+FB06.
    @inlinable @inline(__always)
    public static func isLatinLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        switch v {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF, 0xFB00...0xFB06:
            return true
        default:
            return false
        }
    }

    /// Combining marks used with Latin letters (U+0300–U+036F), kept inside Latin words.
    @inlinable @inline(__always)
    public static func isLatinMark(_ v: UInt32) -> Bool { v >= 0x300 && v <= 0x36F }

    /// ASCII letter or digit.
    @inlinable @inline(__always)
    public static func isASCIIAlphanumeric(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// Sentence-final marks: `.` `!` `?` U+061F ARABIC QUESTION MARK, U+06D4 ARABIC FULL STOP,
    /// U+2026 HORIZONTAL ELLIPSIS, U+203C/U+2047–U+2049 double marks.
    @inlinable @inline(__always)
    public static func isSentenceTerminator(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x2026, 0x203C, 0x2047...0x2049:
            return true
        default:
            return false
        }
    }

    /// Closing marks that stay with the sentence they follow: `)` `]` `}` `»` `”` `’` `"` `'` `›`.
    @inlinable @inline(__always)
    public static func isClosingMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x29, 0x5D, 0x7D, 0xBB, 0x201D, 0x2019, 0x22, 0x27, 0x203A, 0xFD3E:
            return true
        default:
            return false
        }
    }

    /// Letters of any script (used by language identification and the tokenizer's fallback):
    /// true for Arabic or Latin letters and for other alphabetic scalars per Unicode properties.
    @inlinable @inline(__always)
    public static func isOtherLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
