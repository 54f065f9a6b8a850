import Glibc

/// A failure reported by libinotifytools, with the `errno` it left in `inotifytools_error()`.
public struct InotifyError: Error, Sendable, CustomStringConvertible {
    /// Stable code: `inotify-init`, `watch-limit` (ENOSPC: `fs.inotify.max_user_watches`),
    /// `instance-limit` (EMFILE: `fs.inotify.max_user_instances`), `watch`, `read`.
    public let code: String
    public let path: String?
    public let errno: Int32

    public init(code: String, path: String?, errno: Int32) {
        self.code = code
        self.path = path
        self.errno = errno
    }

    public var description: String {
        var text = "\(code): \(String(cString: strerror(errno)))"
        if let path { text += " (\(path))" }
        switch code {
        case "watch-limit":
            text +=
                "; the inotify watch limit is exhausted: raise fs.inotify.max_user_watches"
                + " (sysctl -w fs.inotify.max_user_watches=N)"
        case "instance-limit":
            text += "; raise fs.inotify.max_user_instances"
        default: break
        }
        return text
    }
}
