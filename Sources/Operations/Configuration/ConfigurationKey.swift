// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Foundation

/// One key of the configuration file (`watcherd.toml`, top-level keys only), with the flag that
/// overrides it, the kind of value it takes, and whether a reload (SIGHUP) applies it live.
///
/// Every key is documented, with its default, in `systemd/watcherd.toml`; a test checks that the
/// example file names each one.
public enum ConfigurationKey: String, CaseIterable, Sendable, Comparable {
    case inbox, output, archive
    case keepInputs = "keep_inputs"
    case failed, state
    case resourcesPath = "resources_path"
    case settleMs = "settle_ms"
    case rescanIntervalSeconds = "rescan_interval_seconds"
    case networkRescanIntervalSeconds = "network_rescan_interval_seconds"
    case maxInputBytes = "max_input_bytes"
    case maxPending = "max_pending"
    case maxInFlightBytes = "max_in_flight_bytes"
    case workers
    case fsyncBatch = "fsync_batch"
    case stopTimeoutSeconds = "stop_timeout_seconds"
    case logLevel = "log_level"
    case summaryIntervalSeconds = "summary_interval_seconds"
    case statusIntervalSeconds = "status_interval_seconds"
    case metricsPort = "metrics_port"
    case metricsAddress = "metrics_address"
    case recognizer
    case nerModel = "ner_model"
    case ledger
    case ledgerLeaseSeconds = "ledger_lease_seconds"
    case ledgerHeartbeatSeconds = "ledger_heartbeat_seconds"
    case ledgerDocuments = "ledger_documents"

    /// What a key takes.
    public enum Kind: Sendable, Equatable {
        /// A path; relative paths are relative to the configuration file's directory (or, for a
        /// flag, to the working directory). `""` means "the default".
        case path
        /// An integer in `range`.
        case integer(ClosedRange<Int>)
        case boolean
        /// One of `allowed` (or any string when empty).
        case string(allowed: [String])
    }

    public var kind: Kind {
        switch self {
        case .inbox, .output, .archive, .failed, .state, .resourcesPath: .path
        case .keepInputs, .ledgerDocuments: .boolean
        case .settleMs: .integer(0...3_600_000)
        case .rescanIntervalSeconds, .networkRescanIntervalSeconds: .integer(0...86_400)
        case .maxInputBytes: .integer(1...(1 << 40))
        case .maxPending: .integer(2...10_000_000)
        case .maxInFlightBytes: .integer(1...(1 << 40))
        case .workers: .integer(0...1024)
        case .fsyncBatch: .integer(1...100_000)
        case .stopTimeoutSeconds: .integer(0...3600)
        case .logLevel: .string(allowed: ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        case .summaryIntervalSeconds: .integer(0...86_400)
        case .statusIntervalSeconds: .integer(1...3600)
        case .metricsPort: .integer(0...65_535)
        case .recognizer: .string(allowed: ExtractionConfiguration.Recognizer.allCases.map(\.rawValue))
        case .nerModel: .path
        case .metricsAddress, .ledger: .string(allowed: [])
        case .ledgerLeaseSeconds: .integer(2...86_400)
        case .ledgerHeartbeatSeconds: .integer(1...3600)
        }
    }

    /// Whether a running daemon applies a new value on SIGHUP; the others need a restart.
    public var isLive: Bool {
        switch self {
        case .settleMs, .rescanIntervalSeconds, .logLevel, .summaryIntervalSeconds, .statusIntervalSeconds: true
        default: false
        }
    }

    /// The command-line flag that overrides the key: `settle_ms` is `--settle-ms`.
    public var flag: String { "--" + rawValue.replacingOccurrences(of: "_", with: "-") }

    public static func < (a: ConfigurationKey, b: ConfigurationKey) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
