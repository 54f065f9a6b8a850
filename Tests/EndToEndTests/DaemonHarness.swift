// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import TestSupport
import Testing

/// Runs the real `watcherd` binary on a fresh temporary tree (`inbox/ output/ archive/ failed/
/// state/`) and offers poll-until helpers. The binary is the one SwiftPM built next to this test
/// bundle.
final class DaemonHarness {
    let root: URL
    var inbox: URL { root.appendingPathComponent("inbox") }
    var output: URL { root.appendingPathComponent("output") }
    var archive: URL { root.appendingPathComponent("archive") }
    var failed: URL { root.appendingPathComponent("failed") }
    var state: URL { root.appendingPathComponent("state") }
    /// A directory on the same filesystem, outside the inbox, for writing files then renaming them in.
    var staging: URL { root.appendingPathComponent("staging") }
    private(set) var process: ChildProcess?
    let stderrFile: URL
    /// What earlier runs on this tree wrote on stderr (before a restart or relaunch).
    private(set) var earlierStderr = ""
    private var lastArguments: [String] = []
    private var lastUser: uid_t?

    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("watcherd")
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("watcherd-e2e-\(UUID().uuidString)")
        stderrFile = root.appendingPathComponent("daemon.stderr")
        for directory in [root, staging] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()  // reaped: a zombie would pass kill(pid, 0) as alive
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// With `asUser`: give the daemon CAP_LEASE (ambient), as the systemd unit does.
    var grantLeaseCapability = false

    /// Variables added to the daemon's environment (NOTIFY_SOCKET, WATCHDOG_USEC, JOURNAL_STREAM...).
    var environment: [String: String] = [:]

    /// The configuration file the daemon reads (`--config`); `/dev/null` (all defaults) unless set,
    /// so that a configuration installed on the machine never leaks into a test.
    var configFile = "/dev/null"

    /// Sets `JOURNAL_STREAM` to the device and inode of the daemon's stderr file, as systemd does
    /// when stderr is the journal.
    var stderrIsJournal = false

    /// Starts the daemon and waits until it wrote `state/ready` (watch set, start-up scan done).
    /// `asUser` runs it under that uid and gid (through `setpriv`; needs root), after the whole
    /// temporary tree was handed to that user.
    func start(extraArguments: [String] = [], timeout: Double = 20, asUser: uid_t? = nil) throws {
        try launch(extraArguments: extraArguments, asUser: asUser)
        try waitForReady(timeout: timeout)
    }

    /// Starts the daemon on the same tree again, with the arguments and user of the last start,
    /// and waits for its `state/ready`. The previous run must have exited (see ``waitForExit(timeout:)``).
    func restart(timeout: Double = 20) throws {
        precondition(process?.isRunning != true, "restart() while the daemon still runs")
        try start(extraArguments: lastArguments, timeout: timeout, asUser: lastUser)
    }

    /// Starts the daemon without waiting for `state/ready` (for start-up failures). The stderr of
    /// an earlier run on this tree is kept in ``earlierStderr``.
    func launch(extraArguments: [String] = [], asUser: uid_t? = nil) throws {
        lastArguments = extraArguments
        lastUser = asUser
        let daemonArguments =
            [
                "run", "--inbox", inbox.path, "--output", output.path, "--archive", archive.path, "--failed",
                failed.path,
                "--state", state.path, "--settle-ms", "100", "--config", configFile,
            ] + extraArguments
        // A marker left by an earlier run must not pass for this run's.
        unlink(state.appendingPathComponent("ready").path)
        let process = ChildProcess()
        if let asUser {
            try Privileges.handOver(root, to: asUser)
            process.executableURL = URL(fileURLWithPath: Privileges.setpriv)
            let capabilities = grantLeaseCapability ? ["--inh-caps=+lease", "--ambient-caps=+lease"] : []
            process.arguments =
                ["--reuid=\(asUser)", "--regid=\(asUser)", "--clear-groups"] + capabilities + ["--", Self.binary.path]
                + daemonArguments
        } else {
            process.executableURL = Self.binary
            process.arguments = daemonArguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        earlierStderr += daemonStderr()
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        let stderrHandle = try FileHandle(forWritingTo: stderrFile)
        process.standardError = stderrHandle
        if stderrIsJournal {
            var info = stat()
            fstat(stderrHandle.fileDescriptor, &info)
            environment["JOURNAL_STREAM"] = "\(info.st_dev):\(info.st_ino)"
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    /// Waits until the running daemon wrote `state/ready`.
    func waitForReady(timeout: Double = 20) throws {
        let ready = state.appendingPathComponent("ready")
        guard waitUntil(timeout: timeout, { FileManager.default.fileExists(atPath: ready.path) }) else {
            throw HarnessError.notReady(stderr: daemonStderr())
        }
    }

    /// The daemon's process id (nil before the first start).
    var pid: pid_t? { process?.processIdentifier }

    /// Whether the daemon process is still alive (a stopped process counts as alive).
    var isRunning: Bool { process?.isRunning ?? false }

    /// Sends `signal` (SIGSTOP, SIGCONT, SIGKILL...) to the daemon.
    func send(_ signal: Int32) {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    /// Waits for the daemon to exit and returns its status (nil when it still runs after `timeout`).
    @discardableResult
    func waitForExit(timeout: Double) -> Int32? {
        guard let process else { return nil }
        guard waitUntil(timeout: timeout, { !process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    /// Sends SIGTERM and returns the exit status (nil when it did not exit within `timeout`).
    @discardableResult
    func stop(timeout: Double = 30) -> Int32? {
        guard let process, process.isRunning else { return process?.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        guard waitUntil(timeout: timeout, { !process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    func daemonStderr() -> String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// Writes `data` straight into the inbox (open, write, close: IN_CLOSE_WRITE).
    func write(_ data: Data, as name: String) throws {
        let url = inbox.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Writes `data` in the staging directory, then renames it into the inbox (IN_MOVED_TO).
    func renameIn(_ data: Data, as name: String) throws {
        let staged = staging.appendingPathComponent(UUID().uuidString)
        try data.write(to: staged)
        guard rename(staged.path, inbox.appendingPathComponent(name).path) == 0 else {
            throw HarnessError.rename(errno)
        }
    }

    /// The parsed document for inbox-relative `name`, waiting up to `timeout` seconds for it.
    func document(for name: String, timeout: Double = 10) throws -> [String: Any] {
        let url = output.appendingPathComponent(name + ".json")
        guard waitUntil(timeout: timeout, { FileManager.default.fileExists(atPath: url.path) }) else {
            throw HarnessError.noDocument(name, stderr: daemonStderr())
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let document = object as? [String: Any] else { throw HarnessError.notAnObject(name) }
        return document
    }

    /// The processing log's lines, parsed.
    func processingLog() throws -> [[String: Any]] {
        let text = (try? String(contentsOf: state.appendingPathComponent("processing.log"), encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Polls `condition` every 10 ms until it holds or `timeout` seconds pass.
    @discardableResult
    func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    enum HarnessError: Error, CustomStringConvertible {
        case notReady(stderr: String)
        case noDocument(String, stderr: String)
        case notAnObject(String)
        case rename(Int32)

        var description: String {
            switch self {
            case .notReady(let stderr): "daemon did not become ready; stderr:\n\(stderr)"
            case .noDocument(let name, let stderr): "no document for \(name); daemon stderr:\n\(stderr)"
            case .notAnObject(let name): "document for \(name) is not a JSON object"
            case .rename(let code): "rename failed: errno \(code)"
            }
        }
    }
}
