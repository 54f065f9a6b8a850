// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch
import Foundation
import Logging
import Pipeline
import Synchronization
import TestSupport
import Testing

/// ``PostgresLedger`` against a private PostgreSQL cluster: migrations, claims, take-over after
/// the lease, `done` ending the claim, and what happens while the server is down. Skipped with a
/// message when PostgreSQL is not installed, except under CI.
@Suite(.serialized, .enabled(if: PostgresCluster.runnable, PostgresCluster.skipMessage))
struct PostgresLedgerTests {
    /// A ledger with its connection pool and its heartbeat running, as the daemon's services run
    /// them; ``stop()`` ends both.
    final class Running: Sendable {
        let ledger: PostgresLedger
        let client: Task<Void, Never>
        let heartbeat: Task<Void, Never>

        init(_ url: String, leaseMs: Int = 2_000, heartbeatMs: Int = 500) throws {
            guard case .postgres(let location) = try LedgerLocation.parse(url) else { throw Unexpected() }
            let ledger = PostgresLedger(
                location: location, settings: .init(leaseMs: leaseMs, heartbeatMs: heartbeatMs, maxBackoffMs: 1_000),
                storesDocuments: true, logger: Logger(label: "test"), callTimeoutSeconds: 3)
            self.ledger = ledger
            client = Task { await ledger.client.run() }
            heartbeat = Task { await ledger.maintain() }
        }

        /// Stops the heartbeat only: the host looks dead to the others, its connections stay.
        func stopHeartbeat() { heartbeat.cancel() }

        func stop() {
            heartbeat.cancel()
            client.cancel()
        }
    }

    struct Unexpected: Error {}

    /// Runs `body` on a Dispatch thread, as the engine calls the ledger (never from a task).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Polls until `running` has reached the server. Generous: the whole suite runs in parallel on
    /// two cores, and a loaded run once took past 180 s to see a cluster that had already migrated
    /// (its first heartbeats missed their 3 s deadline). What these tests check is not timing.
    static func reachable(_ running: Running, timeout: Double = 600) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if running.ledger.health.reachable { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return false
    }

    static func done(_ sha256: String, _ path: String) -> LedgerEntry {
        LedgerEntry(sha256: sha256, path: path, size: 10, status: .done, outputPath: path + ".json")
    }

    @Test("the first host migrates the schema; a second host on the migrated database changes nothing")
    func migrationsRunOnce() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let first = try Running(cluster.url)
        defer { first.stop() }
        #expect(await Self.reachable(first))
        let before = try cluster.query(
            "SELECT version, description, applied_at, applied_by FROM watcherd.schema_migrations")
        #expect(before.count == PostgresMigrations.latest)
        #expect(before.first?.last == first.ledger.hostID)
        let second = try Running(cluster.url)
        defer { second.stop() }
        #expect(await Self.reachable(second))
        #expect(
            try cluster.query("SELECT version, description, applied_at, applied_by FROM watcherd.schema_migrations")
                == before)
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.hosts WHERE stopped_at IS NULL") == 2)
    }

    @Test(
        "a migration that waits longer than a call's deadline (its lock held elsewhere for 8 s) is not cut short: one attempt waits for the lock and completes"
    )
    func slowMigrationIsNotCutShort() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        // Another session holds the migrations' advisory lock for 8 s, as a slow migration on a
        // loaded server would: every migration attempt waits for it.
        async let holder: [[String]] = Self.blocking {
            try cluster.query("SELECT pg_advisory_lock(\(PostgresMigrations.lockKey)); SELECT pg_sleep(8)")
        }
        let held = Date()
        while try cluster.integer("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted") == 0 {
            guard Date().timeIntervalSince(held) < 60 else {
                Issue.record("the lock holder never took the lock")
                return
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let host = try Running(cluster.url)
        defer { host.stop() }
        // The server sessions that waited for the lock: one per migration attempt. An attempt cut
        // short by the call deadline leaves its session waiting and the next attempt adds another.
        var waiters = Set<String>()
        let deadline = Date().addingTimeInterval(600)
        while !host.ledger.health.reachable, Date() < deadline {
            let waiting = try cluster.query("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            waiters.formUnion(waiting.compactMap(\.first))
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let reached = Date()
        _ = try await holder
        #expect(host.ledger.health.reachable)
        #expect(reached.timeIntervalSince(held) > 5, "reachable only once the lock was released")
        #expect(waiters.count == 1, "migration attempts that waited for the lock: \(waiters.count)")
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.schema_migrations") == PostgresMigrations.latest)
    }

    @Test(
        "one host at a time holds a content; done ends its claim in the same transaction; a duplicate elsewhere is finalised, the same path is left to its host"
    )
    func claimsAreExclusive() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let (a, b) = (try Running(cluster.url, leaseMs: 5_000), try Running(cluster.url, leaseMs: 5_000))
        defer { a.stop(); b.stop() }
        #expect(await Self.reachable(a))
        #expect(await Self.reachable(b))
        let hash = String(repeating: "ab", count: 32)
        #expect(try await Self.blocking { try a.ledger.claim(hash, path: "x.txt") } == .claimed)
        #expect(try await Self.blocking { try a.ledger.claim(hash, path: "x.txt") } == .claimed, "re-entrant")
        let waiting = try await Self.blocking { try b.ledger.claim(hash, path: "y.txt") }
        #expect(waiting == .wait(retryAfterMs: 500, holder: a.ledger.hostID))
        let onPath = try await Self.blocking { try b.ledger.claimOnPath("x.txt") }
        #expect(onPath == .wait(retryAfterMs: 500, holder: a.ledger.hostID))
        #expect(try await Self.blocking { try a.ledger.claimOnPath("x.txt") } == nil, "its own claim")

        let document = LedgerDocument(sha256: hash, sourcePath: "x.txt", json: Array(#"{"id":"sha256:ab"}"#.utf8))
        try await Self.blocking { try a.ledger.record([Self.done(hash, "x.txt")], documents: [document]) }
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.claims") == 0)
        #expect(try cluster.query("SELECT status, host FROM watcherd.inputs") == [["done", a.ledger.hostID]])
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.documents") == 1)
        #expect(try await Self.blocking { try b.ledger.claimOnPath("x.txt") } == nil)
        guard case .recorded(let entry) = try await Self.blocking({ try b.ledger.claim(hash, path: "y.txt") }) else {
            Issue.record("a done content under another name is not a duplicate to finalise")
            return
        }
        #expect(entry.outputPath == "x.txt.json")
        let samePath = try await Self.blocking { try b.ledger.claim(hash, path: "x.txt") }
        #expect(samePath == .wait(retryAfterMs: 500, holder: a.ledger.hostID), "host A is still moving x.txt")
        #expect(try await Self.blocking { try a.ledger.count() } == 1)
    }

    @Test("a host that stops heart-beating loses its claim after the lease, not before; its late done changes nothing")
    func takeOverAfterLease() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let (a, b) = (try Running(cluster.url), try Running(cluster.url))
        defer { a.stop(); b.stop() }
        #expect(await Self.reachable(a))
        #expect(await Self.reachable(b))
        let hash = String(repeating: "cd", count: 32)
        #expect(try await Self.blocking { try a.ledger.claim(hash, path: "x.txt") } == .claimed)
        a.stopHeartbeat()
        let stopped = Date()
        var result = ClaimResult.wait(retryAfterMs: 0, holder: "")
        while Date().timeIntervalSince(stopped) < 10 {
            result = try await Self.blocking { try b.ledger.claim(hash, path: "x.txt") }
            if result == .claimed { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        let waited = Date().timeIntervalSince(stopped)
        #expect(result == .claimed)
        #expect(waited >= 1.5, "taken over after \(waited) s, before the 2 s lease ran out (less one heartbeat)")
        try await Self.blocking { try b.ledger.record([Self.done(hash, "x.txt")]) }
        try await Self.blocking { try a.ledger.record([Self.done(hash, "x.txt")]) }
        #expect(
            try cluster.query("SELECT status, host, taken_over_from FROM watcherd.inputs")
                == [["done", b.ledger.hostID, a.ledger.hostID]])
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.claims") == 0)
    }

    @Test(
        "while the server is down calls fail fast as ledger-unavailable and observers hear it; they hear it come back")
    func unreachableAndBack() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let a = try Running(cluster.url)
        defer { a.stop() }
        let heard = Mutex<[Bool]>([])
        a.ledger.observeReachability { reachable in heard.withLock { $0.append(reachable) } }
        #expect(await Self.reachable(a))
        cluster.stopServer()
        let started = Date()
        var failure: (any Error)?
        while Date().timeIntervalSince(started) < 20, failure == nil {
            do { _ = try await Self.blocking { try a.ledger.count() } } catch { failure = error }
        }
        #expect(failure is LedgerUnavailable, "\(String(describing: failure))")
        #expect(!a.ledger.health.reachable && a.ledger.health.unreachableSince != nil)
        let fast = Date()
        #expect(throws: LedgerUnavailable.self) { _ = try a.ledger.claim("ef", path: "z.txt") }
        #expect(Date().timeIntervalSince(fast) < 0.5, "a call while unreachable waits for nothing")
        try cluster.startServer()
        #expect(await Self.reachable(a, timeout: 60), "the heartbeat did not reconnect")
        #expect(heard.withLock { $0 }.suffix(2) == [false, true])
        #expect(try await Self.blocking { try a.ledger.count() } == 0)
    }
}
