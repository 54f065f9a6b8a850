// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Testing

/// A private PostgreSQL cluster for tests: `initdb` in a fresh temporary directory, `pg_ctl
/// start` on a free loopback port with its socket in that directory, never a system-wide server;
/// ``stop()`` (or deinit) stops it and removes the directory. PostgreSQL refuses to run as root:
/// under root the cluster belongs to, and runs as, the `postgres` user (`nobody` when there is
/// none), through `setpriv`.
///
/// The binaries come from Debian's `postgresql` package (`/usr/lib/postgresql/<version>/bin`;
/// `make setup` installs it). Without them the tests that need a server are skipped with a
/// message, except under CI (`CI` set), where they fail: use
/// `@Test(.enabled(if: PostgresCluster.runnable, PostgresCluster.skipMessage))` and
/// `try PostgresCluster.start()`.
public final class PostgresCluster: @unchecked Sendable {
    public let directory: URL
    public let port: Int
    public let user = "watcherd"
    public let database = "watcherd"
    private let binaries: String
    private let owner: (uid: uid_t, gid: gid_t)?
    private var running = false

    /// `postgres://watcherd@127.0.0.1:PORT/watcherd` (trust authentication on loopback).
    public var url: String { "postgres://\(user)@127.0.0.1:\(port)/\(database)" }

    public static let isCI = ProcessInfo.processInfo.environment["CI"] != nil

    /// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb` and `pg_ctl`.
    public static let binaryDirectory: String? = {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        return versions.map { "\(base)/\($0)/bin" }.first {
            FileManager.default.isExecutableFile(atPath: $0 + "/initdb")
                && FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl")
        }
    }()

    /// True when PostgreSQL is installed, or under CI (where its absence must fail the test).
    public static var runnable: Bool { binaryDirectory != nil || isCI }

    public static let skipMessage: Comment =
        "needs PostgreSQL's server binaries (Debian package postgresql: make setup); set CI=1 to fail instead"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates and starts a cluster with the database `watcherd`.
    ///
    /// - Throws: ``Failure`` when PostgreSQL is not installed or does not start (with its log).
    public static func start() throws -> PostgresCluster {
        guard let binaries = binaryDirectory else {
            throw Failure(description: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): make setup")
        }
        let cluster = try PostgresCluster(binaries: binaries)
        try cluster.initialise()
        try cluster.startServer()
        try cluster.createDatabase()
        return cluster
    }

    private init(binaries: String) throws {
        self.binaries = binaries
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("watcherd-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = LoopbackPort.free()
        if geteuid() == 0 {
            let account = getpwnam("postgres") ?? getpwnam("nobody")
            guard let account else { throw Failure(description: "running as root and no postgres or nobody user") }
            owner = (account.pointee.pw_uid, account.pointee.pw_gid)
            guard chown(directory.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                throw Failure(description: "chown \(directory.path): \(String(cString: strerror(errno)))")
            }
        } else {
            owner = nil
        }
    }

    deinit { stop() }

    private var dataDirectory: String { directory.appendingPathComponent("data").path }
    private var logFile: String { directory.appendingPathComponent("server.log").path }

    private func initialise() throws {
        let result = run(
            binaries + "/initdb",
            ["-D", dataDirectory, "-U", user, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        guard result.status == 0 else { throw Failure(description: "initdb failed:\n\(result.output)") }
    }

    /// Starts the server (again, after ``stopServer()``) and waits until it accepts connections.
    public func startServer() throws {
        let options =
            "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
            + " -c max_connections=200"
        let result = run(
            binaries + "/pg_ctl", ["-D", dataDirectory, "-o", options, "-l", logFile, "-w", "-t", "60", "start"])
        guard result.status == 0 else {
            throw Failure(description: "pg_ctl start failed:\n\(result.output)\n\(serverLog())")
        }
        running = true
    }

    /// Stops the server (fast shutdown: open connections are closed), keeping the cluster.
    public func stopServer() {
        guard running else { return }
        _ = run(binaries + "/pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"])
        running = false
    }

    /// Stops the server and removes the cluster's directory.
    public func stop() {
        stopServer()
        try? FileManager.default.removeItem(at: directory)
    }

    private func createDatabase() throws {
        let result = run(binaries + "/createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, database])
        guard result.status == 0 else { throw Failure(description: "createdb failed:\n\(result.output)") }
    }

    /// Runs `sql` with psql (unaligned, tuples only, tab-separated) and returns its rows.
    ///
    /// - Throws: ``Failure`` with psql's output when it fails.
    public func query(_ sql: String) throws -> [[String]] {
        let result = run(
            binaries + "/psql",
            [
                "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U",
                user, "-d", database, "-c", sql,
            ], asOwner: false)
        guard result.status == 0 else { throw Failure(description: "psql failed on \(sql):\n\(result.output)") }
        return result.output.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The first column of the first row, as an integer.
    public func integer(_ sql: String) throws -> Int {
        guard let text = try query(sql).first?.first, let value = Int(text) else {
            throw Failure(description: "no integer from \(sql)")
        }
        return value
    }

    public func serverLog() -> String {
        (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
    }

    /// Runs a PostgreSQL binary, as the cluster's owner when the tests run as root, with its
    /// output (stdout and stderr) in a file of the cluster's directory.
    ///
    /// Spawned with `posix_spawn` and reaped with `waitpid`, not Foundation's `Process`: its
    /// `waitUntilExit()` never returned for `pg_ctl start` (the child stayed a zombie, unreaped).
    private func run(_ executable: String, _ arguments: [String], asOwner: Bool = true) -> (
        status: Int32, output: String
    ) {
        // In the cluster's directory (`env -C`): the postgres user may not enter the current one.
        var argv = ["/usr/bin/env", "-C", directory.path, executable] + arguments
        if let owner, asOwner {
            argv = ["/usr/bin/setpriv", "--reuid=\(owner.uid)", "--regid=\(owner.gid)", "--clear-groups", "--"] + argv
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment["PGTZ"] = "UTC"
        let outputPath = directory.appendingPathComponent("run-\(UUID().uuidString.prefix(8)).out").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        ChildProcess.closeInheritedDescriptors(&actions)
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { return (-1, "posix_spawn \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, output)
    }
}
