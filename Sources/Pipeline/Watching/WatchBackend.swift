// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// A source of ``WatchHint``s for one inbox tree.
///
/// Implementations: ``InotifyWatchBackend`` (local filesystems) and ``PollingWatchBackend``
/// (network filesystems, where remote writers produce no inotify events).
public protocol WatchBackend: AnyObject, Sendable {
    /// Starts watching `root` recursively and returns once the watch is in place, so that a scan
    /// started afterwards misses nothing. Hints are delivered on an arbitrary thread, in order.
    /// Throws when the watch cannot be set (for inotify: ``InotifyError`` `watch-limit`).
    func start(root: FilePath, deliver: @escaping @Sendable (WatchHint) -> Void) throws
    /// Stops delivering hints; returns when the backend's thread has ended.
    func stop()
}
