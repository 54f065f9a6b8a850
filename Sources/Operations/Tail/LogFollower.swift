// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Pipeline

/// Follows a processing log like `tail -F`: returns the lines appended since the last poll, and
/// when the file is renamed away (logrotate) or replaced, finishes the old file and goes on with
/// the new one from its start; a truncated file is read again from its start.
///
/// Not thread-safe; one owner polls it.
public final class LogFollower {
    public let path: String
    private var descriptor: Int32 = -1
    private var inode: UInt64 = 0
    private var offset: Int = 0
    private var partial: [UInt8] = []

    /// `fromEnd`: start at the current end of the file (only new lines), else at its start.
    public init(path: String, fromEnd: Bool) {
        self.path = path
        open()
        if fromEnd, descriptor >= 0 { offset = lseek(descriptor, 0, SEEK_END) }
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    /// Complete lines appended since the last call, parsed.
    public func poll() -> [ProcessingLogEntry] {
        var bytes = readAvailable()
        var current = stat()
        let replaced = stat(path, &current) == 0 && (UInt64(current.st_ino) != inode || descriptor < 0)
        if replaced {
            // Renamed away or recreated: finish the old file, then start on the new one.
            bytes += readAvailable()
            if descriptor >= 0 { Glibc.close(descriptor) }
            descriptor = -1
            partial.removeAll()
            open()
            bytes += readAvailable()
        } else if descriptor >= 0 {
            var info = stat()
            if fstat(descriptor, &info) == 0, Int(info.st_size) < offset {
                offset = 0  // truncated
                partial.removeAll()
                bytes += readAvailable()
            }
        }
        return ProcessingLogReader.entries(in: Data(bytes))
    }

    private func open() {
        descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        offset = 0
        var info = stat()
        inode = descriptor >= 0 && fstat(descriptor, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// Bytes of complete lines from `offset` to the current end; a trailing partial line waits.
    private func readAvailable() -> [UInt8] {
        guard descriptor >= 0 else { return [] }
        var collected = partial
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            collected += buffer[..<count]
            offset += count
        }
        guard let last = collected.lastIndex(of: UInt8(ascii: "\n")) else {
            partial = collected
            return []
        }
        partial = Array(collected[(last + 1)...])
        return Array(collected[...last])
    }
}
