// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Finds the line of a key in TOML text, for error messages (toml++ reports lines for syntax
/// errors only). Understands what a configuration file uses: `key = value` lines, `[table]`
/// headers, comments, and quoted keys; a key inside a table is found as `table.key`.
///
/// Pure: no I/O.
public struct TOMLKeyLocator: Sendable {
    /// First line (1-based) of each dotted key and each table header.
    private var lines: [String: Int] = [:]

    public init(text: String) {
        var table = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            guard let first = line.first, first != "#" else { continue }
            if first == "[" {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.unquote(inner.trimmingCharacters(in: .whitespaces))
                if lines[table] == nil { lines[table] = index + 1 }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = Self.unquote(line[..<equals].trimmingCharacters(in: .whitespaces))
            let dotted = table.isEmpty ? key : table + "." + key
            if lines[dotted] == nil { lines[dotted] = index + 1 }
        }
    }

    /// The line of `key` (dotted for keys inside tables), or `nil` when it is not in the text.
    public func line(of key: String) -> Int? { lines[key] }

    private static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return String(text)
    }
}
