// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import SystemPackage

/// Walks an inbox tree with `opendir`/`readdir`, keeping names as bytes.
///
/// Directories are descended into without following symlinks; dot-directories are skipped (a
/// writer's staging area). Every other entry that is not ignored by ``IgnoredNames`` is reported,
/// whatever its type: regular files become candidates, and symlinks, FIFOs, sockets and devices
/// get a failure record from the read stage instead of being opened.
public enum InboxScanner {
    /// Walks `root` recursively, calling `visit` with each candidate file in `readdir` order and
    /// `unreadable` with each directory that cannot be opened (with its errno); the walk goes on
    /// past those. Entries are streamed, never collected: memory stays flat whatever the size of
    /// the inbox. Returns `false` when `visit` returned `false` to stop the walk early, `true` when
    /// the whole tree was seen.
    @discardableResult
    public static func walk(
        _ root: FilePath, unreadable: (FilePath, Errno) -> Void = { _, _ in }, visit: (FilePath) -> Bool
    ) -> Bool {
        var pending: [FilePath] = [root]
        while let directory = pending.popLast() {
            let complete = stream(directory) { name, isDirectory in
                let path = directory.appending(nameBytes: name)
                if isDirectory {
                    if name.first != UInt8(ascii: ".") { pending.append(path) }
                    return true
                }
                return IgnoredNames.isIgnored(name) || visit(path)
            }
            switch complete {
            case .success(true): continue
            case .success(false): return false
            case .failure(let error): unreadable(directory, error)
            }
        }
        return true
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
        var found: [Entry] = []
        return stream(directory) { name, isDirectory in
            found.append(Entry(bytes: name, isDirectory: isDirectory))
            return true
        }.map { _ in found }
    }

    /// Calls `body` with each entry of `directory` (name bytes, whether it is a directory), without
    /// `.` and `..`, until it returns `false`. Returns whether every entry was seen, or the
    /// `opendir` error.
    private static func stream(
        _ directory: FilePath, _ body: ([UInt8], Bool) -> Bool
    ) -> Swift.Result<Bool, Errno> {
        guard let handle = directory.withPlatformString({ opendir($0) }) else {
            return .failure(Errno(rawValue: errno))
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) { type = fileType(directory.appending(nameBytes: name)) }
            guard body(name, type == UInt8(DT_DIR)) else { return .success(false) }
        }
        return .success(true)
    }

    /// The non-dot subdirectories directly inside `directory` (symlinks are not followed).
    public static func subdirectories(of directory: FilePath) -> [FilePath] {
        entries(of: directory).filter { $0.isDirectory && $0.bytes.first != UInt8(ascii: ".") }
            .map { directory.appending(nameBytes: $0.bytes) }
    }
}
