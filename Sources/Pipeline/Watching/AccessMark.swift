// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import SystemPackage

/// Who may read a file: inode, owner, group and permission bits, from `lstat`. An input left in
/// the inbox because it cannot be read is retried only once its mark changed (a `chmod` or `chown`
/// whose IN_ATTRIB was lost), so an unreadable file is not read and logged again at every rescan.
public struct AccessMark: Sendable, Equatable {
    public var inode: UInt64
    public var owner: UInt32
    public var group: UInt32
    public var mode: UInt32

    public init(inode: UInt64, owner: UInt32, group: UInt32, mode: UInt32) {
        self.inode = inode
        self.owner = owner
        self.group = group
        self.mode = mode
    }

    /// The mark of what `path` names now (not following a symlink); `nil` when nothing is there.
    public static func current(_ path: FilePath) -> AccessMark? {
        var info = stat()
        guard path.withPlatformString({ lstat($0, &info) }) == 0 else { return nil }
        return AccessMark(inode: UInt64(info.st_ino), owner: info.st_uid, group: info.st_gid, mode: info.st_mode)
    }
}
