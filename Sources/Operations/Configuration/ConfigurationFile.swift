// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import SystemPackage
import TOMLKit

/// Reads `watcherd.toml` (TOML, through TOMLKit and toml++): top-level keys from
/// ``ConfigurationKey``, checked for type and range. Every problem is collected with its line.
public enum ConfigurationFile {
    /// The default location, read when it exists and no `--config` is given.
    public static let defaultPath = "/etc/watcherd/watcherd.toml"

    /// One value read from the file, with its line.
    public struct Entry: Sendable, Equatable {
        public var value: ConfigurationValue
        public var line: Int?

        public init(value: ConfigurationValue, line: Int?) {
            self.value = value
            self.line = line
        }
    }

    /// Reads and checks the file at `path`. Paths in it are made absolute against the file's
    /// directory. Throws ``ConfigurationError`` listing every problem.
    public static func load(path: String) throws(ConfigurationError) -> [ConfigurationKey: Entry] {
        // FileHandle rather than String(contentsOfFile:), which refuses /dev/null (an empty file).
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigurationError([
                .init(code: "unreadable-file", key: nil, file: path, message: "cannot read: \(Errno(rawValue: errno))")
            ])
        }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() ?? Data(), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError([
                .init(code: "unreadable-file", key: nil, file: path, message: "cannot read, or not UTF-8 text")
            ])
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Parses `text` (named `file` in messages). Pure apart from nothing: no I/O.
    public static func parse(
        _ text: String, file: String, baseDirectory: String
    ) throws(ConfigurationError) -> [ConfigurationKey: Entry] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError([
                .init(code: "syntax", key: nil, file: file, line: error.source.begin.line, message: error.description)
            ])
        } catch {
            throw ConfigurationError([.init(code: "syntax", key: nil, file: file, message: "\(error)")])
        }
        let locator = TOMLKeyLocator(text: text)
        var entries: [ConfigurationKey: Entry] = [:]
        var problems: [ConfigurationProblem] = []
        for name in table.keys {
            guard let node = table[name] else { continue }
            let line = locator.line(of: name)
            func problem(_ code: String, _ message: String) {
                problems.append(.init(code: code, key: name, file: file, line: line, message: message))
            }
            guard let key = ConfigurationKey(rawValue: name) else {
                if node.type == .table {
                    problem("unknown-key", "tables are not used: every key is at the top level of the file")
                } else {
                    let hint = ConfigurationKey.closest(to: name).map { " (did you mean \($0.rawValue)?)" } ?? ""
                    problem("unknown-key", "unknown key\(hint)")
                }
                continue
            }
            let value: ConfigurationValue
            switch (key.kind, node.type) {
            case (.integer, .int): value = .integer(node.int ?? 0)
            case (.boolean, .bool): value = .boolean(node.bool ?? false)
            case (.path, .string), (.string, .string): value = .string(node.string ?? "")
            default:
                problem("wrong-type", "expects \(key.kind.noun), not \(node.type)")
                continue
            }
            if let message = ServiceConfiguration.check(key, value) {
                problem(message.code, message.text)
                continue
            }
            entries[key] = Entry(value: ServiceConfiguration.absolutised(key, value, base: baseDirectory), line: line)
        }
        guard problems.isEmpty else {
            throw ConfigurationError(problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return entries
    }
}

extension ConfigurationKey.Kind {
    /// `an integer`, `true or false`, `a string`.
    var noun: String {
        switch self {
        case .integer: "an integer"
        case .boolean: "true or false"
        case .path: "a path (a string)"
        case .string: "a string"
        }
    }
}

extension ConfigurationKey {
    /// The key whose name is closest to `name` (edit distance at most 3), for "did you mean".
    static func closest(to name: String) -> ConfigurationKey? {
        let scored = allCases.map { ($0, editDistance(Array(name.utf8), Array($0.rawValue.utf8))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
