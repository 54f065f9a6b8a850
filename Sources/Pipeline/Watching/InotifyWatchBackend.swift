// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Logging
import Synchronization
import SystemPackage

/// The inotify watch backend: one dedicated thread owns the ``InotifySession`` (libinotifytools
/// is process-global and not thread-safe), drains events, keeps the watch tree in step with the
/// directories, and hands ``WatchHint``s on. It does no file I/O beyond listing new directories
/// to watch them.
///
/// The inbox root is watched again when it is deleted, moved away or unmounted and comes back;
/// the renamed-away tree stops being watched at once.
public final class InotifyWatchBackend: WatchBackend, @unchecked Sendable {
    // Confined to the watcher thread: `session`, `root`, `rootLost`, `deliver`, `unwatched`,
    // `nextWatchRetry`.
    private var session: InotifySession?
    private var root = FilePath()
    private var rootLost = false
    /// Directories whose watch failed at the inotify watch limit, retried every
    /// ``watchRetrySeconds`` (whether or not periodic rescans are on) until the limit is raised.
    private var unwatched = Set<FilePath>()
    private var nextWatchRetry: UInt64 = 0
    /// Seconds between attempts to add the watches that failed at the limit.
    public static let watchRetrySeconds: UInt64 = 10
    private var deliver: (@Sendable (WatchHint) -> Void)?
    private let stopRequested = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let logger: Logger
    private let heartbeat = Atomic<UInt64>(System.monotonicNanoseconds())
    /// Overflow events seen since start.
    public let overflowCount = Atomic<Int>(0)

    /// Released when the root goes (its file pins the root) and taken again when it comes back.
    private let inboxLock: InboxLock?

    /// - Parameter inboxLock: the lock held in the inbox root, if any.
    public init(logger: Logger, inboxLock: InboxLock? = nil) {
        self.logger = logger
        self.inboxLock = inboxLock
    }

    public func start(root: FilePath, deliver: @escaping @Sendable (WatchHint) -> Void) throws {
        let started = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        let thread = Thread { [self] in
            do {
                let session = try InotifySession()
                self.session = session
                self.root = root
                self.deliver = deliver
                try self.watchTree(root)
            } catch {
                failure.withLock { $0 = error }
                self.session = nil
                started.signal()
                self.finished.signal()
                return
            }
            started.signal()
            self.run()
            self.session = nil
            self.finished.signal()
        }
        thread.name = "watcherd.inotify"
        thread.start()
        started.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Whether the watcher thread went round its loop within the last `seconds` (it wakes at least
    /// once a second).
    public func isAlive(withinSeconds seconds: UInt64) -> Bool {
        System.monotonicNanoseconds() - heartbeat.load(ordering: .relaxed) < seconds * 1_000_000_000
    }

    public func stop() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    // MARK: - Watcher thread

    private func run() {
        guard let session else { return }
        while !stopRequested.load(ordering: .acquiring) {
            let now = System.monotonicNanoseconds()
            heartbeat.store(now, ordering: .relaxed)
            if rootLost { rewatchRoot() }
            if !unwatched.isEmpty, now >= nextWatchRetry { retryWatches(now: now) }
            let event: InotifyEvent?
            do {
                event = try session.nextEvent(timeoutSeconds: 1)
            } catch {
                logger.error("inotify read failed; rescanning", metadata: ["error": "\(error)"])
                deliver?(.rescan(.overflow))
                continue
            }
            if let event { handle(event) }
        }
    }

    private func handle(_ event: InotifyEvent) {
        guard let deliver, let session else { return }
        let mask = event.mask
        if mask.contains(.queueOverflow) {
            let count = overflowCount.add(1, ordering: .relaxed).newValue
            logger.warning(
                "inotify event queue overflowed; rescanning the inbox",
                metadata: ["overflows": "\(count)"])
            deliver(.rescan(.overflow))
            return
        }
        let isRoot = event.directory == root && event.name.isEmpty
        if mask.contains(.ignored) {
            session.forget(wd: event.wd)
            if isRoot { loseRoot(.watchRemoved) }
            return
        }
        if isRoot, !mask.intersection([.deleteSelf, .moveSelf, .unmount]).isEmpty {
            loseRoot(mask.contains(.moveSelf) ? .movedAway : mask.contains(.unmount) ? .unmounted : .deleted)
            return
        }
        guard let path = event.path, !event.name.isEmpty else { return }
        if event.directory == root, event.name == Array(InboxLock.fileName.utf8),
            !mask.intersection([.delete, .movedFrom]).isEmpty
        {
            // The first step of removing the inbox: let go, or the root is never reported deleted.
            inboxLock?.release(because: "lock file removed")
            return
        }
        if mask.contains(.isDirectory) {
            if !mask.intersection([.create, .movedTo]).isEmpty, event.name.first != UInt8(ascii: ".") {
                do {
                    try watchTree(path)
                } catch {
                    watchFailed(path, error)
                }
                deliver(.directoryAppeared(path))
            } else if mask.contains(.movedFrom) {
                session.unwatch(subtree: path)
            }
            return
        }
        if IgnoredNames.isIgnored(event.name) { return }
        if mask.contains(.closeWrite) {
            deliver(.written(path))
        } else if mask.contains(.movedTo) {
            deliver(.renamedIn(path))
        } else if mask.contains(.attrib) {
            deliver(.attributesChanged(path))
        } else if mask.contains(.create) {
            deliver(.created(path))
        }
    }

    /// A new directory could not be watched. At the watch limit it is retried every
    /// ``watchRetrySeconds``, and scanned once its watch is set; other errors (the directory went,
    /// or cannot be read) are logged.
    private func watchFailed(_ path: FilePath, _ error: InotifyError) {
        guard error.code == .watchLimit else {
            logger.warning("cannot watch new directory", metadata: ["path": "\(path)", "error": "\(error)"])
            return
        }
        if unwatched.isEmpty { nextWatchRetry = System.monotonicNanoseconds() + Self.watchRetrySeconds * 1_000_000_000 }
        if unwatched.insert(path).inserted {
            logger.error(
                """
                cannot watch new directory: the inotify watch limit is exhausted (raise \
                fs.inotify.max_user_watches); retrying every \(Self.watchRetrySeconds) s, and files in it are \
                taken once it is watched
                """,
                metadata: ["path": "\(path)"])
        }
    }

    /// Tries the failed watches again; a directory watched at last is scanned for what arrived.
    private func retryWatches(now: UInt64) {
        nextWatchRetry = now + Self.watchRetrySeconds * 1_000_000_000
        for path in unwatched.sorted(by: { $0.bytes.count < $1.bytes.count }) {
            var info = stat()
            guard path.withPlatformString({ lstat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                unwatched.remove(path)  // gone meanwhile
                continue
            }
            do {
                try watchTree(path)
            } catch {
                if error.code == .watchLimit { return }  // still at the limit: try later
                unwatched.remove(path)
                continue
            }
            unwatched.remove(path)
            logger.notice("watching a directory that had hit the watch limit", metadata: ["path": "\(path)"])
            deliver?(.directoryAppeared(path))
        }
    }

    /// Why the inbox root stopped being watched, as logged.
    private enum RootLoss: String {
        case watchRemoved = "watch removed"
        case movedAway = "moved away"
        case unmounted
        case deleted
    }

    private func loseRoot(_ why: RootLoss) {
        guard !rootLost else { return }
        // A tree moved away keeps live watches that must go; a deleted or unmounted one loses
        // them in the kernel by itself.
        if why == .movedAway { session?.unwatchAll() } else { session?.forgetAll() }
        rootLost = true
        inboxLock?.release(because: "inbox root \(why.rawValue)")
        logger.warning(
            "inbox root lost; waiting for it to come back", metadata: ["path": "\(root)", "why": "\(why.rawValue)"])
    }

    private func rewatchRoot() {
        var info = stat()
        guard root.withPlatformString({ lstat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        do {
            try watchTree(root)
            rootLost = false
            logger.notice("inbox root is back; watching it again", metadata: ["path": "\(root)"])
            inboxLock?.reacquire()
            deliver?(.rescan(.rootReplaced))
        } catch {
            session?.unwatchAll()
            logger.error("cannot watch the inbox root again", metadata: ["error": "\(error)"])
        }
    }

    /// Watches `directory` and every non-dot directory below it, parents before children, so a
    /// directory created while the walk runs is either seen by the walk or reported by its parent.
    private func watchTree(_ directory: FilePath) throws(InotifyError) {
        guard let session else { return }
        var pending = [directory]
        while let next = pending.popLast() {
            do {
                try session.watch(directory: next)
            } catch  where error.code == .watch && next != directory {
                continue  // vanished or unreadable subdirectory: not fatal
            }
            let listing = InboxScanner.subdirectories(of: next)
            pending.append(contentsOf: listing)
        }
    }
}
