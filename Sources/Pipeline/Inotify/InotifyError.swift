// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc

/// A failure reported by libinotifytools, with the `errno` it left in `inotifytools_error()`.
public struct InotifyError: Error, Sendable, CustomStringConvertible {
    /// What failed; the raw values are stable and appear in messages.
    public enum Code: String, Sendable {
        /// `inotify_init` failed.
        case initialisation = "inotify-init"
        /// ENOSPC on a watch: `fs.inotify.max_user_watches` is exhausted.
        case watchLimit = "watch-limit"
        /// EMFILE on init: `fs.inotify.max_user_instances` is exhausted.
        case instanceLimit = "instance-limit"
        /// A watch could not be set (the directory vanished, is unreadable...).
        case watch
        /// Reading events failed.
        case read
    }

    /// What failed.
    public let code: Code
    public let path: String?
    public let errno: Int32

    public init(code: Code, path: String?, errno: Int32) {
        self.code = code
        self.path = path
        self.errno = errno
    }

    public var description: String {
        var text = "\(code.rawValue): \(String(cString: strerror(errno)))"
        if let path { text += " (\(path))" }
        switch code {
        case .watchLimit:
            text +=
                "; the inotify watch limit is exhausted: raise fs.inotify.max_user_watches"
                + " (sysctl -w fs.inotify.max_user_watches=N)"
        case .instanceLimit:
            text += "; raise fs.inotify.max_user_instances"
        default: break
        }
        return text
    }
}
