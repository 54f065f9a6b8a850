// SPDX-License-Identifier: GPL-2.0-or-later

import Crypto
import Glibc
import Synchronization
import SystemPackage

/// An input read whole, with its content identity.
public struct InputFile: Sendable {
    public let bytes: [UInt8]
    /// Lower-case hex SHA-256 of `bytes`.
    public let sha256: String
    /// The file the bytes came from, as `fstat` saw it after the read.
    public let identity: FileIdentity

    /// The result of trying to read one inbox entry.
    public enum ReadResult: Sendable {
        case read(InputFile)
        /// Someone still has the file open for writing, or it changed while it was read: settle again.
        case busy
        /// Gone between the event and the open.
        case vanished
        /// `identity` is known once the file was opened.
        case failed(ArticleFailure, identity: FileIdentity?)
    }

    /// Reads `relative` inside `root` without ever following a symlink, in any component, or
    /// blocking on a FIFO: its directory is reached beneath `root` (``Beneath``), the file opened
    /// there with `O_NOFOLLOW | O_NONBLOCK`, then `fstat` on the opened descriptor. Checks the file
    /// is complete with a read-lease probe (`F_SETLEASE` fails with EAGAIN while any writer has it
    /// open; needs the file's owner or CAP_LEASE, otherwise skipped) and by comparing size and
    /// mtime before and after the read. `display` is the escaped relative path used in failures.
    ///
    /// A path whose directory is not inside `root` any more (a component replaced by a symlink,
    /// or gone) is `vanished`: nothing outside the tree is ever read.
    public static func read(_ relative: FilePath, beneath root: FilePath, display: String, maxBytes: Int) -> ReadResult
    {
        var opened: FileIdentity?
        func failure(_ code: FailureCode, _ cause: String, temporary: Bool = false) -> ReadResult {
            .failed(
                ArticleFailure(code: code, stage: .read, path: display, cause: cause, isTemporary: temporary),
                identity: opened)
        }
        let parent: FileDescriptor
        do {
            parent = try Beneath.openParent(of: relative, in: root)
        } catch {
            if Beneath.isOutsideTheTree(error) { return .vanished }
            if error == .permissionDenied { return failure(.unreadable, "directory: permission denied") }
            return failure(.unreadable, "directory: \(error)", temporary: ArticleFailure.isTemporary(error))
        }
        defer { try? parent.close() }
        let name = FilePath(bytes: relative.lastComponentBytes)
        let descriptor = name.withPlatformString {
            openat(parent.rawValue, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        }
        guard descriptor >= 0 else {
            let error = Errno(rawValue: errno)
            switch error {
            case .noSuchFileOrDirectory: return .vanished
            case .tooManySymbolicLinkLevels: return failure(.symlink, "is a symbolic link; links are never followed")
            case .permissionDenied: return failure(.unreadable, "permission denied")
            case Errno(rawValue: ENXIO): return failure(.notRegular, "is a socket or FIFO without a writer")
            default:
                return failure(.unreadable, "open: \(error)", temporary: ArticleFailure.isTemporary(error))
            }
        }
        let fd = FileDescriptor(rawValue: descriptor)
        defer { try? fd.close() }

        var before = stat()
        guard fstat(fd.rawValue, &before) == 0 else { return failure(.unreadable, "fstat: \(Errno(rawValue: errno))") }
        opened = FileIdentity(before)
        switch before.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .vanished  // a directory took the name; the watcher handles directories
        case S_IFIFO: return failure(.notRegular, "is a FIFO")
        case S_IFSOCK: return failure(.notRegular, "is a socket")
        case S_IFCHR, S_IFBLK: return failure(.notRegular, "is a device")
        default: return failure(.notRegular, "is not a regular file")
        }
        if Int(before.st_size) > maxBytes {
            return failure(.tooLarge, "\(before.st_size) bytes, over the limit of \(maxBytes)")
        }
        if isOpenForWriting(fd) { return .busy }

        var bytes = [UInt8](repeating: 0, count: Int(before.st_size))
        var filled = 0
        while filled < bytes.count {
            let count: Int
            do {
                count = try bytes.withUnsafeMutableBytes { raw in
                    try fd.read(
                        fromAbsoluteOffset: Int64(filled), into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...])
                    )
                }
            } catch let error as Errno {
                if error == .interrupted || error == .resourceTemporarilyUnavailable { continue }
                return failure(.unreadable, "read: \(error)", temporary: ArticleFailure.isTemporary(error))
            } catch { return failure(.unreadable, "read: \(error)") }
            if count == 0 { return .busy }  // shrank while reading
            filled += count
        }
        var after = stat()
        guard fstat(fd.rawValue, &after) == 0 else { return failure(.unreadable, "fstat: \(Errno(rawValue: errno))") }
        if after.st_size != before.st_size || after.st_mtim.tv_sec != before.st_mtim.tv_sec
            || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec
        {
            return .busy
        }
        return .read(InputFile(bytes: bytes, sha256: sha256Hex(bytes), identity: FileIdentity(after)))
    }

    /// Lower-case hex SHA-256 (FIPS 180-4, via swift-crypto).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `F_SETLEASE` (`F_LINUX_SPECIFIC_BASE + 0`, fcntl(2)); Glibc exports it only under _GNU_SOURCE.
    private static let setLease: Int32 = 1024

    /// True when the kernel refuses a read lease because a writer has the file open. A lease on a
    /// file owned by another user needs CAP_LEASE; without it the probe is skipped (EACCES) and
    /// only the before/after `fstat` check and the settle period guard against a slow writer.
    private static func isOpenForWriting(_ fd: FileDescriptor) -> Bool {
        guard fcntl(fd.rawValue, setLease, F_RDLCK) == 0 else {
            let code = errno
            if code != EAGAIN { leaseDenied.store(true, ordering: .relaxed) }
            return code == EAGAIN
        }
        _ = fcntl(fd.rawValue, setLease, F_UNLCK)
        return false
    }

    private static let leaseDenied = Atomic<Bool>(false)
    private static let leaseDenialReported = Atomic<Bool>(false)

    /// True exactly once, after the first read whose lease probe the kernel refused for lack of
    /// ownership or CAP_LEASE: the caller logs it, so that operators learn that a file still being
    /// written could be taken by a rescan.
    public static func takeLeaseDenial() -> Bool {
        leaseDenied.load(ordering: .relaxed) && !leaseDenialReported.exchange(true, ordering: .relaxed)
    }
}
