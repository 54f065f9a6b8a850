// SPDX-License-Identifier: GPL-2.0-or-later

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
/// The session keeps its own wd -> directory table, with the directory's device and inode at the
/// time the watch was added. libinotifytools never drops a mapping when the kernel removes a
/// watch (`IN_IGNORED`): its `inotify_rm_watch` fails, it prints "Failed to remove watch" and keeps
/// the entry, and its filename index keeps the first entry inserted under a name. A directory that
/// is deleted and recreated under the same name would then resolve to the dead wd and every event
/// of the new watch would lose its directory. So a watch that is gone, or about to be replaced, is
/// *parked*: renamed in the library's table to a name no directory can have, which frees its real
/// name for the new watch.
public final class InotifySession {
    private struct Watched {
        var path: FilePath
        var device: UInt64
        var inode: UInt64
    }

    private var directories: [Int32: Watched] = [:]
    private var watchDescriptors: [FilePath: Int32] = [:]
    nonisolated(unsafe) private static var exists = false

    /// Initialises libinotifytools. Throws ``InotifyError`` (`inotify-init`, `instance-limit`).
    public init() throws(InotifyError) {
        precondition(!Self.exists, "libinotifytools state is process-global: one InotifySession per process")
        guard inotifytools_initialize() != 0 else {
            let errno = inotifytools_error()
            throw InotifyError(code: errno == EMFILE ? .instanceLimit : .initialisation, path: nil, errno: errno)
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
        var info = stat()
        guard directory.withPlatformString({ stat($0, &info) }) == 0 else {
            throw InotifyError(code: .watch, path: directory.string, errno: Glibc.errno)
        }
        let name = Self.libraryName(directory)
        let previous = name.withUnsafeBufferPointer { inotifytools_wd_from_filename($0.baseAddress!) }
        if previous >= 0 {
            let known = directories[previous]
            if known?.device != UInt64(info.st_dev) || known?.inode != UInt64(info.st_ino) {
                // A dead watch, or one on the directory this name used to be: not ours to reuse.
                park(wd: previous)
                forget(wd: previous)
            }
        }
        let ok = directory.withPlatformString { inotifytools_watch_file($0, Int32(bitPattern: mask.rawValue)) }
        guard ok != 0 else {
            let errno = inotifytools_error()
            throw InotifyError(code: errno == ENOSPC ? .watchLimit : .watch, path: directory.string, errno: errno)
        }
        let wd = name.withUnsafeBufferPointer { inotifytools_wd_from_filename($0.baseAddress!) }
        precondition(wd >= 0, "libinotifytools lost the watch it just added")
        if let old = watchDescriptors[directory], old != wd { directories[old] = nil }
        directories[wd] = Watched(path: directory, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        watchDescriptors[directory] = wd
        return wd
    }

    /// The name the library files a directory under: its raw bytes with a trailing slash, NUL-ended.
    private static func libraryName(_ directory: FilePath) -> [CChar] {
        directory.bytes.map { CChar(bitPattern: $0) } + [CChar(UInt8(ascii: "/")), 0]
    }

    /// Renames the library's entry for `wd` to a name no path can have (it starts with a NUL-free
    /// marker that is not absolute and holds the wd), so its real name is free for a new watch.
    private func park(wd: Int32) {
        inotifytools_set_filename_by_wd(wd, "\u{1}parked-wd-\(wd)/")
    }

    /// Removes the watches on `directory` and everything below it.
    public func unwatch(subtree directory: FilePath) {
        for (path, wd) in watchDescriptors where path == directory || path.starts(with: directory) {
            remove(wd: wd)
        }
    }

    /// Removes every watch.
    public func unwatchAll() {
        for wd in Array(directories.keys) { remove(wd: wd) }
    }

    /// Forgets every watch without asking the kernel: for a tree that was deleted or unmounted,
    /// whose watches the kernel drops by itself.
    public func forgetAll() {
        for wd in Array(directories.keys) { forget(wd: wd) }
    }

    /// Asks the kernel to drop `wd`, then forgets it. A watch the kernel already dropped makes the
    /// library print one "Failed to remove watch" line on stderr; its entry is parked.
    private func remove(wd: Int32) {
        _ = inotifytools_remove_watch_by_wd(wd)
        forget(wd: wd)
    }

    /// Forgets a watch the kernel removed (`IN_IGNORED`) without asking the kernel again, and parks
    /// the library's stale entry for it.
    public func forget(wd: Int32) {
        guard let watched = directories.removeValue(forKey: wd) else { return }
        park(wd: wd)
        if watchDescriptors[watched.path] == wd { watchDescriptors[watched.path] = nil }
    }

    /// Waits up to `timeoutSeconds` (whole seconds, > 0) for the next event.
    /// Returns `nil` on timeout or EINTR; throws `read` on any other error.
    public func nextEvent(timeoutSeconds: Int) throws(InotifyError) -> InotifyEvent? {
        precondition(timeoutSeconds > 0, "next_event(0) would wait forever")
        guard let raw = inotifytools_next_event(timeoutSeconds) else {
            let errno = inotifytools_error()
            if errno == 0 || errno == EINTR { return nil }
            throw InotifyError(code: .read, path: nil, errno: errno)
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
            directory: directories[header.wd]?.path, name: name)
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
