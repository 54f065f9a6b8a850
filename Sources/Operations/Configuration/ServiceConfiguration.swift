// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Pipeline
import SystemPackage

/// watcherd's whole configuration: the file's values, overridden by flags, over the defaults.
///
/// Paths are absolute once here (file values against the file's directory, flags against the
/// working directory). ``pipelineConfiguration()`` gives what the engine runs with.
public struct ServiceConfiguration: Sendable, Equatable {
    /// The file read, if any.
    public var file: String?
    /// Values from the file, with their lines.
    public var fileValues: [ConfigurationKey: ConfigurationFile.Entry]
    /// Values from flags (they win over the file).
    public var flagValues: [ConfigurationKey: ConfigurationValue]

    public init(
        file: String? = nil, fileValues: [ConfigurationKey: ConfigurationFile.Entry] = [:],
        flagValues: [ConfigurationKey: ConfigurationValue] = [:]
    ) {
        self.file = file
        self.fileValues = fileValues
        self.flagValues = flagValues
    }

    /// Reads `explicitPath`, or the default file when it exists (none otherwise), and lays
    /// `flags` over it. Flag values are checked like file values. Throws ``ConfigurationError``.
    public static func load(
        explicitPath: String?, flags: [ConfigurationKey: ConfigurationValue], workingDirectory: String
    ) throws(ConfigurationError) -> ServiceConfiguration {
        var problems: [ConfigurationProblem] = []
        var checkedFlags: [ConfigurationKey: ConfigurationValue] = [:]
        for (key, value) in flags.sorted(by: { $0.key < $1.key }) {
            if let message = check(key, value) {
                problems.append(.init(code: message.code, key: key.rawValue, flag: key.flag, message: message.text))
            } else {
                checkedFlags[key] = absolutised(key, value, base: workingDirectory)
            }
        }
        let path =
            explicitPath
            ?? (FileManager.default.fileExists(atPath: ConfigurationFile.defaultPath)
                ? ConfigurationFile.defaultPath : nil)
        var fileValues: [ConfigurationKey: ConfigurationFile.Entry] = [:]
        if let path {
            do {
                fileValues = try ConfigurationFile.load(path: path)
            } catch {
                problems = error.problems + problems
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems) }
        return ServiceConfiguration(file: path, fileValues: fileValues, flagValues: checkedFlags)
    }

    // MARK: - Values

    /// The value in force for `key`: the flag's, else the file's, else `nil` (the default).
    public func value(_ key: ConfigurationKey) -> ConfigurationValue? {
        flagValues[key] ?? fileValues[key]?.value
    }

    public func integer(_ key: ConfigurationKey) -> Int {
        if case .integer(let value) = value(key) { return value }
        return Self.defaultInteger(key)
    }

    public func boolean(_ key: ConfigurationKey) -> Bool {
        if case .boolean(let value) = value(key) { return value }
        return false
    }

    /// A string or path value; `nil` when unset or empty.
    public func string(_ key: ConfigurationKey) -> String? {
        if case .string(let value) = value(key), !value.isEmpty { return value }
        switch key {
        case .logLevel: return "info"
        case .metricsAddress: return "127.0.0.1"
        default: return nil
        }
    }

    /// Where the value of `key` came from, for messages: file and line, or flag.
    public func origin(_ key: ConfigurationKey) -> (file: String?, line: Int?, flag: String?) {
        if flagValues[key] != nil { return (nil, nil, key.flag) }
        if let entry = fileValues[key] { return (file, entry.line, nil) }
        return (nil, nil, nil)
    }

    /// A problem about `key`, located where its value came from.
    public func problem(_ code: String, _ key: ConfigurationKey, _ message: String) -> ConfigurationProblem {
        let origin = origin(key)
        return .init(
            code: code, key: key.rawValue, file: origin.file ?? (origin.flag == nil ? file : nil), line: origin.line,
            flag: origin.flag, message: message)
    }

    public static func defaultInteger(_ key: ConfigurationKey) -> Int {
        switch key {
        case .settleMs: 100
        case .rescanIntervalSeconds: 60
        case .networkRescanIntervalSeconds: 5
        case .maxInputBytes: 16 << 20
        case .maxPending: 4096
        case .maxInFlightBytes: 16 << 20
        case .workers: 0
        case .fsyncBatch: 32
        case .stopTimeoutSeconds: 20
        case .summaryIntervalSeconds: 60
        case .statusIntervalSeconds: 5
        case .metricsPort: 0
        case .ledgerLeaseSeconds: 30
        case .ledgerHeartbeatSeconds: 5
        default: 0
        }
    }

    // MARK: - Directories

    /// The five directories, with sibling defaults beside the inbox. Throws ``ConfigurationError``
    /// when the inbox or the output is not set.
    public func directories() throws(ConfigurationError) -> DirectoryLayout {
        var missing: [ConfigurationProblem] = []
        for key in [ConfigurationKey.inbox, .output] where string(key) == nil {
            missing.append(
                .init(
                    code: "missing", key: key.rawValue, file: file,
                    message: "not set: give \(key.flag) or `\(key.rawValue) = \"...\"` in the configuration file"))
        }
        guard missing.isEmpty, let inbox = string(.inbox), let output = string(.output) else {
            throw ConfigurationError(missing)
        }
        let parent = FilePath(inbox).removingLastComponent()
        return DirectoryLayout(
            inbox: FilePath(inbox), output: FilePath(output),
            archive: boolean(.keepInputs) ? nil : FilePath(string(.archive) ?? parent.appending("archive").string),
            failed: FilePath(string(.failed) ?? parent.appending("failed").string),
            state: FilePath(string(.state) ?? parent.appending("state").string))
    }

    /// What the pipeline runs with, on `layout` (as checked by ``DirectoryCheck``).
    public func pipelineConfiguration(_ layout: DirectoryLayout) -> PipelineConfiguration {
        var configuration = PipelineConfiguration(
            inbox: layout.inbox, output: layout.output, archive: layout.archive, failed: layout.failed,
            state: layout.state)
        configuration.settleMs = integer(.settleMs)
        configuration.rescanIntervalSeconds = integer(.rescanIntervalSeconds)
        configuration.maxInputBytes = integer(.maxInputBytes)
        configuration.stopTimeoutSeconds = integer(.stopTimeoutSeconds)
        configuration.maxPending = integer(.maxPending)
        configuration.maxInFlightBytes = integer(.maxInFlightBytes)
        configuration.fsyncBatch = integer(.fsyncBatch)
        if integer(.workers) > 0 { configuration.extractWorkers = integer(.workers) }
        return configuration
    }

    // MARK: - Ledger

    /// Where the ledger lives (`ledger`, checked at load: it parses).
    public var ledgerLocation: LedgerLocation {
        (try? LedgerLocation.parse(string(.ledger) ?? "")) ?? .sqlite
    }

    /// The lease and heartbeat periods of a shared ledger.
    public var leaseSettings: LeaseStateMachine.Settings {
        .init(leaseMs: integer(.ledgerLeaseSeconds) * 1000, heartbeatMs: integer(.ledgerHeartbeatSeconds) * 1000)
    }

    /// Checks between the ledger keys: the heartbeat must come at least twice per lease (one
    /// late heartbeat must not cost the lease), and documents go only into a PostgreSQL ledger.
    public func ledgerProblems() -> [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        let lease = integer(.ledgerLeaseSeconds)
        let heartbeat = integer(.ledgerHeartbeatSeconds)
        if heartbeat * 2 > lease {
            problems.append(
                problem(
                    "lease-too-short", .ledgerHeartbeatSeconds,
                    "\(heartbeat) s is more than half of ledger_lease_seconds (\(lease) s): "
                        + "the heartbeat must come at least twice per lease"))
        }
        if boolean(.ledgerDocuments), !ledgerLocation.isShared {
            problems.append(
                problem(
                    "documents-need-postgres", .ledgerDocuments,
                    "documents are stored in PostgreSQL only: set ledger = \"postgres://user@host:port/database\""))
        }
        return problems
    }

    // MARK: - Reload

    /// Keys whose value in force differs between `self` and `other`, in key order.
    public func changedKeys(to other: ServiceConfiguration) -> [ConfigurationKey] {
        ConfigurationKey.allCases.filter { value($0) != other.value($0) }
    }

    // MARK: - Checks

    /// Whether `value` is acceptable for `key`: `nil`, or the problem's code and text.
    static func check(_ key: ConfigurationKey, _ value: ConfigurationValue) -> (code: String, text: String)? {
        switch (key.kind, value) {
        case (.integer(let range), .integer(let number)):
            if !range.contains(number) {
                return ("out-of-range", "\(number) is out of range: must be \(range.lowerBound)...\(range.upperBound)")
            }
        case (.string(let allowed), .string(let text)):
            if !allowed.isEmpty, !allowed.contains(text) {
                return ("not-allowed", "\"\(text)\" is not one of \(allowed.joined(separator: ", "))")
            }
            if key == .ledger {
                do { _ = try LedgerLocation.parse(text) } catch { return ("bad-ledger", error.message) }
            }
            if key == .metricsAddress, !text.isEmpty,
                text.range(of: #"^[0-9.]+$|^[0-9a-fA-F:]+$"#, options: .regularExpression) == nil
            {
                return ("not-allowed", "\"\(text)\" is not a numeric IPv4 or IPv6 address")
            }
        case (.path, .string), (.boolean, .boolean):
            break
        default:
            return ("wrong-type", "expects \(key.kind.noun)")
        }
        return nil
    }

    /// Paths made absolute against `base` and normalised; other values unchanged.
    static func absolutised(_ key: ConfigurationKey, _ value: ConfigurationValue, base: String) -> ConfigurationValue {
        guard key.kind == .path, case .string(let text) = value, !text.isEmpty else { return value }
        let path = FilePath(text)
        let absolute = path.isAbsolute ? path : FilePath(base).pushing(path)
        return .string(absolute.lexicallyNormalized().string)
    }
}
