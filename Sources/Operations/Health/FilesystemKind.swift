// SPDX-License-Identifier: GPL-2.0-or-later

import CLinux
import SystemPackage

/// The filesystem a directory lives on, from `statfs(2)`'s `f_type` (magic numbers from
/// linux/magic.h and statfs(2)). Network filesystems (NFS, CIFS/SMB, FUSE and the like) deliver
/// no inotify events for changes made by other hosts, so the daemon scans them periodically.
public enum FilesystemKind: Sendable, Equatable {
    case local
    /// `name`: `nfs`, `cifs`, `smb2`, `fuse`, ...
    case network(String)

    /// Known network or userspace filesystems by magic number.
    static let network: [Int: String] = [
        0x6969: "nfs", 0xFF53_4D42: "cifs", 0xFE53_4D42: "smb2", 0x517B: "smb", 0x6573_5546: "fuse",
        0x0102_1997: "9p", 0x00C3_6400: "ceph", 0x5346_414F: "afs", 0x7375_7245: "coda", 0x0BD0_0BD0: "lustre",
        0x4750_4653: "gpfs", 0x6B41_4653: "afs",
    ]

    /// The kind of `magic` (a `statfs` `f_type`). Pure.
    public static func of(magic: Int) -> FilesystemKind {
        network[magic & 0xFFFF_FFFF].map { .network($0) } ?? .local
    }

    /// The kind of the filesystem holding `path`; `.local` when it cannot be told.
    public static func of(_ path: FilePath) -> FilesystemKind {
        var magic = 0
        guard path.withPlatformString({ watcherd_filesystem_magic($0, &magic) }) == 0 else { return .local }
        return of(magic: magic)
    }

    public var name: String {
        switch self {
        case .local: "local"
        case .network(let name): name
        }
    }
}
