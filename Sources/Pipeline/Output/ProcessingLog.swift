// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Foundation
import Glibc
import Synchronization
import SystemPackage

/// The processing log: JSON Lines, one ``ProcessingLogEntry`` per article event, appended with
/// one `write(2)` per line (`O_APPEND`), so concurrent writers and `tail -f` never see a torn
/// line; keys in ``ProcessingLogEntry``'s order. ``reopen()`` (on SIGHUP) lets logrotate move the
/// file away; a log file deleted while open is recreated at the next line. Observers (status, metrics) see every entry appended.
public final class ProcessingLog: Sendable {
    public let path: FilePath
    private let descriptor: Mutex<FileDescriptor?>
    private let observers = Mutex<[@Sendable (ProcessingLogEntry) -> Void]>([])

    /// Opens (creating) the log at `path`. Throws `Errno`.
    public init(path: FilePath) throws {
        self.path = path
        descriptor = Mutex(try Self.open(path))
    }

    private static func open(_ path: FilePath) throws -> FileDescriptor {
        try AtomicFileWriter.makeDirectories(path.removingLastComponent())
        return try FileDescriptor.open(
            path, .writeOnly, options: [.create, .append, .closeOnExec],
            permissions: [.ownerReadWrite, .groupRead, .otherRead])
    }

    /// Appends one line. A failing log write is reported on stderr, never thrown: the log must not
    /// stop the pipeline.
    public func append(_ entry: ProcessingLogEntry) {
        guard var line = try? OrderedJSONEncoder.encode(entry) else { return }
        line.append(UInt8(ascii: "\n"))
        defer { for observer in observers.withLock({ $0 }) { observer(entry) } }
        descriptor.withLock { fd in
            guard var current = fd else { return }
            // A log deleted under us (its state directory removed) is opened again at its path,
            // so that lines never go to a file nobody can read any more. One fstat per line.
            var info = stat()
            if fstat(current.rawValue, &info) == 0, info.st_nlink == 0, let fresh = try? Self.open(path) {
                try? current.close()
                current = fresh
                fd = fresh
            }
            do { _ = try current.writeAll(line) } catch {
                FileHandle.standardError.write(Data("watcherd: processing log write failed: \(error)\n".utf8))
            }
        }
    }

    /// Calls `observer` with every entry appended from now on (on the appending thread, after the
    /// line is written). Observers must be quick and must not append to this log.
    public func observe(_ observer: @escaping @Sendable (ProcessingLogEntry) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// Closes and reopens the file at ``path`` (log rotation). Keeps the old descriptor on failure.
    public func reopen() throws {
        let fresh = try Self.open(path)
        descriptor.withLock { fd in
            try? fd?.close()
            fd = fresh
        }
    }

    public func close() {
        descriptor.withLock { fd in
            try? fd?.close()
            fd = nil
        }
    }
}
