// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import GRDB
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

    @Test("every field comes back as recorded, from one batch and after reopening; an unknown status is an error")
    func fieldsRoundTrip() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = FilePath(root.appendingPathComponent("ledger.sqlite").path)
        let output = FilePath(root.appendingPathComponent("output").path)
        let entries = [
            LedgerEntry(
                sha256: "01", path: "a/x.txt", size: 12_345, firstSeen: "2026-12-01T10:00:00Z", status: .done,
                attempts: 2, lastError: nil, outputPath: "a/x.txt.json", durationMs: 12.75),
            LedgerEntry(
                sha256: "02", path: "b/ي.txt", size: 0, firstSeen: "2026-12-01T10:00:01Z", status: .failed,
                attempts: 3, lastError: "empty: no text", outputPath: nil, durationMs: nil),
            LedgerEntry(sha256: "03", path: "c.txt", size: 7, firstSeen: "t", status: .skipped),
        ]
        do {
            let ledger = try SQLiteLedger(path: path, outputTree: output, logger: Logger(label: "test"))
            try ledger.record(entries)
            #expect(try entries.map { try ledger.entry(for: $0.sha256) } == entries)
            #expect(try ledger.entry(for: "04") == nil)
        }
        let reopened = try SQLiteLedger(path: path, outputTree: output, logger: Logger(label: "test"))
        #expect(try reopened.count() == 3)
        #expect(try entries.map { try reopened.entry(for: $0.sha256) } == entries)
        var newer = entries[0]
        newer.sha256 = "05"
        try reopened.record([newer])
        try GRDB.DatabaseQueue(path: path.string).write { db in
            try db.execute(sql: "UPDATE inputs SET status = 'archived-elsewhere' WHERE sha256 = '05'")
        }
        #expect(throws: GRDB.DatabaseError.self) { try reopened.entry(for: "05") }
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
