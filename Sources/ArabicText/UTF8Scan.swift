// SPDX-License-Identifier: GPL-2.0-or-later

/// The result of a strict UTF-8 validation pass over a byte buffer.
///
/// Strict means RFC 3629 / Unicode 15 §3.9 Table 3-7: no overlong forms, no surrogates
/// (U+D800–U+DFFF), nothing above U+10FFFF. Invalid sequences are counted by maximal subpart,
/// the way the Unicode standard recommends counting replacement points.
struct UTF8Scan: Sendable {
    /// Byte offset of the first invalid sequence, or `nil` when every byte is valid.
    var firstInvalidOffset: Int?
    /// Number of invalid sequences (maximal subparts).
    var invalidSequences = 0
    /// Number of valid sequences of two to four bytes.
    var validMultibyte = 0
    /// Number of ASCII bytes.
    var asciiBytes = 0

    /// True when the buffer is valid UTF-8.
    var isValid: Bool { firstInvalidOffset == nil }

    /// Scans `bytes[start...]`.
    static func scan(_ bytes: [UInt8], from start: Int = 0) -> UTF8Scan {
        var result = UTF8Scan()
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = start
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    result.asciiBytes += 1
                    i += 1
                    continue
                }
                let length = validSequenceLength(b, at: i)
                if length > 0 {
                    result.validMultibyte += 1
                    i += length
                } else {
                    if result.firstInvalidOffset == nil { result.firstInvalidOffset = i }
                    result.invalidSequences += 1
                    i += max(1, maximalSubpart(b, at: i))
                }
            }
        }
        return result
    }

    /// Length (2–4) of the valid multi-byte sequence starting at `i`, or 0.
    @inline(__always)
    static func validSequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        @inline(__always) func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
        @inline(__always) func within(_ k: Int, _ lo: UInt8, _ hi: UInt8) -> Bool { k < n && b[k] >= lo && b[k] <= hi }
        switch c {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0:
            return within(i + 1, 0xA0, 0xBF) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xED:
            return within(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return within(i + 1, 0x90, 0xBF) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return within(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Length of the maximal subpart of an ill-formed sequence starting at `i` (at least 1): the
    /// lead byte plus the continuation bytes that were still acceptable.
    static func maximalSubpart(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = b.count
        let c = b[i]
        var (need, lo, hi): (Int, UInt8, UInt8)
        switch c {
        case 0xC2...0xDF: (need, lo, hi) = (1, 0x80, 0xBF)
        case 0xE0: (need, lo, hi) = (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (need, lo, hi) = (2, 0x80, 0xBF)
        case 0xED: (need, lo, hi) = (2, 0x80, 0x9F)
        case 0xF0: (need, lo, hi) = (3, 0x90, 0xBF)
        case 0xF1...0xF3: (need, lo, hi) = (3, 0x80, 0xBF)
        case 0xF4: (need, lo, hi) = (3, 0x80, 0x8F)
        default: return 1
        }
        var k = i + 1
        while need > 0, k < n, b[k] >= lo, b[k] <= hi {
            k += 1
            need -= 1
            (lo, hi) = (0x80, 0xBF)
        }
        return k - i
    }
}
