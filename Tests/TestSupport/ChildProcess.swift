// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Synchronization

/// A child process started with `posix_spawn` and reaped with `waitpid` on its own pid: the part
/// of Foundation's `Process` the tests use, under the same names, without its monitor thread.
///
/// Why not `Process`: on Linux it learns that a child exited through a socket the child inherits
/// (swift-corelibs-foundation #4795). With the suites spawning in parallel, children inherited
/// each other's sockets; Foundation's one monitor thread then sat in a blocking `waitpid` on a
/// daemon that was still running, so every other test's `waitUntilExit()` hung behind it and
/// `isRunning` stayed true after a SIGKILL (a CI run stopped on a harness precondition that
/// relies on it). Here each child gets only descriptors 0, 1 and 2 (`closefrom(3)` in the
/// child), and each wait is on the child's own pid.
public final class ChildProcess: Sendable {
    private struct Settings {
        var executableURL: URL?
        var arguments: [String] = []
        var environment: [String: String]?
        var standardInput: Any?
        var standardOutput: Any?
        var standardError: Any?
    }

    private struct State {
        var pid: pid_t = 0
        /// The raw `waitpid` status, once reaped.
        var status: Int32?
    }

    // `Any` (a `FileHandle` or a `Pipe`) is not `Sendable`; the settings are set before `run()`
    // on one thread, as with `Process`.
    nonisolated(unsafe) private var settings = Settings()
    private let state = Mutex(State())

    public init() {}

    public var executableURL: URL? {
        get { settings.executableURL }
        set { settings.executableURL = newValue }
    }

    public var arguments: [String]? {
        get { settings.arguments }
        set { settings.arguments = newValue ?? [] }
    }

    /// The child's whole environment (`nil`: this process's).
    public var environment: [String: String]? {
        get { settings.environment }
        set { settings.environment = newValue }
    }

    /// A `FileHandle` or a `Pipe` (its write end for output, read end for input; the parent's copy
    /// of the child's end is closed after the spawn, as `Process` does); `nil`: inherited.
    public var standardInput: Any? {
        get { settings.standardInput }
        set { settings.standardInput = newValue }
    }

    public var standardOutput: Any? {
        get { settings.standardOutput }
        set { settings.standardOutput = newValue }
    }

    public var standardError: Any? {
        get { settings.standardError }
        set { settings.standardError = newValue }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public var executable: String
        public var errno: Int32
        public var description: String { "posix_spawn \(executable): \(String(cString: strerror(errno)))" }
    }

    /// Starts the child. Throws ``SpawnError`` when it cannot be spawned.
    public func run() throws {
        guard let executable = settings.executableURL?.path else {
            throw SpawnError(executable: "(no executable)", errno: ENOENT)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentCopies: [FileHandle] = []
        for (target, stream, isInput) in [
            (Int32(0), settings.standardInput, true), (1, settings.standardOutput, false),
            (2, settings.standardError, false),
        ] {
            let handle: FileHandle?
            switch stream {
            case let pipe as Pipe:
                handle = isInput ? pipe.fileHandleForReading : pipe.fileHandleForWriting
                parentCopies.append(handle!)
            case let file as FileHandle:
                handle = file
            default:
                handle = nil
            }
            guard let handle else { continue }
            if handle === FileHandle.nullDevice || handle.fileDescriptor < 0 {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", isInput ? O_RDONLY : O_WRONLY, 0)
            } else {
                posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, target)
            }
        }
        _ = Self.addCloseFrom?(&actions, 3)
        let argv = [executable] + settings.arguments
        let environment = settings.environment ?? ProcessInfo.processInfo.environment
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw SpawnError(executable: executable, errno: spawned) }
        state.withLock { $0 = State(pid: pid, status: nil) }
        for handle in parentCopies { try? handle.close() }
    }

    /// The child's pid (0 before ``run()``).
    public var processIdentifier: Int32 { state.withLock { $0.pid } }

    /// Whether the child has not exited yet (a stopped child counts as running).
    public var isRunning: Bool { reap(blocking: false) == nil }

    /// Blocks until the child has exited.
    public func waitUntilExit() { _ = reap(blocking: true) }

    /// The exit code, or the number of the signal that ended the child (as `Process` gives it);
    /// 0 while it runs.
    public var terminationStatus: Int32 {
        guard let status = reap(blocking: false) else { return 0 }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up at run time:
    /// its header declares it only under `_GNU_SOURCE`, which the `Glibc` module is not built with.
    private static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
        unsafeBitCast($0, to: AddCloseFrom.self)
    }

    /// The raw status once the child is reaped; `nil` while it runs (or before ``run()``).
    private func reap(blocking: Bool) -> Int32? {
        let (pid, known) = state.withLock { ($0.pid, $0.status) }
        if let known { return known }
        guard pid > 0 else { return nil }
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while reaped < 0 && errno == EINTR
        guard reaped == pid else {
            // Reaped by a concurrent call, which stores the status at once.
            while blocking, state.withLock({ $0.status }) == nil { usleep(1_000) }
            return state.withLock { $0.status }
        }
        state.withLock { $0.status = status }
        return status
    }
}
