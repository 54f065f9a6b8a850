// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import TestSupport

/// Several real `watcherd` daemons on one shared tree (`inbox/ output/ archive/ failed/`), each
/// with its own state directory (`state-<n>/`), all with one PostgreSQL ledger: the multi-host
/// deployment on one machine.
///
/// The binary is ``binary``: the static release build when `make release` made one newer than
/// every source file (CI builds it before the tests), else the debug build next to the tests.
final class SharedInboxHarness {
    let root: URL
    let ledger: String
    var inbox: URL { root.appendingPathComponent("inbox") }
    var output: URL { root.appendingPathComponent("output") }
    var archive: URL { root.appendingPathComponent("archive") }
    var failed: URL { root.appendingPathComponent("failed") }
    var staging: URL { root.appendingPathComponent("staging") }
    private(set) var processes: [Int: ChildProcess] = [:]
    private var arguments: [Int: [String]] = [:]

    /// The release binary when it is current, else the debug one; and which it is.
    static let binary: (url: URL, isRelease: Bool) = {
        let release = InstallTests.releaseBinary
        let sources = InstallTests.packageRoot.appendingPathComponent("Sources")
        func modified(_ url: URL) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        }
        guard let built = modified(release) else { return (DaemonHarness.binary, false) }
        let enumerator = FileManager.default.enumerator(
            at: sources, includingPropertiesForKeys: [.contentModificationDateKey])
        while let file = enumerator?.nextObject() as? URL {
            if let changed = modified(file), changed > built { return (DaemonHarness.binary, false) }
        }
        return (release, true)
    }()

    init(ledger: String) throws {
        self.ledger = ledger
        root = FileManager.default.temporaryDirectory.appendingPathComponent("watcherd-hosts-\(UUID().uuidString)")
        for directory in [inbox, output, archive, failed, staging] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    deinit {
        for process in processes.values where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()  // reaped: a zombie would pass kill(pid, 0) as alive
        }
        try? FileManager.default.removeItem(at: root)
    }

    func state(_ host: Int) -> URL { root.appendingPathComponent("state-\(host)") }

    /// Starts daemon `host` (state directory `state-<host>`) and waits for its `ready` marker.
    func start(_ host: Int, extraArguments: [String] = [], timeout: Double = 60) throws {
        arguments[host] = extraArguments
        let ready = state(host).appendingPathComponent("ready")
        unlink(ready.path)
        let process = ChildProcess()
        process.executableURL = Self.binary.url
        process.arguments =
            [
                "run", "--config", "/dev/null", "--inbox", inbox.path, "--output", output.path, "--archive",
                archive.path, "--failed", failed.path, "--state", state(host).path, "--settle-ms", "100",
                "--ledger", ledger,
            ] + extraArguments
        let log = root.appendingPathComponent("daemon-\(host).stderr")
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        processes[host] = process
        guard poll(timeout: timeout, every: 0.05, { FileManager.default.fileExists(atPath: ready.path) }) else {
            throw SupportError.tool("watcherd \(host)", "not ready in \(timeout) s:\n\(stderr(host))")
        }
    }

    /// Starts daemon `host` again with the arguments of its last start.
    func restart(_ host: Int, timeout: Double = 60) throws {
        try start(host, extraArguments: arguments[host] ?? [], timeout: timeout)
    }

    func pid(_ host: Int) -> pid_t? { processes[host]?.processIdentifier }

    func send(_ signal: Int32, to host: Int) {
        guard let process = processes[host], process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    /// SIGKILLs daemon `host` and waits until it is gone.
    func kill9(_ host: Int) {
        send(SIGKILL, to: host)
        processes[host]?.waitUntilExit()
    }

    /// SIGTERM; the exit status, or nil when it did not exit within `timeout`.
    @discardableResult
    func stop(_ host: Int, timeout: Double = 60) -> Int32? {
        guard let process = processes[host] else { return nil }
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        guard poll(timeout: timeout, every: 0.05, { !process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    func stderr(_ host: Int) -> String {
        (try? String(contentsOf: root.appendingPathComponent("daemon-\(host).stderr"), encoding: .utf8)) ?? ""
    }

    /// Every parsable processing-log line of daemon `host`.
    func logEntries(_ host: Int) -> [[String: Any]] {
        let text =
            (try? String(contentsOf: state(host).appendingPathComponent("processing.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The daemon's status file, parsed.
    func status(_ host: Int) -> [String: Any]? {
        guard let data = try? Data(contentsOf: state(host).appendingPathComponent("status.json")) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Writes each `(name, bytes)` into the staging directory, then renames them all into the
    /// inbox: a burst that arrives at once.
    func drop(_ files: [(name: String, data: Data)]) throws {
        for file in files {
            try file.data.write(to: staging.appendingPathComponent(file.name))
        }
        for file in files {
            guard
                rename(staging.appendingPathComponent(file.name).path, inbox.appendingPathComponent(file.name).path)
                    == 0
            else { throw SupportError.system("rename", errno) }
        }
    }

    /// Names of the entries directly in `directory` (dot-files excluded), by readdir.
    func names(in directory: URL) -> [String] {
        guard let dir = opendir(directory.path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    func count(in directory: URL, suffix: String = "") -> Int {
        names(in: directory).filter { $0.hasSuffix(suffix) }.count
    }

    @discardableResult
    func poll(timeout: Double, every interval: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(useconds_t(interval * 1_000_000))
        }
        return condition()
    }
}
