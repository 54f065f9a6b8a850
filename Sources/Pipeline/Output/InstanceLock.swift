// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import SystemPackage

/// One daemon per state directory and per inbox: an exclusive `flock(2)` on a lock file, held for
/// the life of the process (the kernel releases it when the process dies, however it dies), with
/// the holder's PID written into the file so that a second instance can name it.
///
/// Two locks are taken at start-up: `STATE/watcherd.lock` and `INBOX/.watcherd.lock` (a dot-file,
/// which the intake ignores), so that neither two daemons sharing a state directory nor two on one
/// inbox with different state directories can run (the inbox one through `InboxLock`). With a
/// shared PostgreSQL ledger only the state lock is taken: several daemons share the inbox then.
public final class InstanceLock: Sendable {
    /// Another process holds the lock, or the lock file cannot be used.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Held by the process `pid` (`nil` when it did not write its PID yet).
        case held(path: String, pid: Int32?)
        /// The lock file cannot be created or locked.
        case unusable(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .held(let path, let pid):
                "already-running: \(path) is locked by another watcherd"
                    + (pid.map { " (PID \($0))" } ?? "") + "; one daemon per state directory and inbox"
            case .unusable(let path, let errno):
                "lock: \(path): \(String(cString: strerror(errno)))"
            }
        }
    }

    /// The lock file.
    public let path: FilePath
    private let descriptor: Int32

    private init(path: FilePath, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock on `path` (creating the file, mode 0644) without waiting, and writes this
    /// process's PID into it.
    ///
    /// - Throws: ``Failure/held(path:pid:)`` naming the holder's PID when another process has
    ///   it; ``Failure/unusable(path:errno:)`` when the file cannot be opened or locked.
    public static func acquire(_ path: FilePath) throws(Failure) -> InstanceLock {
        let fd = path.withPlatformString { open($0, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644) }
        guard fd >= 0 else { throw .unusable(path: path.string, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = code == EWOULDBLOCK ? readPID(fd) : nil
            close(fd)
            if code == EWOULDBLOCK { throw .held(path: path.string, pid: holder) }
            throw .unusable(path: path.string, errno: code)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return InstanceLock(path: path, descriptor: fd)
    }

    /// The PID written in the lock file, if any.
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        return Int32(text.trimmingPrefix(while: \.isWhitespace).prefix { $0.isNumber })
    }
}
