// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Logging
import SystemPackage
import Testing

@testable import Pipeline

struct SQLiteLedgerTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("output/a"), withIntermediateDirectories: true)
        return url
    }

    @Test("an entry is recorded once per content and keeps its first-seen time")
    func recordsByContent() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let ledger = try SQLiteLedger(
            path: FilePath(root.appendingPathComponent("ledger.sqlite").path),
            outputTree: FilePath(root.appendingPathComponent("output").path), logger: Logger(label: "test"))
        try ledger.record(LedgerEntry(sha256: "ab", path: "x.txt", size: 3, firstSeen: "t1", status: .failed))
        try ledger.record(
            LedgerEntry(sha256: "ab", path: "y.txt", size: 3, firstSeen: "t2", status: .done, outputPath: "y.txt.json"))
        #expect(try ledger.count() == 1)
        let entry = try #require(try ledger.entry(for: "ab"))
        #expect(entry.status == .done && entry.path == "y.txt" && entry.firstSeen == "t1")
    }

    @Test("a corrupt ledger is kept aside and rebuilt from the documents in the output tree")
    func corruptLedgerRebuiltFromOutput() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let sha = String(repeating: "c", count: 64)
        let document =
            #"{"source":{"path":"a/n.txt","name":"n.txt","bytes":12,"sha256":"\#(sha)","received_at":"2026-01-01T00:00:00Z"}}"#
        try Data(document.utf8).write(to: root.appendingPathComponent("output/a/n.txt.json"))
        let path = root.appendingPathComponent("ledger.sqlite")
        try Data(repeating: 0x42, count: 8192).write(to: path)
        let ledger = try SQLiteLedger(
            path: FilePath(path.path), outputTree: FilePath(root.appendingPathComponent("output").path),
            logger: Logger(label: "test"))
        let entry = try #require(try ledger.entry(for: sha))
        #expect(entry.status == .done && entry.outputPath == "a/n.txt.json" && entry.size == 12)
        let aside = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            $0.hasPrefix("ledger.sqlite.corrupt-")
        }
        #expect(!aside.isEmpty)
    }
}
