import Glibc
import SystemPackage

/// Walks an inbox tree with `opendir`/`readdir`, keeping names as bytes.
///
/// Directories are descended into without following symlinks; dot-directories are skipped (a
/// writer's staging area). Every other entry that is not ignored by ``IgnoredNames`` is reported,
/// whatever its type: regular files become candidates, and symlinks, FIFOs, sockets and devices
/// get a failure record from the read stage instead of being opened.
public enum InboxScanner {
    /// What one walk found.
    public struct Result: Sendable {
        public var files: [FilePath] = []
        public var directories: [FilePath] = []
        /// Directories that could not be opened, with their `errno`.
        public var unreadable: [(path: FilePath, errno: Int32)] = []
    }

    /// Walks `root` recursively. Never throws: an unreadable directory is listed in the result and
    /// the walk goes on.
    public static func scan(_ root: FilePath) -> Result {
        var result = Result()
        var pending: [FilePath] = [root]
        while let directory = pending.popLast() {
            result.directories.append(directory)
            let listing: [Entry]
            switch list(directory) {
            case .success(let entries): listing = entries
            case .failure(let error):
                result.unreadable.append((directory, error.rawValue))
                continue
            }
            for entry in listing {
                let path = directory.appending(nameBytes: entry.bytes)
                if entry.isDirectory {
                    if entry.bytes.first != UInt8(ascii: ".") { pending.append(path) }
                } else if !IgnoredNames.isIgnored(entry.bytes) {
                    result.files.append(path)
                }
            }
        }
        return result
    }

    /// The `DT_*` type of `path` from `lstat` (symlinks are not followed).
    static func fileType(_ path: FilePath) -> UInt8 {
        var info = stat()
        guard path.withPlatformString({ lstat($0, &info) }) == 0 else { return UInt8(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        case S_IFLNK: return UInt8(DT_LNK)
        default: return UInt8(DT_UNKNOWN)
        }
    }
}

extension InboxScanner {
    /// One directory entry: its name bytes and whether it is a directory (symlinks are not).
    public struct Entry: Sendable {
        public let bytes: [UInt8]
        public let isDirectory: Bool
    }

    /// The entries directly inside `directory`, without `.` and `..`. An unreadable directory has none.
    public static func entries(of directory: FilePath) -> [Entry] {
        (try? list(directory).get()) ?? []
    }

    /// The entries directly inside `directory`, or the `opendir` error.
    static func list(_ directory: FilePath) -> Swift.Result<[Entry], Errno> {
        guard let stream = directory.withPlatformString({ opendir($0) }) else {
            return .failure(Errno(rawValue: errno))
        }
        defer { closedir(stream) }
        var found: [Entry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) { type = fileType(directory.appending(nameBytes: name)) }
            found.append(Entry(bytes: name, isDirectory: type == UInt8(DT_DIR)))
        }
        return .success(found)
    }

    /// The non-dot subdirectories directly inside `directory` (symlinks are not followed).
    public static func subdirectories(of directory: FilePath) -> [FilePath] {
        entries(of: directory).filter { $0.isDirectory && $0.bytes.first != UInt8(ascii: ".") }
            .map { directory.appending(nameBytes: $0.bytes) }
    }
}
