// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The ledger shared by several hosts, in PostgreSQL through postgres-nio (schema `watcherd`,
/// see ``PostgresMigrations``).
///
/// - **Claims**: ``claim(_:path:)`` inserts the content hash into `claims` (`INSERT ... ON
///   CONFLICT DO NOTHING`); a conflicting claim whose host stopped heart-beating for the lease is
///   taken over with a compare-and-set on its holder. The lease decisions are
///   ``LeaseStateMachine``'s; ages come from the database's clock.
/// - **Heartbeat**: ``maintain()`` (run by ``PostgresLeaseService`` in the daemon's service group)
///   renews this process's row in `hosts`, which keeps all its claims alive, applies the
///   migrations first, and probes the connection with backoff while the database is unreachable.
/// - **Done and failed**: ``record(_:documents:)`` writes the `inputs` rows, ends the claims, and
///   stores the documents (when ``storesDocuments``) in one transaction.
///
/// Calls are synchronous (see ``BlockingBridge``), with a deadline of `callTimeoutSeconds`. While
/// the database is unreachable they throw ``LedgerUnavailable`` at once, and the reachability
/// observers (the intake) are told, so that the intake pauses instead of failing article after
/// article.
public final class PostgresLedger: Ledger {
    /// The connection pool: a swift-service-lifecycle `Service` that must run (in the daemon's
    /// service group, before the pipeline) for any call to succeed.
    public let client: PostgresClient
    public let location: LedgerLocation.PostgresLocation
    /// This process in `hosts` and `claims`: `hostname/pid/nonce`.
    public let hostID: String
    public let storesDocuments: Bool
    public var isShared: Bool { true }
    private let logger: Logger
    private let callTimeoutSeconds: Double
    private let migrationTimeoutSeconds: Double
    private let state: Mutex<State>

    private struct State {
        var machine: LeaseStateMachine
        var migrated = false
        var claims: Int?
        var unreachableSince: String?
        var lastProblem: String?
        var observers: [@Sendable (Bool) -> Void] = []
    }

    /// - Parameters:
    ///   - settings: lease and heartbeat periods.
    ///   - storesDocuments: also write each document into `watcherd.documents`.
    ///   - callTimeoutSeconds: how long a call waits for its answer before the ledger counts as
    ///     unreachable.
    ///   - migrationTimeoutSeconds: how long the schema migrations at start-up may take (at least
    ///     `callTimeoutSeconds`).
    public init(
        location: LedgerLocation.PostgresLocation, settings: LeaseStateMachine.Settings, storesDocuments: Bool,
        logger: Logger, callTimeoutSeconds: Double = 5, migrationTimeoutSeconds: Double = 120
    ) {
        self.location = location
        self.storesDocuments = storesDocuments
        self.logger = logger
        self.callTimeoutSeconds = callTimeoutSeconds
        self.migrationTimeoutSeconds = max(migrationTimeoutSeconds, callTimeoutSeconds)
        let hostname = Self.hostname
        hostID = "\(hostname)/\(getpid())/\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let tls: PostgresClient.Configuration.TLS =
            switch location.tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(Int64(max(1, callTimeoutSeconds)))
        configuration.options.maximumConnections = 8
        var background = logger
        background.logLevel = .error
        client = PostgresClient(configuration: configuration, backgroundLogger: background)
        state = Mutex(
            State(
                machine: LeaseStateMachine(
                    settings: settings, now: System.monotonicNanoseconds(), random: { Double.random(in: 0...1) })))
    }

    /// `gethostname(2)` (no DNS look-up, unlike Foundation's `hostName`).
    static let hostname: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    // MARK: - Ledger

    public var health: LedgerHealth {
        state.withLock { state in
            LedgerHealth(
                backend: "postgresql", location: location.redacted, reachable: state.machine.isReachable,
                unreachableSince: state.unreachableSince, host: hostID, claims: state.claims)
        }
    }

    public func observeReachability(_ observer: @escaping @Sendable (Bool) -> Void) {
        let reachable = state.withLock { state in
            state.observers.append(observer)
            return state.machine.isReachable
        }
        observer(reachable)
    }

    public func entry(for sha256: String) throws -> LedgerEntry? {
        let logger = self.logger
        return try call("entry") { client in
            let rows = try await client.query(
                """
                SELECT path, size, first_seen, status, attempts, last_error, output_path, duration_ms
                FROM watcherd.inputs WHERE sha256 = \(sha256)
                """, logger: logger)
            for try await (path, size, firstSeen, status, attempts, lastError, output, duration) in rows.decode(
                (String, Int, String, String, Int, String?, String?, Double?).self)
            {
                return LedgerEntry(
                    sha256: sha256, path: path, size: size, firstSeen: firstSeen,
                    status: LedgerEntry.Status(rawValue: status) ?? .failed, attempts: attempts, lastError: lastError,
                    outputPath: output, durationMs: duration)
            }
            return nil
        }
    }

    public func record(_ entries: [LedgerEntry]) throws {
        try record(entries, documents: [])
    }

    public func record(_ entries: [LedgerEntry], documents: [LedgerDocument]) throws {
        guard !entries.isEmpty else { return }
        let (logger, host) = (self.logger, hostID)
        let documents = storesDocuments ? documents : []
        let lost = try call("record") { client in
            try await client.withTransaction(logger: logger) { connection in
                var ended: [String: String?] = [:]
                let hashes = entries.map(\.sha256)
                for try await (sha256, takenOverFrom) in try await connection.query(
                    """
                    DELETE FROM watcherd.claims WHERE host = \(host) AND sha256 = ANY(\(hashes))
                    RETURNING sha256, taken_over_from
                    """, logger: logger
                ).decode((String, String?).self) {
                    ended[sha256] = takenOverFrom
                }
                for entry in entries {
                    let takenOverFrom = ended[entry.sha256] ?? nil
                    try await connection.query(
                        """
                        INSERT INTO watcherd.inputs (sha256, path, size, first_seen, status, attempts, last_error,
                            output_path, duration_ms, host, taken_over_from)
                        VALUES (\(entry.sha256), \(entry.path), \(entry.size), \(entry.firstSeen),
                            \(entry.status.rawValue), \(entry.attempts), \(entry.lastError), \(entry.outputPath),
                            \(entry.durationMs), \(host), \(takenOverFrom))
                        ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, size = excluded.size,
                            status = excluded.status, attempts = excluded.attempts, last_error = excluded.last_error,
                            output_path = excluded.output_path, duration_ms = excluded.duration_ms,
                            host = excluded.host, finished_at = now(), taken_over_from = excluded.taken_over_from
                        WHERE watcherd.inputs.status <> 'done'
                        """, logger: logger)
                }
                for document in documents {
                    try await Self.store(document, on: connection, logger: logger)
                }
                return hashes.filter { ended[$0] == nil }
            }
        }
        if !lost.isEmpty {
            logger.warning(
                "recorded content whose claim this host no longer held (its lease had expired and another host took it over)",
                metadata: ["count": "\(lost.count)", "sha256": "\(lost.prefix(3).joined(separator: ","))"])
        }
    }

    /// Inserts one document (first one wins), under a savepoint: a document PostgreSQL refuses
    /// (a value jsonb cannot hold) is logged and left out, and the `done` rows still commit.
    private static func store(_ document: LedgerDocument, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        let json = String(decoding: document.json, as: UTF8.self)
        let id = "sha256:" + document.sha256
        try await connection.query("SAVEPOINT document", logger: logger)
        do {
            try await connection.query(
                """
                INSERT INTO watcherd.documents (id, sha256, source_path, received_at, published, document)
                SELECT \(id), \(document.sha256), \(document.sourcePath),
                    watcherd.try_timestamptz(d #>> '{source,received_at}'),
                    watcherd.try_timestamptz(coalesce(d #>> '{published,value}', d #>> '{metadata,published}')), d
                FROM (SELECT \(json)::jsonb AS d) AS parsed
                ON CONFLICT (id) DO NOTHING
                """, logger: logger)
        } catch let error as PSQLError where !PostgresErrorKind.isConnectionProblem(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT document", logger: logger)
            logger.error(
                "document not stored in watcherd.documents",
                metadata: ["path": "\(document.sourcePath)", "error": "\(String(reflecting: error))"])
        }
    }

    public func count() throws -> Int {
        let logger = self.logger
        return try call("count") { client in
            for try await count in try await client.query(
                "SELECT count(*)::bigint FROM watcherd.inputs", logger: logger
            ).decode(Int.self) {
                return count
            }
            return 0
        }
    }

    public func claim(_ sha256: String, path: String) throws -> ClaimResult {
        for _ in 0..<5 {
            let observed = try observeClaim(sha256, path: path)
            if observed.inserted { return .claimed }
            let machine = state.withLock { $0.machine }
            if let entry = observed.recorded, entry.status == .done {
                let otherHost = observed.recordedBy.map { $0 != hostID } ?? false
                switch machine.decide(
                    recordedByOtherHost: otherHost, samePath: entry.path == path, finishedAgeMs: observed.recordedAgeMs)
                {
                case .finalise: return .recorded(entry)
                case .wait(let delay): return .wait(retryAfterMs: delay, holder: observed.recordedBy ?? "?")
                }
            }
            guard let holder = observed.holder else { continue }  // ended meanwhile: try again
            if holder == hostID { return .claimed }
            let age = observed.holderStopped ? nil : observed.holderAgeMs
            switch machine.decide(holderHeartbeatAgeMs: age) {
            case .wait(let delay):
                return .wait(retryAfterMs: delay, holder: holder)
            case .takeOver:
                if try takeOver(sha256, path: path, from: holder) {
                    logger.notice(
                        "took over the claim of a host whose lease expired",
                        metadata: [
                            "sha256": "\(sha256)", "path": "\(path)", "previous_host": "\(holder)",
                            "heartbeat_age_ms": "\(age.map(String.init) ?? "none")",
                        ])
                    return .claimed
                }
            }
        }
        return .wait(retryAfterMs: state.withLock { $0.machine.settings.heartbeatMs }, holder: "?")
    }

    public func claimOnPath(_ path: String) throws -> ClaimResult? {
        let (logger, host) = (self.logger, hostID)
        let holders = try call("claim-path") { client in
            var found: [(String, Int?, Bool)] = []
            for try await (holder, age, stopped) in try await client.query(
                """
                SELECT c.host, (extract(epoch FROM now() - h.heartbeat_at) * 1000)::bigint,
                    h.stopped_at IS NOT NULL
                FROM watcherd.claims c LEFT JOIN watcherd.hosts h ON h.host = c.host
                WHERE c.path = \(path) AND c.host <> \(host)
                """, logger: logger
            ).decode((String, Int?, Bool).self) {
                found.append((holder, age, stopped))
            }
            return found
        }
        let machine = state.withLock { $0.machine }
        for (holder, age, stopped) in holders {
            if case .wait(let delay) = machine.decide(holderHeartbeatAgeMs: stopped ? nil : age) {
                return .wait(retryAfterMs: delay, holder: holder)
            }
        }
        return nil
    }

    // MARK: - Claim steps

    private struct ObservedClaim: Sendable {
        var inserted: Bool
        var recorded: LedgerEntry?
        var recordedBy: String?
        var recordedAgeMs: Int?
        var holder: String?
        var holderAgeMs: Int?
        var holderStopped: Bool
    }

    /// Inserts the claim unless the content is done or claimed; returns what the database saw.
    private func observeClaim(_ sha256: String, path: String) throws -> ObservedClaim {
        let (logger, host) = (self.logger, hostID)
        return try call("claim") { client in
            let rows = try await client.query(
                """
                WITH recorded AS (
                    SELECT path, size, first_seen, status, attempts, last_error, output_path, duration_ms, host,
                        (extract(epoch FROM now() - finished_at) * 1000)::bigint AS age
                    FROM watcherd.inputs WHERE sha256 = \(sha256)),
                inserted AS (
                    INSERT INTO watcherd.claims (sha256, path, host) SELECT \(sha256), \(path), \(host)
                    WHERE NOT EXISTS (SELECT 1 FROM recorded WHERE status = 'done')
                    ON CONFLICT (sha256) DO NOTHING RETURNING 1)
                SELECT (SELECT count(*) FROM inserted)::integer, r.path, r.size, r.first_seen, r.status, r.attempts,
                    r.last_error, r.output_path, r.duration_ms, r.host, r.age, c.host,
                    (extract(epoch FROM now() - h.heartbeat_at) * 1000)::bigint, h.stopped_at IS NOT NULL
                FROM (SELECT 1) AS one
                LEFT JOIN recorded r ON true
                LEFT JOIN watcherd.claims c ON c.sha256 = \(sha256)
                LEFT JOIN watcherd.hosts h ON h.host = c.host
                """, logger: logger)
            for try await row in rows {
                let (
                    inserted, recordedPath, size, firstSeen, status, attempts, lastError, output, duration, recordedBy,
                    recordedAge, holder, holderAge, stopped
                ) = try row.decode(
                    (
                        Int, String?, Int?, String?, String?, Int?, String?, String?, Double?, String?, Int?, String?,
                        Int?, Bool?
                    ).self)
                var recorded: LedgerEntry?
                if let recordedPath, let size, let firstSeen, let status, let attempts {
                    recorded = LedgerEntry(
                        sha256: sha256, path: recordedPath, size: size, firstSeen: firstSeen,
                        status: LedgerEntry.Status(rawValue: status) ?? .failed, attempts: attempts,
                        lastError: lastError, outputPath: output, durationMs: duration)
                }
                return ObservedClaim(
                    inserted: inserted > 0, recorded: recorded, recordedBy: recordedBy, recordedAgeMs: recordedAge,
                    holder: holder, holderAgeMs: holderAge, holderStopped: stopped ?? false)
            }
            return ObservedClaim(inserted: false, holderStopped: false)
        }
    }

    /// Compare-and-set of the claim's holder: succeeds only if `previous` still holds it.
    private func takeOver(_ sha256: String, path: String, from previous: String) throws -> Bool {
        let (logger, host) = (self.logger, hostID)
        return try call("take-over") { client in
            var changed = false
            for try await _ in try await client.query(
                """
                UPDATE watcherd.claims SET host = \(host), path = \(path), claimed_at = now(),
                    taken_over_from = \(previous)
                WHERE sha256 = \(sha256) AND host = \(previous) RETURNING 1
                """, logger: logger
            ).decode(Int.self) {
                changed = true
            }
            return changed
        }
    }

    // MARK: - Heartbeat, migrations, reachability

    /// Keeps this host's lease: applies the migrations once the database answers, then renews the
    /// lease every heartbeat period; while the database is unreachable, retries with backoff.
    /// Returns at graceful shutdown (or cancellation).
    public func maintain() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let now = System.monotonicNanoseconds()
            let due = state.withLock { state in
                guard state.machine.isAttemptDue(now: now) else { return false }
                state.machine.attemptStarted(now: now)
                return true
            }
            if due { await attempt() }
            let next = state.withLock { $0.machine.nextAttempt }
            let current = System.monotonicNanoseconds()
            let wait = min(next > current ? next - current : 0, 200_000_000)
            try? await Task.sleep(nanoseconds: max(wait, 5_000_000))
        }
    }

    /// One heartbeat (after the migrations, until they are applied).
    ///
    /// The migrations have their own deadline, `migrationTimeoutSeconds`: they create tables,
    /// a function and GIN indexes in one transaction, which a loaded server can take longer than
    /// a heartbeat's deadline to do. Under the heartbeat's deadline every attempt was cancelled
    /// and rolled back, and the host stayed "not ready" for as long as the load lasted. A probe
    /// under the heartbeat's deadline goes first, so that a server that does not answer is still
    /// reported within `callTimeoutSeconds`.
    private func attempt() async {
        let (logger, host, client) = (self.logger, hostID, self.client)
        let migrated = state.withLock { $0.migrated }
        do {
            if !migrated {
                try await BlockingBridge.withDeadline(seconds: callTimeoutSeconds) {
                    _ = try await client.query("SELECT 1", logger: logger)
                }
                let applied = try await BlockingBridge.withDeadline(seconds: migrationTimeoutSeconds) {
                    try await client.withConnection { connection in
                        try await PostgresMigrations.migrate(on: connection, host: host, logger: logger)
                    }
                }
                // The lease is renewed by the heartbeat below, not by the start of this attempt,
                // which a slow migration leaves far behind.
                state.withLock { state in
                    state.migrated = true
                    state.machine.attemptStarted(now: System.monotonicNanoseconds())
                }
                logger.notice(
                    applied.isEmpty ? "ledger schema is current" : "ledger schema migrated",
                    metadata: [
                        "applied": "\(applied.map(String.init).joined(separator: ","))",
                        "version": "\(PostgresMigrations.latest)",
                    ])
            }
            let claims = try await BlockingBridge.withDeadline(seconds: callTimeoutSeconds) {
                var held = 0
                for try await count in try await client.query(
                    """
                    WITH beat AS (
                        INSERT INTO watcherd.hosts (host, hostname, pid)
                        VALUES (\(host), \(Self.hostname), \(Int(getpid())))
                        ON CONFLICT (host) DO UPDATE SET heartbeat_at = now(), stopped_at = NULL RETURNING 1)
                    SELECT count(*)::bigint FROM watcherd.claims WHERE host = \(host)
                    """, logger: logger
                ).decode(Int.self) {
                    held = count
                }
                return held
            }
            let change = state.withLock { state in
                state.claims = claims
                state.lastProblem = nil
                return state.machine.attemptSucceeded(now: System.monotonicNanoseconds())
            }
            announce(change)
        } catch {
            let problem = PostgresErrorKind.describe(error)
            let (change, repeated, delay) = state.withLock { state in
                let repeated = state.lastProblem == problem
                state.lastProblem = problem
                let change = state.machine.attemptFailed(now: System.monotonicNanoseconds())
                let delay = (state.machine.nextAttempt &- System.monotonicNanoseconds()) / 1_000_000
                return (change, repeated, delay)
            }
            let migratedNow = state.withLock { $0.migrated }
            logger.log(
                level: repeated ? .debug : .error,
                migratedNow ? "ledger heartbeat failed" : "ledger not ready (connection or schema migration failed)",
                metadata: [
                    "ledger": "\(location.redacted)", "error": "\(problem)", "retry_ms": "\(Int64(bitPattern: delay))",
                ])
            announce(change)
        }
    }

    /// Ends this host's claims and marks it stopped, so that other hosts take its work at once
    /// rather than after the lease. Best effort, at graceful shutdown.
    public func releaseClaims() async {
        let (logger, host, client) = (self.logger, hostID, self.client)
        do {
            try await BlockingBridge.withDeadline(seconds: callTimeoutSeconds) {
                try await client.withTransaction(logger: logger) { connection in
                    try await connection.query("DELETE FROM watcherd.claims WHERE host = \(host)", logger: logger)
                    try await connection.query(
                        "UPDATE watcherd.hosts SET stopped_at = now() WHERE host = \(host)", logger: logger)
                }
            }
            logger.info("ledger: claims released, host marked stopped", metadata: ["host": "\(host)"])
        } catch {
            logger.warning(
                "ledger: could not release this host's claims; other hosts take them over after the lease",
                metadata: ["error": "\(PostgresErrorKind.describe(error))"])
        }
    }

    private func announce(_ change: LeaseStateMachine.Change?) {
        guard let change else { return }
        let (observers, reachable): ([@Sendable (Bool) -> Void], Bool) = state.withLock { state in
            switch change {
            case .becameReachable: state.unreachableSince = nil
            case .becameUnreachable: state.unreachableSince = Timestamp.now()
            }
            return (state.observers, change == .becameReachable)
        }
        if reachable {
            logger.notice("ledger reachable; intake resumes", metadata: ["ledger": "\(location.redacted)"])
        } else {
            logger.error(
                "ledger unreachable; intake paused until it answers (inputs stay in the inbox)",
                metadata: ["ledger": "\(location.redacted)"])
        }
        for observer in observers { observer(reachable) }
    }

    /// Whether this host's lease is still valid (its heartbeat succeeded recently enough).
    public var holdsLease: Bool { state.withLock { $0.machine.holdsLease(now: System.monotonicNanoseconds()) } }

    // MARK: - Calls

    /// Runs `work` against the pool and waits for it (see ``BlockingBridge``). Fails at once with
    /// ``LedgerUnavailable`` while the database is unreachable; a connection problem or a missed
    /// deadline makes it unreachable (the heartbeat then probes it with backoff).
    private func call<T: Sendable>(
        _ name: String, _ work: @escaping @Sendable (PostgresClient) async throws -> T
    ) throws -> T {
        let reachable = state.withLock { $0.machine.isReachable }
        guard reachable else {
            throw LedgerUnavailable(location: location.redacted, cause: "unreachable; waiting for it to answer")
        }
        let client = self.client
        do {
            return try BlockingBridge.wait(timeoutSeconds: callTimeoutSeconds) { try await work(client) }
        } catch {
            guard PostgresErrorKind.isConnectionProblem(error) else { throw error }
            let change = state.withLock { $0.machine.callFailed(now: System.monotonicNanoseconds()) }
            announce(change)
            throw LedgerUnavailable(location: location.redacted, cause: "\(name): \(PostgresErrorKind.describe(error))")
        }
    }
}
