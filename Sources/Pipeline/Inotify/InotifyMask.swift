// SPDX-License-Identifier: GPL-2.0-or-later

import CInotify

/// The event bits of `inotify(7)`, typed.
///
/// Raw values are the kernel's `IN_*` constants from `<sys/inotify.h>`.
public struct InotifyMask: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let modify = InotifyMask(rawValue: UInt32(IN_MODIFY))
    public static let attrib = InotifyMask(rawValue: UInt32(IN_ATTRIB))
    public static let closeWrite = InotifyMask(rawValue: UInt32(IN_CLOSE_WRITE))
    public static let movedFrom = InotifyMask(rawValue: UInt32(IN_MOVED_FROM))
    public static let movedTo = InotifyMask(rawValue: UInt32(IN_MOVED_TO))
    public static let create = InotifyMask(rawValue: UInt32(IN_CREATE))
    public static let delete = InotifyMask(rawValue: UInt32(IN_DELETE))
    public static let deleteSelf = InotifyMask(rawValue: UInt32(IN_DELETE_SELF))
    public static let moveSelf = InotifyMask(rawValue: UInt32(IN_MOVE_SELF))
    public static let unmount = InotifyMask(rawValue: UInt32(IN_UNMOUNT))
    public static let queueOverflow = InotifyMask(rawValue: UInt32(IN_Q_OVERFLOW))
    public static let ignored = InotifyMask(rawValue: UInt32(IN_IGNORED))
    public static let onlyDirectory = InotifyMask(rawValue: UInt32(IN_ONLYDIR))
    public static let dontFollow = InotifyMask(rawValue: UInt32(IN_DONT_FOLLOW))
    public static let excludeUnlinked = InotifyMask(rawValue: UInt32(IN_EXCL_UNLINK))
    public static let isDirectory = InotifyMask(rawValue: UInt32(IN_ISDIR))

    /// What the inbox watch asks for on every directory: completed writes, renames in and out,
    /// new subdirectories, permission changes (an unreadable file made readable), deletions (the
    /// root's lock file going is the first sign of the inbox being removed; see `InboxLock`) and the
    /// loss of the directory itself.
    public static let inboxDirectory: InotifyMask = [
        .closeWrite, .movedTo, .movedFrom, .create, .attrib, .delete, .deleteSelf, .moveSelf,
        .onlyDirectory, .dontFollow, .excludeUnlinked,
    ]
}
