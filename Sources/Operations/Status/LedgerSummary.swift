// SPDX-License-Identifier: GPL-2.0-or-later

import GRDB
import Pipeline
import SystemPackage

/// Ledger totals by status, read from `ledger.sqlite` read-only (the daemon may be writing).
public enum LedgerSummary {
    /// `["done": n, "failed": n, ...]`; throws when the database cannot be opened or read.
    public static func counts(at path: FilePath) throws -> [String: Int] {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path.string, configuration: configuration)
        return try database.read { db in
            var counts: [String: Int] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT status, COUNT(*) AS n FROM \(LedgerEntry.databaseTableName) GROUP BY status")
            for row in rows { counts[row["status"] as String? ?? "?"] = row["n"] }
            return counts
        }
    }
}
