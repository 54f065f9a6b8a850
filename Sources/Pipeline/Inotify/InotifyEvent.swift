// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// One `struct inotify_event`, copied out of libinotifytools' static storage into Swift values.
///
/// `directory` is the watched directory the event belongs to (from the library's wd table) and
/// `name` the entry name as raw bytes (empty for events on the directory itself). Both keep
/// non-UTF-8 bytes intact.
public struct InotifyEvent: Sendable, Hashable {
    /// Watch descriptor; `-1` for `IN_Q_OVERFLOW`.
    public let wd: Int32
    public let mask: InotifyMask
    /// Pairs an `IN_MOVED_FROM` with its `IN_MOVED_TO`.
    public let cookie: UInt32
    /// The watched directory, or `nil` when the wd is unknown (overflow, a removed watch).
    public let directory: FilePath?
    /// The entry's name bytes, without the kernel's NUL padding.
    public let name: [UInt8]

    public init(wd: Int32, mask: InotifyMask, cookie: UInt32, directory: FilePath?, name: [UInt8]) {
        self.wd = wd
        self.mask = mask
        self.cookie = cookie
        self.directory = directory
        self.name = name
    }

    /// `directory/name`, or the directory itself when the event has no name.
    public var path: FilePath? {
        guard let directory else { return nil }
        guard !name.isEmpty else { return directory }
        return directory.appending(FilePath.Component(platformString: name.map { CChar(bitPattern: $0) } + [0])!)
    }
}
