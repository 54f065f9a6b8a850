// SPDX-License-Identifier: GPL-2.0-or-later

/// The names the intake never takes: dot-files and temporary names (`.*`, `*.part`, `*.tmp`,
/// `*~`, `*.swp`). Such a file is taken once it is renamed to a plain name.
public enum IgnoredNames {
    private static let suffixes: [[UInt8]] = [
        Array(".part".utf8), Array(".tmp".utf8), Array(".swp".utf8), Array("~".utf8),
    ]

    /// Whether the last path component `name` (raw bytes) is a dot-file or temporary name.
    public static func isIgnored(_ name: some Collection<UInt8>) -> Bool {
        guard let first = name.first else { return true }
        if first == UInt8(ascii: ".") { return true }
        let bytes = Array(name)
        return suffixes.contains { bytes.count > $0.count && bytes.suffix($0.count).elementsEqual($0) }
    }
}
