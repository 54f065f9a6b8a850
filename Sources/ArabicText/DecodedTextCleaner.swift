// SPDX-License-Identifier: GPL-2.0-or-later

/// Builds the `text` of a decoded article: CRLF and lone CR become LF, and the C0 controls
/// (U+0000–U+001F except TAB and LF), DEL (U+007F) and the C1 controls (U+0080–U+009F) are removed.
enum DecodedTextCleaner {
    /// The cleaned text of `bytes` when they are valid UTF-8 (strict, checked by the standard
    /// library's validator), else `nil`. Copies only when something needs cleaning.
    static func validUTF8String(_ bytes: [UInt8]) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return needsCleaning(bytes) ? string(fromValidUTF8: bytes, from: 0) : text
    }

    /// True when valid UTF-8 `bytes` hold a CR, a control character other than TAB and LF, DEL or
    /// a C1 control (C2 80–C2 9F). Eight bytes at a time: a word with no byte below 0x20, no 0x7F
    /// and no 0xC2 is skipped whole (see `ByteWord`).
    static func needsCleaning(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b -> Bool in
            let n = b.count
            var i = 0
            while i + 8 <= n {
                let x = ByteWord.load(b, at: i)
                if ByteWord.hasByte(below: 0x20, in: x) || ByteWord.hasByte(0x7F, in: x)
                    || ByteWord.hasByte(0xC2, in: x),
                    needsCleaning(b, i, i + 8)
                {
                    return true
                }
                i += 8
            }
            return needsCleaning(b, i, n)
        }
    }

    /// `needsCleaning` for the bytes `[start, end)` of `b`, one at a time.
    private static func needsCleaning(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for i in start..<end {
            let c = b[i]
            if c < 0x20 {
                if c != 0x0A && c != 0x09 { return true }
            } else if c == 0x7F {
                return true
            } else if c == 0xC2 && i + 1 < b.count && b[i + 1] <= 0x9F {
                return true
            }
        }
        return false
    }

    /// Cleans valid UTF-8 `bytes[start...]` (the caller has validated them) into a `String`.
    static func string(fromValidUTF8 bytes: [UInt8], from start: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count - start)
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = start
            while i < n {
                let c = b[i]
                if c >= 0x20 && c < 0x7F || c == 0x0A || c == 0x09 || (c >= 0x80 && c != 0xC2) {
                    // A run of bytes that need no cleaning, copied at once.
                    var j = i + 1
                    while j < n {
                        let d = b[j]
                        if d < 0x20 && d != 0x0A && d != 0x09 || d == 0x7F || d == 0xC2 { break }
                        j += 1
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                    i = j
                } else if c < 0x80 {
                    if c == 0x0A || c == 0x09 {
                        out.append(c)
                    } else if c == 0x0D {
                        out.append(0x0A)
                        if i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                    }
                    i += 1
                } else if c == 0xC2 && i + 1 < n && b[i + 1] >= 0x80 && b[i + 1] <= 0x9F {
                    i += 2  // C1 control U+0080–U+009F
                } else {
                    out.append(c)
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Cleans a sequence of scalars (already decoded from UTF-16 or a code page) into a `String`.
    static func string<S: Sequence>(fromScalars scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        var pendingCR = false
        for s in scalars {
            let v = s.value
            if pendingCR {
                pendingCR = false
                if v == 0x0A { continue }
            }
            if v < 0x20 || (v >= 0x7F && v <= 0x9F) {
                if v == 0x0A || v == 0x09 {
                    view.append(s)
                } else if v == 0x0D {
                    view.append("\n")
                    pendingCR = true
                }
                continue
            }
            view.append(s)
        }
        return String(view)
    }
}
