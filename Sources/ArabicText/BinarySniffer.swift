// SPDX-License-Identifier: GPL-2.0-or-later

/// Tells binary files (images, archives, executables) from text.
///
/// A file is binary when it starts with a known signature (PNG, GIF, JPEG, PDF, ZIP, gzip, xz,
/// 7-Zip, ELF, Mach-O, WebAssembly, SQLite), when it holds a NUL byte anywhere (one rule for the
/// whole file: a NUL is never dropped silently), or when more than 2% (and at least 4) of its
/// first 4,096 bytes are C0 control bytes other than TAB, LF, VT, FF, CR and ESC. UTF-16 is
/// recognised before this check runs, so its NUL bytes are fine.
enum BinarySniffer {
    /// Number of leading bytes examined.
    static let window = 4096

    private static let signatures: [(name: String, bytes: [UInt8])] = [
        ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("GIF image", Array("GIF8".utf8)),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("PDF document", Array("%PDF-".utf8)),
        ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("gzip data", [0x1F, 0x8B]),
        ("xz data", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("Mach-O executable", [0xCF, 0xFA, 0xED, 0xFE]),
        ("WebAssembly module", [0x00, 0x61, 0x73, 0x6D]),
        ("SQLite database", Array("SQLite format 3".utf8)),
    ]

    /// A short reason when `bytes` look binary, else `nil`.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        for signature in signatures where bytes.count >= signature.bytes.count {
            if bytes.starts(with: signature.bytes) { return "binary content (\(signature.name) signature)" }
        }
        let end = min(bytes.count, window)
        var controls = 0
        let nul: Int? = bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < end {
                // Eight bytes with none below 0x20 (see `ByteWord`) hold no NUL and no control.
                if i + 8 <= end && !ByteWord.hasByte(below: 0x20, in: ByteWord.load(b, at: i)) {
                    i += 8
                    continue
                }
                let c = b[i]
                if c == 0 { return i }
                switch c {
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x20...: break
                default: controls += 1
                }
                i += 1
            }
            return nil
        }
        if let nul = nul ?? bytes[end...].firstIndex(of: 0) { return "binary content (NUL byte at offset \(nul))" }
        if controls >= 4 && controls * 50 > end {
            return "binary content (\(controls) control bytes in the first \(end) bytes)"
        }
        return nil
    }
}
