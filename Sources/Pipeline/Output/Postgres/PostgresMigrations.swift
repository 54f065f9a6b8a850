// SPDX-License-Identifier: GPL-2.0-or-later

import Logging
import PostgresNIO

/// The shared ledger's schema (`watcherd` in the database), as numbered migrations the daemon
/// applies itself at start-up: in one transaction under a transaction-level advisory lock, so
/// that hosts starting together apply each migration once, and a host that finds every version
/// applied changes nothing. A database whose schema is newer than this binary knows is refused.
///
/// Tables: `schema_migrations` (version, description, applied_at, applied_by); `hosts` (one row
/// per daemon process: its heartbeat); `claims` (content being processed: sha256, path, host,
/// claimed_at, taken_over_from); `inputs` (the ledger rows, as `STATE/ledger.sqlite` has them, plus
/// the host that finished them, when, and whose claim it took over); `documents` (one row per
/// document when `ledger_documents` is on: jsonb with GIN indexes on entities and quotes).
public enum PostgresMigrations {
    /// One schema version: statements run in order, in the migrating transaction.
    public struct Migration: Sendable {
        public var version: Int
        public var description: String
        public var statements: [String]
    }

    /// The schema's versions, oldest first. Never edit one that shipped: add the next.
    public static let all: [Migration] = [
        Migration(
            version: 1, description: "hosts, claims, inputs, documents",
            statements: [
                """
                CREATE TABLE watcherd.hosts (
                    host text PRIMARY KEY, hostname text NOT NULL, pid integer NOT NULL,
                    started_at timestamptz NOT NULL DEFAULT now(), heartbeat_at timestamptz NOT NULL DEFAULT now(),
                    stopped_at timestamptz)
                """,
                """
                CREATE TABLE watcherd.claims (
                    sha256 text PRIMARY KEY, path text NOT NULL, host text NOT NULL,
                    claimed_at timestamptz NOT NULL DEFAULT now(), taken_over_from text)
                """,
                "CREATE INDEX claims_path ON watcherd.claims (path)",
                "CREATE INDEX claims_host ON watcherd.claims (host)",
                """
                CREATE TABLE watcherd.inputs (
                    sha256 text PRIMARY KEY, path text NOT NULL, size bigint NOT NULL, first_seen text NOT NULL,
                    status text NOT NULL CHECK (status IN ('done', 'failed', 'skipped')), attempts integer NOT NULL,
                    last_error text, output_path text, duration_ms double precision, host text,
                    finished_at timestamptz NOT NULL DEFAULT now(), taken_over_from text)
                """,
                """
                CREATE FUNCTION watcherd.try_timestamptz(value text) RETURNS timestamptz
                LANGUAGE plpgsql STABLE AS $$
                BEGIN
                    RETURN value::timestamptz;
                EXCEPTION WHEN others THEN
                    RETURN NULL;
                END $$
                """,
                """
                CREATE TABLE watcherd.documents (
                    id text PRIMARY KEY, sha256 text NOT NULL, source_path text NOT NULL,
                    received_at timestamptz, published timestamptz, document jsonb NOT NULL,
                    stored_at timestamptz NOT NULL DEFAULT now())
                """,
                "CREATE INDEX documents_entities ON watcherd.documents USING gin ((document -> 'entities') jsonb_path_ops)",
                "CREATE INDEX documents_quotes ON watcherd.documents USING gin ((document -> 'quotes') jsonb_path_ops)",
                "CREATE INDEX documents_published ON watcherd.documents (published)",
            ])
    ]

    /// The newest version this binary knows.
    public static var latest: Int { all.last?.version ?? 0 }

    /// The schema is newer than this binary: an older watcherd must not write into it.
    public struct TooNew: Error, CustomStringConvertible {
        public var found: Int
        public var known: Int
        public var description: String {
            "ledger-schema: the database's watcherd schema is version \(found), newer than this binary's \(known): "
                + "upgrade watcherd on this host"
        }
    }

    /// Arbitrary key of the advisory lock that serialises migrations ("watcherd" in ASCII), as
    /// `pg_locks` shows it while a host migrates.
    public static let lockKey: Int64 = 0x7761_7463_6865_7264

    /// Applies the missing migrations in one transaction. Returns the versions applied (empty
    /// when the schema was current). `host` is recorded as `applied_by`.
    ///
    /// - Throws: ``TooNew``; the server's error when a statement fails (nothing is applied then).
    public static func migrate(
        on connection: PostgresConnection, host: String, logger: Logger
    ) async throws -> [Int] {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS watcherd", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS watcherd.schema_migrations (
                    version integer PRIMARY KEY, description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL)
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query(
                "SELECT coalesce(max(version), 0)::integer FROM watcherd.schema_migrations", logger: logger
            ).decode(Int.self) {
                current = version
            }
            guard current <= latest else { throw TooNew(found: current, known: latest) }
            var applied: [Int] = []
            for migration in all where migration.version > current {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    """
                    INSERT INTO watcherd.schema_migrations (version, description, applied_by)
                    VALUES (\(migration.version), \(migration.description), \(host))
                    """, logger: logger)
                applied.append(migration.version)
            }
            return applied
        }
    }
}
