// SPDX-License-Identifier: GPL-2.0-or-later

/// Decodes mostly-valid UTF-8 in which a few bytes are not part of a valid sequence, reading each
/// such byte as Windows-1252 (the WHATWG default for Western pages): web pages that declare UTF-8
/// often carry a stray Latin-1 `ü` in an attribute, or a multi-byte sequence cut by a truncation.
///
/// Used for HTML and XML documents only; plain text keeps the strict policy (an error). The
/// result never holds U+FFFD for an invalid byte; Windows-1252's five undefined bytes (0x81,
/// 0x8D, 0x8F, 0x90, 0x9D) are left out, as the C1 controls browsers read them as would be.
enum UTF8Repair {
    /// The encoding name recorded for such a decoding.
    static let encoding = TextEncodingName(rawValue: "utf-8+windows-1252")

    /// The UTF-8 of `bytes` with every byte outside a valid sequence read as Windows-1252, and the
    /// number of such bytes.
    static func repaired(_ bytes: [UInt8]) -> (utf8: [UInt8], repairedBytes: Int) {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var repaired = 0
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    out.append(c)
                    i += 1
                    continue
                }
                let length = sequenceLength(b, at: i)
                if length > 0 {
                    for k in 0..<length { out.append(b[i + k]) }
                    i += length
                    continue
                }
                repaired += 1
                let v = c < 0xA0 ? windows1252[Int(c - 0x80)] : UInt32(c)
                if v != 0 {
                    if v < 0x800 {
                        out.append(UInt8(0xC0 | (v >> 6)))
                        out.append(UInt8(0x80 | (v & 0x3F)))
                    } else {
                        out.append(UInt8(0xE0 | (v >> 12)))
                        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                        out.append(UInt8(0x80 | (v & 0x3F)))
                    }
                }
                i += 1
            }
        }
        return (out, repaired)
    }

    /// The length of the valid UTF-8 sequence (RFC 3629: no overlongs, surrogates or values past
    /// U+10FFFF) starting with the non-ASCII byte at `i`, or 0.
    @inline(__always)
    private static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return i + 1 < n && b[i + 1] >= 0xA0 && b[i + 1] <= 0xBF && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F && cont(2) ? 3 : 0
        case 0xF0:
            return i + 1 < n && b[i + 1] >= 0x90 && b[i + 1] <= 0xBF && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x8F && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Windows-1252 for 0x80–0x9F (0 where it has no character).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]
}
