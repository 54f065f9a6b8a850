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

    /// The row of `sha256`, or `nil`. One cached statement, outside a transaction (a single
    /// `SELECT` reads one snapshot): GRDB's query interface prepared the SQL again on every call,
    /// and a read-only `read` sets `query_only` and opens a savepoint around it, together a tenth
    /// of the daemon's CPU in a burst.
    public func entry(for sha256: String) throws -> LedgerEntry? {
        try database.inDatabase { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Self.columns) FROM inputs WHERE sha256 = ?"), arguments: [sha256]
            ).map { try Self.entry($0) }
        }
    }

    /// Inserts or replaces the rows of `entries` in one transaction; a content seen before keeps
    /// its `first_seen`.
    public func record(_ entries: [LedgerEntry]) throws {
        try database.write { db in
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO inputs (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, size = excluded.size,
                        status = excluded.status, attempts = excluded.attempts, last_error = excluded.last_error,
                        output_path = excluded.output_path, duration_ms = excluded.duration_ms
                    """)
            for entry in entries {
                try upsert.execute(arguments: [
                    entry.sha256, entry.path, entry.size, entry.firstSeen, entry.status.rawValue, entry.attempts,
                    entry.lastError, entry.outputPath, entry.durationMs,
                ])
            }
        }
    }

    public func count() throws -> Int {
        try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM inputs") ?? 0 }
    }

    /// The columns of `inputs`, in the order ``entry(_:)`` reads them.
    private static let columns =
        "sha256, path, size, first_seen, status, attempts, last_error, output_path, duration_ms"

    /// A row of ``columns`` as an entry.
    ///
    /// - Throws: GRDB's `RowDecodingError` for a value of the wrong type (never a trap), and
    ///   `DatabaseError` (`SQLITE_MISMATCH`) for a status this binary does not know.
    private static func entry(_ row: Row) throws -> LedgerEntry {
        let status = try row.decode(String.self, atIndex: 4)
        guard let known = LedgerEntry.Status(rawValue: status) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "unknown ledger status '\(status)'")
        }
        return LedgerEntry(
            sha256: try row.decode(atIndex: 0), path: try row.decode(atIndex: 1), size: try row.decode(atIndex: 2),
            firstSeen: try row.decode(atIndex: 3), status: known, attempts: try row.decode(atIndex: 5),
            lastError: try row.decode(atIndex: 6), outputPath: try row.decode(atIndex: 7),
            durationMs: try row.decode(atIndex: 8))
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
        try record(entries)
        return entries.count
    }
}
