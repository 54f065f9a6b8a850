// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import Foundation
import Operations

/// `--config PATH` and one flag per configuration key (``ConfigurationKey``), each overriding the
/// file. Shared by `run`, `validate`, `status` and `tail`. Defaults are documented in
/// `systemd/watcherd.toml`; a flag left out leaves the file's value (or the default) in force.
struct ConfigurationOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Configuration file (TOML). Default: \(ConfigurationFile.defaultPath) when it exists.",
            valueName: "path"))
    var config: String?

    @Option(help: "Directory watched for article files (created if missing and its parent exists).")
    var inbox: String?

    @Option(help: "Root of the output tree: one JSON document per input, at <relative path>.json.")
    var output: String?

    @Option(help: "Where processed inputs are moved (default: archive/ beside the inbox).")
    var archive: String?

    @Flag(help: "Keep processed inputs in the inbox instead of archiving them.")
    var keepInputs = false

    @Option(help: "Where failed inputs and their <name>.error.json go (default: failed/ beside the inbox).")
    var failed: String?

    @Option(help: "State directory: ledger, processing log, status file (default: state/ beside the inbox).")
    var state: String?

    @Option(name: .customLong("resources-path"), help: "Gazetteers and other resources (default: beside the binary).")
    var resourcesPath: String?

    @Option(name: .customLong("settle-ms"), help: "Quiet period after a close-after-write, in milliseconds (100).")
    var settleMs: Int?

    @Option(name: .customLong("rescan-interval-seconds"), help: "Seconds between safety-net rescans; 0 disables (60).")
    var rescanIntervalSeconds: Int?

    @Option(
        name: .customLong("network-rescan-interval-seconds"),
        help: "Rescan period on a network filesystem (NFS, CIFS, FUSE), in seconds (5).")
    var networkRescanIntervalSeconds: Int?

    @Option(name: .customLong("max-input-bytes"), help: "Larger inputs fail with too-large (16777216).")
    var maxInputBytes: Int?

    @Option(
        name: .customLong("max-pending"),
        help: "Paths the intake holds while they settle or wait; past it, files are taken by rescans (4096).")
    var maxPending: Int?

    @Option(
        name: .customLong("max-in-flight-bytes"),
        help: "Input bytes held in extraction at once; a larger input runs alone (16777216).")
    var maxInFlightBytes: Int?

    @Option(help: "Parallel extract workers; 0 means one per core (0).")
    var workers: Int?

    @Option(
        name: .customLong("fsync-batch"),
        help: "Documents per durable commit (syncfs); 1 fsyncs each document on its own (32).")
    var fsyncBatch: Int?

    @Option(name: .customLong("stop-timeout-seconds"), help: "How long SIGTERM waits for in-flight work (20).")
    var stopTimeoutSeconds: Int?

    @Option(help: "stderr log level: trace, debug, info, notice, warning, error, critical (info).")
    var logLevel: String?

    @Option(
        name: .customLong("summary-interval-seconds"),
        help: "While busy, one summary line per this many seconds; 0 turns it off (60).")
    var summaryIntervalSeconds: Int?

    @Option(
        name: .customLong("status-interval-seconds"),
        help: "How often the status file and the systemd STATUS= line are refreshed, in seconds (5).")
    var statusIntervalSeconds: Int?

    @Option(name: .customLong("metrics-port"), help: "Serve /metrics and /healthz on this port; 0 turns it off (0).")
    var metricsPort: Int?

    @Option(name: .customLong("metrics-address"), help: "Address the metrics server binds (127.0.0.1).")
    var metricsAddress: String?

    @Option(
        help: ArgumentHelp(
            "Ledger: sqlite (default, one host) or postgres://user@host:port/database (shared by several hosts).",
            valueName: "url"))
    var ledger: String?

    @Option(
        name: .customLong("ledger-lease-seconds"),
        help: "A host's claims are taken over this long after its last heartbeat, in seconds (30).")
    var ledgerLeaseSeconds: Int?

    @Option(
        name: .customLong("ledger-heartbeat-seconds"),
        help: "How often a host renews its lease in a shared ledger, in seconds (5).")
    var ledgerHeartbeatSeconds: Int?

    @Flag(help: "Also store each document in the PostgreSQL ledger's documents table.")
    var ledgerDocuments = false

    /// The values given as flags.
    var flagValues: [ConfigurationKey: ConfigurationValue] {
        var values: [ConfigurationKey: ConfigurationValue] = [:]
        let strings: [(ConfigurationKey, String?)] = [
            (.inbox, inbox), (.output, output), (.archive, archive), (.failed, failed), (.state, state),
            (.resourcesPath, resourcesPath), (.logLevel, logLevel), (.metricsAddress, metricsAddress),
            (.ledger, ledger),
        ]
        for case (let key, let value?) in strings { values[key] = .string(value) }
        let integers: [(ConfigurationKey, Int?)] = [
            (.settleMs, settleMs), (.rescanIntervalSeconds, rescanIntervalSeconds),
            (.networkRescanIntervalSeconds, networkRescanIntervalSeconds), (.maxInputBytes, maxInputBytes),
            (.maxPending, maxPending), (.maxInFlightBytes, maxInFlightBytes), (.workers, workers),
            (.fsyncBatch, fsyncBatch),
            (.stopTimeoutSeconds, stopTimeoutSeconds), (.summaryIntervalSeconds, summaryIntervalSeconds),
            (.statusIntervalSeconds, statusIntervalSeconds), (.metricsPort, metricsPort),
            (.ledgerLeaseSeconds, ledgerLeaseSeconds), (.ledgerHeartbeatSeconds, ledgerHeartbeatSeconds),
        ]
        for case (let key, let value?) in integers { values[key] = .integer(value) }
        if keepInputs { values[.keepInputs] = .boolean(true) }
        if ledgerDocuments { values[.ledgerDocuments] = .boolean(true) }
        return values
    }

    /// The file (`--config`, or `explicitPath` when given, or the default when present) with
    /// the flags laid over it. Throws ``ConfigurationError``.
    func load(explicitPath: String? = nil) throws(ConfigurationError) -> ServiceConfiguration {
        try ServiceConfiguration.load(
            explicitPath: explicitPath ?? config, flags: flagValues,
            workingDirectory: FileManager.default.currentDirectoryPath)
    }
}
