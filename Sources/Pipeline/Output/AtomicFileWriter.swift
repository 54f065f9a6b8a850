// SPDX-License-Identifier: GPL-2.0-or-later

import CLinux
import Glibc
import Synchronization
import SystemPackage

/// Writes whole files so that a reader (or a crash) never sees a torn one: a temporary file in
/// the destination directory, `fsync`, `rename` to the destination, then `fsync` of the
/// directory so the rename itself is durable. The rename replaces an existing destination only
/// when asked to (`replacing`); otherwise it is `renameat2(RENAME_NOREPLACE)` and fails with
/// `EEXIST`, so that a file which appeared meanwhile is never overwritten.
///
/// Temporary names start with a dot, so an interrupted write leaves only a dot-file behind,
/// which ``removeLeftovers(in:)`` clears at start-up.
///
/// For several files at once, ``stage(_:to:)`` writes each temporary file without a sync and
/// ``commit(_:syncing:)`` makes the whole batch durable with two `syncfs` calls (data before the
/// renames, renames after), instead of two `fsync` calls per file. Equally safe: no destination
/// ever names a file whose data is not on disk.
public enum AtomicFileWriter {
    /// A temporary file written, not yet synced nor renamed to its destination.
    public struct Staged: Sendable {
        public let temporary: FilePath
        public let destination: FilePath
        /// Whether the rename may replace an existing destination.
        public let replacing: Bool
    }

    /// Writes `bytes` to a temporary file beside `destination` (creating parent directories),
    /// without syncing it. Throws `Errno`; nothing is left behind then.
    public static func stage(
        _ bytes: [UInt8], to destination: FilePath, replacing: Bool = true
    ) throws(Errno) -> Staged {
        let directory = destination.removingLastComponent()
        try makeDirectories(directory)
        let temporary = temporaryPath(for: destination)
        try writeTemporary(bytes, at: temporary, sync: false)
        return Staged(temporary: temporary, destination: destination, replacing: replacing)
    }

    /// Renames `temporary` to `destination`, over an existing one only when `replacing`.
    private static func move(_ temporary: FilePath, to destination: FilePath, replacing: Bool) -> Int32 {
        temporary.withPlatformString { from in
            destination.withPlatformString { to in
                replacing ? rename(from, to) : watcherd_rename_noreplace(AT_FDCWD, from, AT_FDCWD, to)
            }
        }
    }

    /// Makes `batch` durable under its destinations: `syncfs` on the filesystem holding
    /// `filesystem` (the temporary files' data), a rename per file, then `syncfs` again (the
    /// renames). Returns one result per staged file, in order. A failed sync fails every file
    /// of the batch; a failed file has its temporary removed.
    public static func commit(_ batch: [Staged], syncing filesystem: FilePath) -> [Result<Void, Errno>] {
        if batch.isEmpty { return [] }
        if let error = syncFilesystem(filesystem) { return discard(batch, error) }
        var results: [Result<Void, Errno>] = []
        results.reserveCapacity(batch.count)
        for file in batch {
            if move(file.temporary, to: file.destination, replacing: file.replacing) == 0 {
                results.append(.success(()))
            } else {
                results.append(.failure(Errno(rawValue: errno)))
                _ = file.temporary.withPlatformString { unlink($0) }
            }
        }
        if let error = syncFilesystem(filesystem) {
            // The renames happened but may not be durable: report them failed, so that no input is
            // finalised; the retry rewrites the same documents.
            return results.map { _ in .failure(error) }
        }
        return results
    }

    private static func discard(_ batch: [Staged], _ error: Errno) -> [Result<Void, Errno>] {
        for file in batch { _ = file.temporary.withPlatformString { unlink($0) } }
        return batch.map { _ in .failure(error) }
    }

    /// `syncfs(2)` on the filesystem that holds `path`; the errno on failure.
    private static func syncFilesystem(_ path: FilePath) -> Errno? {
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(path, .readOnly, options: [.directory, .closeOnExec]) } catch {
            return (error as? Errno) ?? .ioError
        }
        defer { try? fd.close() }
        return watcherd_syncfs(fd.rawValue) == 0 ? nil : Errno(rawValue: errno)
    }

    private static func temporaryPath(for destination: FilePath) -> FilePath {
        let name = destination.lastComponent.map { Array($0.string.utf8) } ?? []
        return destination.removingLastComponent().appending(
            nameBytes: Array(".".utf8) + name + Array(".tmp-\(getpid())-\(nextSerial())".utf8))
    }

    /// Creates `temporary` exclusively and writes `bytes`, with an `fsync` when `sync`. Throws the
    /// first errno; the file is removed then.
    private static func writeTemporary(_ bytes: [UInt8], at temporary: FilePath, sync: Bool) throws(Errno) {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                temporary, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
        } catch { throw (error as? Errno) ?? .ioError }
        var failure: Errno?
        do { _ = try fd.writeAll(bytes) } catch { failure = (error as? Errno) ?? .ioError }
        if failure == nil, sync, fsync(fd.rawValue) != 0 { failure = Errno(rawValue: errno) }
        do { try fd.close() } catch { failure = failure ?? (error as? Errno) ?? .ioError }
        if let failure {
            _ = temporary.withPlatformString { unlink($0) }
            throw failure
        }
    }

    /// Writes `bytes` to `destination`, creating parent directories (mode 0755) as needed, over an
    /// existing destination only when `replacing` (`EEXIST` otherwise). With `durable` false the
    /// data and directory syncs are skipped (the caller syncs later). Throws `Errno` from the first
    /// failing system call; the temporary file is removed.
    public static func write(
        _ bytes: [UInt8], to destination: FilePath, durable: Bool = true, replacing: Bool = true
    ) throws(Errno) {
        let directory = destination.removingLastComponent()
        try makeDirectories(directory)
        let temporary = temporaryPath(for: destination)
        try writeTemporary(bytes, at: temporary, sync: durable)
        guard move(temporary, to: destination, replacing: replacing) == 0 else {
            let code = Errno(rawValue: errno)
            _ = temporary.withPlatformString { unlink($0) }
            throw code
        }
        if durable { try syncDirectory(directory) }
    }

    /// `fsync` on a directory, making renames and creations inside it durable.
    public static func syncDirectory(_ directory: FilePath) throws(Errno) {
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(directory, .readOnly, options: [.directory, .closeOnExec]) } catch {
            throw error as! Errno
        }
        defer { try? fd.close() }
        if fsync(fd.rawValue) != 0 { throw Errno(rawValue: errno) }
    }

    /// `mkdir -p`: creates `directory` and its missing parents with mode 0755.
    public static func makeDirectories(_ directory: FilePath) throws(Errno) {
        if directory.isEmpty { return }
        if directory.withPlatformString({ mkdir($0, 0o755) }) == 0 { return }
        switch Errno(rawValue: errno) {
        case .fileExists: return
        case .noSuchFileOrDirectory:
            let parent = directory.removingLastComponent()
            guard parent != directory else { throw .noSuchFileOrDirectory }
            try makeDirectories(parent)
            if directory.withPlatformString({ mkdir($0, 0o755) }) != 0, Errno(rawValue: errno) != .fileExists {
                throw Errno(rawValue: errno)
            }
        case let other: throw other
        }
    }

    /// Removes temporary files an interrupted ``write(_:to:durable:replacing:)`` left under `tree`
    /// (names `.<name>.tmp-<pid>-<n>`) whose writing process is gone; those of a live process
    /// (another daemon, or this one) are left alone. Returns how many were removed.
    @discardableResult
    public static func removeLeftovers(in tree: FilePath) -> Int {
        var removed = 0
        var pending = [tree]
        while let directory = pending.popLast() {
            for name in InboxScanner.entries(of: directory) {
                let path = directory.appending(nameBytes: name.bytes)
                if name.isDirectory {
                    pending.append(path)
                } else if name.bytes.first == UInt8(ascii: "."),
                    let writer = writerPID(ofTemporary: name.bytes), !isAlive(writer),
                    path.withPlatformString({ unlink($0) }) == 0
                {
                    removed += 1
                }
            }
        }
        return removed
    }

    /// The PID in a temporary name `.<name>.tmp-<pid>-<n>`, or `nil` when the name is not one.
    static func writerPID(ofTemporary name: [UInt8]) -> pid_t? {
        let marker = Array(".tmp-".utf8)
        guard name.count > marker.count else { return nil }
        var start: Int?
        for index in stride(from: name.count - marker.count, through: 1, by: -1)
        where Array(name[index..<(index + marker.count)]) == marker {
            start = index + marker.count
            break
        }
        guard let start, let dash = name[start...].firstIndex(of: UInt8(ascii: "-")), dash > start,
            name[(dash + 1)...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            dash + 1 < name.count
        else { return nil }
        return pid_t(String(decoding: name[start..<dash], as: UTF8.self))
    }

    /// Whether process `pid` exists (`kill(pid, 0)` does not fail with ESRCH).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    private static let serial = Mutex<UInt64>(0)
    private static func nextSerial() -> UInt64 {
        serial.withLock {
            $0 += 1; return $0
        }
    }
}
