// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import Foundation
import Glibc
import Operations
import Pipeline
import SystemPackage

/// `watcherd status [--json]`: whether the daemon runs, its backlog, documents and failures over
/// the last minute and hour, throughput, the last document, failures by code and the ledger's
/// totals; from `STATE/status.json` (rewritten by the daemon), the processing log and the ledger.
/// Exit status 0 when running, 3 when stopped or not responding (as `systemctl status`).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show what the daemon is doing (from its state directory).")

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration: ServiceConfiguration
        let layout: DirectoryLayout
        do throws(ConfigurationError) {
            configuration = try options.load()
            layout = try configuration.directories()
        } catch {
            for problem in error.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            throw ExitCode(2)
        }
        let state = layout.state
        let snapshot = (try? Data(contentsOf: URL(fileURLWithPath: state.appending("status.json").string)))
            .flatMap { try? StatusSnapshot.decode($0) }
        let alive = snapshot.map { kill($0.pid, 0) == 0 || errno == EPERM } ?? false
        let logPath = state.appending("processing.log").string
        let entries = ProcessingLogReader.tail(of: logPath + ".1") + ProcessingLogReader.tail(of: logPath)
        var inboxFiles = 0
        InboxScanner.walk(layout.inbox) { _ in
            inboxFiles += 1
            return true
        }
        let ledger = try? LedgerSummary.counts(at: state.appending("ledger.sqlite"))
        let report = StatusReport.build(
            inbox: layout.inbox.string, snapshot: snapshot, processAlive: alive, now: Date().timeIntervalSince1970,
            entries: entries, inboxFiles: inboxFiles, ledger: ledger)
        print(json ? report.json() : report.text)
        if report.state != "running" { throw ExitCode(3) }
    }
}
