// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import SystemPackage
import Testing

@testable import Pipeline

@Suite("Inbox scanner")
struct InboxScannerTests {
    private func tree(_ files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString)")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        return root
    }

    @Test("walks subdirectories, skips dot-directories and temporary names")
    func walksTheWholeTree() throws {
        let root = try tree(["a.txt", "b/c.txt", "b/d/e.json", ".staging/f.txt", "g.tmp", "h.part", ".i.swp"])
        defer { try? FileManager.default.removeItem(at: root) }
        var seen: [String] = []
        let complete = InboxScanner.walk(FilePath(root.path)) { path in
            seen.append(String(path.relative(to: FilePath(root.path))!.string))
            return true
        }
        #expect(complete)
        #expect(seen.sorted() == ["a.txt", "b/c.txt", "b/d/e.json"])
    }

    @Test("stops as soon as the visitor says so")
    func stopsEarly() throws {
        let root = try tree((0..<10).map { "f\($0).txt" })
        defer { try? FileManager.default.removeItem(at: root) }
        var visits = 0
        let complete = InboxScanner.walk(FilePath(root.path)) { _ in
            visits += 1
            return visits < 3
        }
        #expect(!complete)
        #expect(visits == 3)
    }

    @Test("an unreadable root is reported, not thrown")
    func missingRoot() {
        var failures: [Errno] = []
        let complete = InboxScanner.walk(
            FilePath("/nonexistent-\(UUID().uuidString)"), unreadable: { failures.append($1) }, visit: { _ in true })
        #expect(complete)
        #expect(failures == [.noSuchFileOrDirectory])
    }
}
