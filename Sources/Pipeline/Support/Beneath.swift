// SPDX-License-Identifier: GPL-2.0-or-later

import CLinux
import Glibc
import SystemPackage

/// Reaching an entry of a tree without following a symbolic link in any component, so that no
/// producer can make the daemon read or move anything outside the inbox, whatever it does with
/// symlinks (issue 13, item 8). `openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)` where the kernel
/// has it (Linux 5.6), else one `openat(O_NOFOLLOW)` per component.
public enum Beneath {
    /// The directory that holds `relative` inside `root`, opened `watcherd_o_path | O_DIRECTORY`, reached
    /// without following any symlink. The caller closes it.
    ///
    /// - Throws: `ENOENT` when a component is missing; `ELOOP`, `EXDEV` or `ENOTDIR` when a
    ///   component is a symlink, leads out of `root` or is not a directory: either way the entry is
    ///   not (or no longer) inside the tree.
    public static func openParent(of relative: FilePath, in root: FilePath) throws(Errno) -> FileDescriptor {
        let rootDescriptor = root.withPlatformString { open($0, watcherd_o_path | O_DIRECTORY | O_CLOEXEC) }
        guard rootDescriptor >= 0 else { throw Errno(rawValue: errno) }
        let parent = relative.removingLastComponent()
        if parent.isEmpty { return FileDescriptor(rawValue: rootDescriptor) }
        defer { close(rootDescriptor) }
        let flags = watcherd_o_path | O_DIRECTORY | O_CLOEXEC
        let opened = parent.withPlatformString { watcherd_open_beneath(rootDescriptor, $0, flags) }
        if opened >= 0 { return FileDescriptor(rawValue: opened) }
        guard errno == ENOSYS else { throw Errno(rawValue: errno) }
        return try walk(parent, from: rootDescriptor)
    }

    /// One `openat(O_NOFOLLOW | O_DIRECTORY)` per component: a symlink component fails (ENOTDIR or
    /// ELOOP), and `..` is refused so nothing climbs out.
    private static func walk(_ path: FilePath, from root: Int32) throws(Errno) -> FileDescriptor {
        var current = dup(root)
        guard current >= 0 else { throw Errno(rawValue: errno) }
        for name in path.bytes.split(separator: UInt8(ascii: "/")).map(Array.init) {
            if name == Array("..".utf8) {
                close(current)
                throw .improperLink
            }
            let next = FilePath(bytes: name).withPlatformString {
                openat(current, $0, watcherd_o_path | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let code = errno
            close(current)
            guard next >= 0 else { throw Errno(rawValue: code) }
            current = next
        }
        return FileDescriptor(rawValue: current)
    }

    /// Whether `error` from ``openParent(of:in:)`` means the entry is not inside the tree (a
    /// missing, symlinked or escaping component) rather than a machine condition.
    public static func isOutsideTheTree(_ error: Errno) -> Bool {
        let outside: [Errno] = [.noSuchFileOrDirectory, .tooManySymbolicLinkLevels, .improperLink, .notDirectory]
        return outside.contains(error)
    }
}
