// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport

/// Headless Chromium (Debian's `chromium`, installed by `make setup`) for the page tests: the DOM
/// after load (`--dump-dom`) and screenshots. Without it the tests skip with a message, except
/// under CI (`CI` set), where they run and fail.
enum Chromium {
    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var runnable: Bool { executable != nil || SharedData.isCI }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Where the tests leave their pages and screenshots: `<package>/.build/pages-screenshots`.
    static let outputDirectory: URL = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/pages-screenshots", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// The serialised DOM of `page` after it loaded (and after any script it runs).
    static func dumpDOM(_ page: URL, fragment: String = "") throws -> String {
        try run(["--dump-dom", page.absoluteString + fragment])
    }

    /// Saves a PNG of `page` at `size` (width, height) to `png`.
    static func screenshot(_ page: URL, fragment: String = "", to png: URL, size: (Int, Int)) throws {
        try? FileManager.default.removeItem(at: png)
        _ = try run([
            "--screenshot=\(png.path)", "--window-size=\(size.0),\(size.1)", "--hide-scrollbars",
            page.absoluteString + fragment,
        ])
        guard FileManager.default.fileExists(atPath: png.path) else {
            throw Failed(description: "chromium wrote no screenshot at \(png.path)")
        }
    }

    static func run(_ arguments: [String]) throws -> String {
        guard let executable else { throw Failed(description: "chromium not installed (Debian package chromium)") }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pages-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments =
            [
                "180", executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=\(profile.path)",
            ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "chromium exited with \(process.terminationStatus) for \(arguments)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Occurrences of `pattern` in `text`, with their first capture group (or the match).
    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(group, in: text).map { String(text[$0]) } ?? ""
        }
    }
}
