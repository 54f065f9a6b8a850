// SPDX-License-Identifier: GPL-2.0-or-later

import Logging
import Synchronization
import SystemPackage

/// The lock that keeps a second daemon off this inbox: ``InstanceLock`` on `INBOX/.watcherd.lock`,
/// released when the inbox root goes away and taken again in the inbox that replaces it.
///
/// An open file pins its directory's dentry, so while the lock file is held inside the inbox, the
/// kernel does not report the inbox deleted (`IN_DELETE_SELF` comes only once the last reference
/// goes). The watch backend therefore releases this lock when the lock file itself is deleted or
/// moved (the first step of an `rm -rf` of the inbox), and when the root is lost; it takes it again
/// when the root is watched again.
public final class InboxLock: Sendable {
    /// The name of the lock file in the inbox root (a dot-file: the intake never takes it).
    public static let fileName = ".watcherd.lock"

    private let directory: FilePath
    private let held: Mutex<InstanceLock?>
    private let logger: Logger

    /// Takes the lock in `inbox`.
    ///
    /// - Throws: ``InstanceLock/Failure`` when another process holds it or the file cannot be used.
    public init(inbox: FilePath, logger: Logger) throws(InstanceLock.Failure) {
        directory = inbox
        self.logger = logger
        held = Mutex(try InstanceLock.acquire(inbox.appending(Self.fileName)))
    }

    /// Whether the lock is held now.
    public var isHeld: Bool { held.withLock { $0 != nil } }

    /// Closes the lock file (the kernel drops the lock), so that a deleted inbox can go.
    public func release(because reason: String) {
        let released = held.withLock { lock -> Bool in
            defer { lock = nil }
            return lock != nil
        }
        if released {
            logger.warning(
                "inbox lock released; it is taken again when the inbox root is watched again",
                metadata: ["path": "\(directory.appending(Self.fileName))", "why": "\(reason)"])
        }
    }

    /// Takes the lock again in the inbox now at the path (after the root came back). A failure is
    /// logged, not thrown: the daemon goes on with the inbox it watches.
    public func reacquire() {
        held.withLock { lock in
            guard lock == nil else { return }
            do {
                lock = try InstanceLock.acquire(directory.appending(Self.fileName))
            } catch {
                logger.error(
                    "cannot take the inbox lock again: another daemon may share this inbox",
                    metadata: ["error": "\(error)"])
            }
        }
    }
}
