// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import SystemPackage
import Testing

@testable import Pipeline

@Suite("Atomic file writer")
struct AtomicFileWriterTests {
    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a staged batch is invisible under its destinations until it is committed")
    func batchAppearsOnlyOnCommit() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let names = ["a.json", "sub/b.json", "sub/deeper/c.json"]
        let staged = try names.map { name in
            try AtomicFileWriter.stage(
                Array("{\"n\":\"\(name)\"}".utf8), to: FilePath(root.appendingPathComponent(name).path))
        }
        for name in names {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path))
        }
        #expect(staged.allSatisfy { $0.temporary.lastComponent!.string.hasPrefix(".") })

        let results = AtomicFileWriter.commit(staged, syncing: FilePath(root.path))
        #expect(results.count == 3)
        for (name, result) in zip(names, results) {
            #expect((try? result.get()) != nil)
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            #expect(text == "{\"n\":\"\(name)\"}")
        }
        #expect(AtomicFileWriter.removeLeftovers(in: FilePath(root.path)) == 0, "temporary files left behind")
    }

    @Test("a commit whose filesystem cannot be synced fails every file and leaves no temporary")
    func failedSyncFailsTheBatch() throws {
        let root = try directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let staged = try AtomicFileWriter.stage(
            Array("x".utf8), to: FilePath(root.appendingPathComponent("x.json").path))
        let results = AtomicFileWriter.commit([staged], syncing: FilePath(root.appendingPathComponent("missing").path))
        #expect(results.count == 1)
        #expect(throws: Errno.noSuchFileOrDirectory) { try results[0].get() }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("x.json").path))
        #expect(AtomicFileWriter.removeLeftovers(in: FilePath(root.path)) == 0)
    }
}
