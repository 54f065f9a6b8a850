// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Pipeline

/// The status file, `STATE/status.json`, that the running daemon rewrites atomically every
/// `status_interval_seconds` and that `watcherd status` reads. Counts since start, and over the
/// last minute and hour; times are ISO 8601 UTC.
public struct StatusSnapshot: Codable, Sendable, Equatable {
    /// `starting`, `running` or `stopped` (written at a clean stop).
    public var state: String
    public var pid: Int32
    public var version: String
    public var startedAt: String
    public var updatedAt: String
    /// How often this file is rewritten, in seconds: older than three intervals means stale.
    public var intervalSeconds: Int
    public var inbox: String
    public var output: String
    /// `inotify`, or `inotify+scan` on a network filesystem (with `filesystem`).
    public var watchMode: String
    public var filesystem: String
    public var backlog: Backlog
    public var documents: Int
    public var duplicates: Int
    public var failures: Int
    public var documentsLastMinute: Int
    public var documentsLastHour: Int
    public var failuresLastMinute: Int
    public var failuresLastHour: Int
    /// Documents per second over the last minute.
    public var ratePerSecond: Double
    public var failuresByCode: [String: Int]
    public var lastDocument: LastDocument?
    public var overflows: Int
    /// What the watchdog rule says (see ``WatchdogHealth``).
    public var healthy: Bool
    public var health: String
    /// The ledger: backend, location, whether it answers (a shared ledger may not).
    public var ledger: LedgerHealth? = nil
    /// Whether the intake admits nothing because the ledger is unreachable.
    public var intakePaused: Bool? = nil

    public init(
        state: String, pid: Int32, version: String, startedAt: String, updatedAt: String, intervalSeconds: Int,
        inbox: String, output: String, watchMode: String, filesystem: String, backlog: Backlog, documents: Int,
        duplicates: Int, failures: Int, documentsLastMinute: Int, documentsLastHour: Int, failuresLastMinute: Int,
        failuresLastHour: Int, ratePerSecond: Double, failuresByCode: [String: Int], lastDocument: LastDocument?,
        overflows: Int, healthy: Bool, health: String
    ) {
        self.state = state
        self.pid = pid
        self.version = version
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.intervalSeconds = intervalSeconds
        self.inbox = inbox
        self.output = output
        self.watchMode = watchMode
        self.filesystem = filesystem
        self.backlog = backlog
        self.documents = documents
        self.duplicates = duplicates
        self.failures = failures
        self.documentsLastMinute = documentsLastMinute
        self.documentsLastHour = documentsLastHour
        self.failuresLastMinute = failuresLastMinute
        self.failuresLastHour = failuresLastHour
        self.ratePerSecond = ratePerSecond
        self.failuresByCode = failuresByCode
        self.lastDocument = lastDocument
        self.overflows = overflows
        self.healthy = healthy
        self.health = health
    }

    public struct Backlog: Codable, Sendable, Equatable {
        /// Closed after writing, waiting for the settle period.
        public var settling: Int
        /// Settled, waiting for a slot in the pipeline.
        public var waiting: Int
        /// In the read, extract or write stage.
        public var inFlight: Int

        public init(settling: Int, waiting: Int, inFlight: Int) {
            self.settling = settling
            self.waiting = waiting
            self.inFlight = inFlight
        }

        public var total: Int { settling + waiting + inFlight }

        enum CodingKeys: String, CodingKey {
            case settling, waiting
            case inFlight = "in_flight"
        }
    }

    public struct LastDocument: Codable, Sendable, Equatable {
        public var path: String
        public var output: String?
        public var at: String

        public init(path: String, output: String?, at: String) {
            self.path = path
            self.output = output
            self.at = at
        }
    }

    enum CodingKeys: String, CodingKey {
        case state, pid, version
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case intervalSeconds = "interval_seconds"
        case inbox, output
        case watchMode = "watch_mode"
        case filesystem, backlog, documents, duplicates, failures
        case documentsLastMinute = "documents_last_minute"
        case documentsLastHour = "documents_last_hour"
        case failuresLastMinute = "failures_last_minute"
        case failuresLastHour = "failures_last_hour"
        case ratePerSecond = "rate_per_second"
        case failuresByCode = "failures_by_code"
        case lastDocument = "last_document"
        case overflows, healthy, health, ledger
        case intakePaused = "intake_paused"
    }

    /// The systemd `STATUS=` text: `watching INBOX: N documents, N failures, backlog N`.
    public var notifyStatus: String {
        "watching \(inbox): \(documents) documents, \(failures) failures, backlog \(backlog.total)"
            + (healthy ? "" : " (\(health))")
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }

    public static func decode(_ data: Data) throws -> StatusSnapshot {
        try JSONDecoder().decode(StatusSnapshot.self, from: data)
    }
}
