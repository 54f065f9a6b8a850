// SPDX-License-Identifier: GPL-2.0-or-later

/// Fits a file name into a filesystem's per-component limit (255 bytes on ext4, XFS, tmpfs) with
/// room for the suffixes the daemon adds (`.json`, `.error.json`, `.<n>`, a temporary prefix and
/// suffix). A name that fits is returned unchanged; a longer one keeps its first bytes (cut at a
/// UTF-8 boundary) and ends with `~` and the first 8 hex digits of the SHA-256 of the whole name,
/// so two long names that share a prefix stay distinct. Documents and failure records carry the
/// full original path, so nothing is lost.
public enum NameFitter {
    /// `name` (raw bytes, no `/`), at most `limit` bytes long.
    public static func fit(_ name: [UInt8], limit: Int) -> [UInt8] {
        precondition(limit > 16, "a name limit leaves room for the hash suffix")
        guard name.count > limit else { return name }
        var cut = limit - 9
        // Do not split a UTF-8 sequence: back off over continuation bytes (10xxxxxx).
        while cut > 0, name[cut] & 0xC0 == 0x80 { cut -= 1 }
        let digest = InputFile.sha256Hex(name).utf8.prefix(8)
        return Array(name[..<cut]) + [UInt8(ascii: "~")] + digest
    }
}
