// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Synchronization

/// A child process started with `posix_spawn` and reaped with `waitpid` on its own pid: the part
/// of Foundation's `Process` the tests use, under the same names, without its monitor thread.
/// Differences: a standard stream left `nil` is inherited (as `Process` does by default, but
/// setting `nil` explicitly does not mean `/dev/null` here); the child stays in the test runner's
/// process group; ``terminationStatus`` is 0 while the child runs.
///
/// Why not `Process`: on Linux it learns that a child exited through a socket the child inherits
/// (swift-corelibs-foundation #4795). With the suites spawning in parallel, children inherited
/// each other's sockets; Foundation's one monitor thread then sat in a blocking `waitpid` on a
/// daemon that was still running, so every other test's `waitUntilExit()` hung behind it and
/// `isRunning` stayed true after a SIGKILL (a CI run stopped on a harness precondition that
/// relies on it). Here each child gets only descriptors 0, 1 and 2 (`closefrom(3)` in the
/// child), and each wait is on the child's own pid.
public final class ChildProcess: Sendable {
    /// A standard stream: inherited, a file handle, or a pipe.
    private enum Stream: Sendable {
        case inherited
        case handle(FileHandle)
        case pipe(Pipe)

        init(_ value: Any?) {
            switch value {
            case let pipe as Pipe: self = .pipe(pipe)
            case let handle as FileHandle: self = .handle(handle)
            default: self = .inherited
            }
        }

        var value: Any? {
            switch self {
            case .inherited: nil
            case .handle(let handle): handle
            case .pipe(let pipe): pipe
            }
        }
    }

    private struct Settings: Sendable {
        var executableURL: URL?
        var arguments: [String] = []
        var environment: [String: String]?
        var standardInput = Stream.inherited
        var standardOutput = Stream.inherited
        var standardError = Stream.inherited
    }

    private struct State {
        var pid: pid_t = 0
        /// The raw `waitpid` status, once reaped.
        var status: Int32?
    }

    private let configuration = Mutex(Settings())
    private let state = Mutex(State())

    private var settings: Settings {
        get { configuration.withLock { $0 } }
        set { configuration.withLock { $0 = newValue } }
    }

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
        get { settings.standardInput.value }
        set { settings.standardInput = Stream(newValue) }
    }

    public var standardOutput: Any? {
        get { settings.standardOutput.value }
        set { settings.standardOutput = Stream(newValue) }
    }

    public var standardError: Any? {
        get { settings.standardError.value }
        set { settings.standardError = Stream(newValue) }
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
        let settings = self.settings
        for (target, stream, isInput) in [
            (Int32(0), settings.standardInput, true), (1, settings.standardOutput, false),
            (2, settings.standardError, false),
        ] {
            let handle: FileHandle?
            switch stream {
            case .pipe(let pipe):
                handle = isInput ? pipe.fileHandleForReading : pipe.fileHandleForWriting
                parentCopies.append(handle!)
            case .handle(let file):
                handle = file
            case .inherited:
                handle = nil
            }
            guard let handle else { continue }
            if handle === FileHandle.nullDevice || handle.fileDescriptor < 0 {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", isInput ? O_RDONLY : O_WRONLY, 0)
            } else {
                posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, target)
            }
        }
        Self.closeInheritedDescriptors(&actions)
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

    /// Whether the child has been started and has not exited yet (a stopped child counts as
    /// running).
    public var isRunning: Bool { processIdentifier > 0 && reap(blocking: false) == nil }

    /// Blocks until the child has exited.
    public func waitUntilExit() { _ = reap(blocking: true) }

    /// The exit code, or the number of the signal that ended the child (as `Process` gives it);
    /// 0 while it runs (where `Process` traps).
    public var terminationStatus: Int32 {
        guard let status = reap(blocking: false) else { return 0 }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
    }

    /// Adds the action that closes every descriptor from 3 up in the child.
    public static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        guard let addCloseFrom else {
            preconditionFailure("the tests need glibc 2.34 or later (posix_spawn_file_actions_addclosefrom_np)")
        }
        _ = addCloseFrom(&actions, 3)
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
            // Reaped by a concurrent call, which stores the status at once (bounded: nothing else
            // in the tests reaps children).
            var spins = 0
            while blocking, state.withLock({ $0.status }) == nil, spins < 5_000 {
                usleep(1_000)
                spins += 1
            }
            return state.withLock { $0.status }
        }
        state.withLock { $0.status = status }
        return status
    }
}
