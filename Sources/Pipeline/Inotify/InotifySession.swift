import CInotify
import Foundation
import Glibc
import SystemPackage

/// The one owner of libinotifytools' process-global state.
///
/// libinotifytools keeps its inotify descriptor, watch table and event buffer in static storage
/// and is not thread-safe, so exactly one `InotifySession` may exist per process and it must be
/// used from a single thread (the watcher thread). Events are copied out of the library's static
/// buffer into ``InotifyEvent`` values before `nextEvent` returns.
///
/// The session keeps its own wd -> directory table: the library never drops a mapping when the
/// kernel removes a watch (`IN_IGNORED`), so its table goes stale for deleted directories.
public final class InotifySession {
    private var directories: [Int32: FilePath] = [:]
    private var watchDescriptors: [FilePath: Int32] = [:]
    nonisolated(unsafe) private static var exists = false

    /// Initialises libinotifytools. Throws ``InotifyError`` (`inotify-init`, `instance-limit`).
    public init() throws(InotifyError) {
        precondition(!Self.exists, "libinotifytools state is process-global: one InotifySession per process")
        guard inotifytools_initialize() != 0 else {
            let errno = inotifytools_error()
            throw InotifyError(code: errno == EMFILE ? "instance-limit" : "inotify-init", path: nil, errno: errno)
        }
        Self.exists = true
    }

    deinit {
        inotifytools_cleanup()
        Self.exists = false
    }

    /// Number of directories currently watched.
    public var watchCount: Int { directories.count }

    /// Whether `directory` has a live watch.
    public func isWatched(_ directory: FilePath) -> Bool { watchDescriptors[directory] != nil }

    /// Adds a watch on one directory (not recursive). Returns the watch descriptor.
    /// Throws `watch-limit` on ENOSPC, `watch` for anything else (ENOENT, EACCES, ENOTDIR...).
    @discardableResult
    public func watch(directory: FilePath, mask: InotifyMask = .inboxDirectory) throws(InotifyError) -> Int32 {
        let ok = directory.withPlatformString { inotifytools_watch_file($0, Int32(bitPattern: mask.rawValue)) }
        guard ok != 0 else {
            let errno = inotifytools_error()
            throw InotifyError(code: errno == ENOSPC ? "watch-limit" : "watch", path: directory.string, errno: errno)
        }
        let resolved = lookupWatchDescriptor(directory)
        if let old = watchDescriptors[directory], old != resolved { directories[old] = nil }
        directories[resolved] = directory
        watchDescriptors[directory] = resolved
        return resolved
    }

    private func lookupWatchDescriptor(_ directory: FilePath) -> Int32 {
        // The library stores directory names with a trailing slash; keep the name's raw bytes.
        let withSlash = directory.bytes.map { CChar(bitPattern: $0) } + [CChar(UInt8(ascii: "/")), 0]
        return withSlash.withUnsafeBufferPointer { inotifytools_wd_from_filename($0.baseAddress!) }
    }

    /// Removes the watches on `directory` and everything below it. Safe for watches the kernel
    /// already dropped.
    public func unwatch(subtree directory: FilePath) {
        for (path, wd) in watchDescriptors where path == directory || path.starts(with: directory) {
            _ = inotifytools_remove_watch_by_wd(wd)
            watchDescriptors[path] = nil
            directories[wd] = nil
        }
    }

    /// Removes every watch.
    public func unwatchAll() {
        for wd in directories.keys { _ = inotifytools_remove_watch_by_wd(wd) }
        directories.removeAll()
        watchDescriptors.removeAll()
    }

    /// Forgets a watch the kernel removed (`IN_IGNORED`) without asking the kernel again.
    public func forget(wd: Int32) {
        if let path = directories.removeValue(forKey: wd) { watchDescriptors[path] = nil }
    }

    /// Waits up to `timeoutSeconds` (whole seconds, > 0) for the next event.
    /// Returns `nil` on timeout or EINTR; throws `read` on any other error.
    public func nextEvent(timeoutSeconds: Int) throws(InotifyError) -> InotifyEvent? {
        precondition(timeoutSeconds > 0, "next_event(0) would wait forever")
        guard let raw = inotifytools_next_event(timeoutSeconds) else {
            let errno = inotifytools_error()
            if errno == 0 || errno == EINTR { return nil }
            throw InotifyError(code: "read", path: nil, errno: errno)
        }
        let header = raw.pointee
        // `struct inotify_event`'s flexible `name` member is not imported: read the bytes after it.
        var name: [UInt8] = []
        if header.len > 0 {
            let base = UnsafeRawPointer(raw).advanced(by: MemoryLayout<inotify_event>.size)
            let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: Int(header.len))
            name = Array(bytes.prefix { $0 != 0 })
        }
        return InotifyEvent(
            wd: header.wd, mask: InotifyMask(rawValue: header.mask), cookie: header.cookie,
            directory: directories[header.wd], name: name)
    }

    /// The kernel's `fs.inotify.max_user_watches`, read from /proc (the library's own getter
    /// for queued events reads the wrong file, so none of its getters are used).
    public static func maxUserWatches() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/sys/fs/inotify/max_user_watches", encoding: .utf8) else {
            return nil
        }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
