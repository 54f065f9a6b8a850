// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import SystemPackage

/// Which file a path held when it was read: device, inode, size and modification time, from
/// `fstat` on the opened descriptor. Before an input is moved out of the inbox its path is checked
/// against this identity, so a new version renamed over it (or rewritten in place) while the old
/// one was in flight is never archived or failed in its place: it stays for its own turn.
///
/// The change time is left out on purpose: a rename updates it on most filesystems.
public struct FileIdentity: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64
    /// Bytes.
    public let size: Int64
    /// Modification time, nanoseconds since the epoch.
    public let modified: Int64

    public init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// The identity of what `path` names now, without following a symlink; `nil` when nothing
    /// is there (or it cannot be examined).
    public static func current(_ path: FilePath) -> FileIdentity? {
        var info = stat()
        guard path.withPlatformString({ lstat($0, &info) }) == 0 else { return nil }
        return FileIdentity(info)
    }
}
