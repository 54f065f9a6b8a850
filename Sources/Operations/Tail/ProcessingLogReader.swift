// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Pipeline

/// Reads processing-log lines (JSON Lines of `ProcessingLogEntry`). Lines that do not parse are
/// skipped (a torn last line while the daemon writes, or text from elsewhere).
public enum ProcessingLogReader {
    /// The entries in `data`, in order.
    public static func entries(in data: Data) -> [ProcessingLogEntry] {
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? decoder.decode(ProcessingLogEntry.self, from: Data($0))
        }
    }

    /// The entries in the last `maxBytes` of the file at `path` (all of it when smaller); the
    /// first, possibly partial, line of a cut is dropped. Empty when the file cannot be read.
    public static func tail(of path: String, maxBytes: Int = 32 << 20) -> [ProcessingLogEntry] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(maxBytes) ? size - UInt64(maxBytes) : 0
        try? handle.seek(toOffset: start)
        guard var data = try? handle.readToEnd() else { return [] }
        if start > 0, let newline = data.firstIndex(of: UInt8(ascii: "\n")) {
            data = data[(newline + 1)...]
        }
        return entries(in: data)
    }
}
