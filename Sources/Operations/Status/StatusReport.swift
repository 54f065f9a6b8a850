// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Pipeline

/// What `watcherd status` reports, from the status file (is the daemon running, its backlog), the
/// processing log (documents and failures over the last minute and hour, throughput, the last
/// document, failures by code) and the ledger (totals by status). ``build`` is pure.
public struct StatusReport: Codable, Sendable, Equatable {
    /// `running`, `not-responding` (its status file is stale), or `stopped`.
    public var state: String
    public var pid: Int32?
    public var startedAt: String?
    public var updatedAt: String?
    public var inbox: String
    /// Files in the inbox now (waiting, settling or in flight).
    public var inboxFiles: Int
    /// Articles in the pipeline's stages, as the daemon last said.
    public var inFlight: Int?
    public var documentsLastMinute: Int
    public var documentsLastHour: Int
    public var failuresLastMinute: Int
    public var failuresLastHour: Int
    /// Documents per second over the last minute, and over the last hour.
    public var throughputPerSecond: Double
    public var throughputPerSecondHour: Double
    public var lastDocument: StatusSnapshot.LastDocument?
    /// Failures over the last hour, by code.
    public var failuresByCode: [String: Int]
    /// Ledger entries by status (`done`, `failed`, `skipped`); `nil` when it cannot be read.
    public var ledger: [String: Int]?
    public var health: String?
    /// The ledger's backend and reachability, as the running daemon last said.
    public var ledgerState: LedgerHealth?
    /// Whether the intake is paused because the ledger is unreachable.
    public var intakePaused: Bool?

    enum CodingKeys: String, CodingKey {
        case state, pid
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case inbox
        case inboxFiles = "inbox_files"
        case inFlight = "in_flight"
        case documentsLastMinute = "documents_last_minute"
        case documentsLastHour = "documents_last_hour"
        case failuresLastMinute = "failures_last_minute"
        case failuresLastHour = "failures_last_hour"
        case throughputPerSecond = "throughput_per_second"
        case throughputPerSecondHour = "throughput_per_second_hour"
        case lastDocument = "last_document"
        case failuresByCode = "failures_by_code"
        case ledger, health
        case ledgerState = "ledger_state"
        case intakePaused = "intake_paused"
    }

    /// `now` in seconds since the epoch; `processAlive` tells whether the snapshot's pid runs.
    public static func build(
        inbox: String, snapshot: StatusSnapshot?, processAlive: Bool, now: Double, entries: [ProcessingLogEntry],
        inboxFiles: Int, ledger: [String: Int]?
    ) -> StatusReport {
        var state = "stopped"
        if let snapshot, snapshot.state != "stopped", processAlive {
            let updated = LogTimestamp.seconds(snapshot.updatedAt) ?? 0
            state = now - updated <= Double(3 * max(1, snapshot.intervalSeconds)) ? "running" : "not-responding"
        }
        var counts = (documentsMinute: 0, documentsHour: 0, failuresMinute: 0, failuresHour: 0)
        var byCode: [String: Int] = [:]
        var last: StatusSnapshot.LastDocument?
        for entry in entries {
            guard let time = LogTimestamp.seconds(entry.ts) else { continue }
            let age = now - time
            if entry.event == "processed" {
                last = .init(path: entry.path ?? "", output: entry.output, at: entry.ts)
            }
            guard age <= 3600, age >= -60 else { continue }
            if entry.event == "processed" {
                counts.documentsHour += 1
                if age <= 60 { counts.documentsMinute += 1 }
            } else if entry.event == "failed" {
                counts.failuresHour += 1
                if age <= 60 { counts.failuresMinute += 1 }
                byCode[entry.result, default: 0] += 1
            }
        }
        let running = state != "stopped"
        var report = StatusReport(
            state: state, pid: snapshot?.pid, startedAt: snapshot?.startedAt, updatedAt: snapshot?.updatedAt,
            inbox: inbox, inboxFiles: inboxFiles, inFlight: running ? snapshot?.backlog.inFlight : nil,
            documentsLastMinute: counts.documentsMinute, documentsLastHour: counts.documentsHour,
            failuresLastMinute: counts.failuresMinute, failuresLastHour: counts.failuresHour,
            throughputPerSecond: Double(counts.documentsMinute) / 60,
            throughputPerSecondHour: Double(counts.documentsHour) / 3600,
            lastDocument: last, failuresByCode: byCode, ledger: ledger,
            health: running ? snapshot?.health : nil)
        report.ledgerState = snapshot?.ledger
        report.intakePaused = running ? snapshot?.intakePaused : nil
        return report
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The human-readable form.
    public var text: String {
        func rate(_ value: Double) -> String { value.formatted(.number.precision(.fractionLength(1))) }
        var lines: [String] = []
        switch state {
        case "running": lines.append("watcherd: running (pid \(pid ?? 0), since \(startedAt ?? "?"))")
        case "not-responding":
            lines.append("watcherd: NOT RESPONDING (pid \(pid ?? 0); status last written \(updatedAt ?? "?"))")
        default: lines.append("watcherd: stopped")
        }
        lines.append(
            "inbox:      \(inbox): \(inboxFiles) files waiting" + (inFlight.map { ", \($0) in flight" } ?? ""))
        lines.append(
            "documents:  \(documentsLastMinute) in the last minute (\(rate(throughputPerSecond))/s), "
                + "\(documentsLastHour) in the last hour (\(rate(throughputPerSecondHour))/s)")
        let codes = failuresByCode.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append(
            "failures:   \(failuresLastMinute) in the last minute, \(failuresLastHour) in the last hour"
                + (codes.isEmpty ? "" : " (\(codes))"))
        if let lastDocument {
            lines.append(
                "last:       \(lastDocument.at)  \(lastDocument.path)" + (lastDocument.output.map { " -> \($0)" } ?? "")
            )
        }
        if let ledger {
            lines.append(
                "ledger:     "
                    + ledger.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        if let shared = ledgerState, shared.backend != "sqlite" {
            var line = "ledger:     \(shared.location): "
            if shared.reachable {
                line += "reachable" + (shared.claims.map { ", \($0) claims held" } ?? "")
            } else {
                line += "UNREACHABLE since \(shared.unreachableSince ?? "?")"
            }
            if intakePaused == true { line += "; intake paused (inputs stay in the inbox)" }
            lines.append(line)
        }
        if let health, health != "ok" { lines.append("health:     \(health)") }
        return lines.joined(separator: "\n")
    }
}
