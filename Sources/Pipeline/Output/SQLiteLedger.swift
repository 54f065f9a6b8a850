// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import GRDB
import Logging
import SystemPackage

/// The ledger in an SQLite database (`STATE/ledger.sqlite`, WAL mode) through GRDB.
///
/// A ledger that is missing or corrupt is rebuilt from the output tree (every document carries its
/// input's hash in `id` and its path in `source.path`), never from nothing; a corrupt file is kept
/// aside as `ledger.sqlite.corrupt-<time>`.
public final class SQLiteLedger: Ledger {
    private let database: DatabaseQueue
    /// The database file.
    public let path: FilePath

    public var health: LedgerHealth { LedgerHealth(backend: "sqlite", location: path.string, reachable: true) }

    /// Opens or creates the ledger at `path`, rebuilding it from `outputTree` when it is missing or
    /// unreadable. Throws when a fresh database cannot be created either.
    public init(path: FilePath, outputTree: FilePath, logger: Logger) throws {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path.string)
        var opened: DatabaseQueue?
        if existed {
            do {
                let queue = try Self.open(path)
                let check = try queue.read { try String.fetchOne($0, sql: "PRAGMA quick_check") }
                guard check == "ok" else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check) }
                opened = queue
            } catch {
                let aside = path.string + ".corrupt-\(Int(Date().timeIntervalSince1970))"
                logger.error(
                    "ledger is corrupt; keeping it aside and rebuilding from the output tree",
                    metadata: ["path": "\(path)", "aside": "\(aside)", "error": "\(error)"])
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.moveItem(atPath: path.string + suffix, toPath: aside + suffix)
                }
            }
        }
        if let opened {
            database = opened
            return
        }
        database = try Self.open(path)
        let rebuilt = try rebuild(from: outputTree)
        logger.notice(
            existed ? "ledger rebuilt from the output tree" : "new ledger; seeded from the output tree",
            metadata: ["documents": "\(rebuilt)", "path": "\(path)"])
    }

    private static func open(_ path: FilePath) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: path.string, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: LedgerEntry.databaseTableName) { table in
                table.primaryKey("sha256", .text)
                table.column("path", .text).notNull()
                table.column("size", .integer).notNull()
                table.column("first_seen", .text).notNull()
                table.column("status", .text).notNull()
                table.column("attempts", .integer).notNull()
                table.column("last_error", .text)
                table.column("output_path", .text)
                table.column("duration_ms", .double)
            }
        }
        try migrator.migrate(queue)
        return queue
    }

    public func entry(for sha256: String) throws -> LedgerEntry? {
        try database.read { try LedgerEntry.fetchOne($0, key: sha256) }
    }

    public func record(_ entries: [LedgerEntry]) throws {
        try database.write { db in
            for var entry in entries {
                if let existing = try LedgerEntry.fetchOne(db, key: entry.sha256) {
                    entry.firstSeen = existing.firstSeen
                }
                try entry.save(db)
            }
        }
    }

    public func count() throws -> Int {
        try database.read { try LedgerEntry.fetchCount($0) }
    }

    /// Inserts a `done` entry for every document under `outputTree`. Returns how many.
    private func rebuild(from outputTree: FilePath) throws -> Int {
        struct Header: Decodable {
            struct Source: Decodable {
                let path: String
                let bytes: Int
                let sha256: String
                let received_at: String
            }
            let source: Source
        }
        guard let walker = FileManager.default.enumerator(atPath: outputTree.string) else { return 0 }
        var entries: [LedgerEntry] = []
        let decoder = JSONDecoder()
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".json"), !(relative as NSString).lastPathComponent.hasPrefix(".") else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: outputTree.string + "/" + relative),
                let header = try? decoder.decode(Header.self, from: data)
            else { continue }
            entries.append(
                LedgerEntry(
                    sha256: header.source.sha256, path: header.source.path, size: header.source.bytes,
                    firstSeen: header.source.received_at, status: .done, outputPath: relative))
        }
        try database.write { db in
            for entry in entries { try entry.save(db) }
        }
        return entries.count
    }
}
