// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import Pipeline

/// Which processing-log entries `watcherd tail` shows: `--failed` keeps failures (and other
/// error-level lines); `--path GLOB` keeps entries whose path matches the shell pattern
/// (`fnmatch(3)`; `*` also matches `/`).
public struct TailFilter: Sendable {
    public var failedOnly: Bool
    public var pathGlob: String?

    public init(failedOnly: Bool = false, pathGlob: String? = nil) {
        self.failedOnly = failedOnly
        self.pathGlob = pathGlob
    }

    public func matches(_ entry: ProcessingLogEntry) -> Bool {
        if failedOnly, entry.event != "failed", entry.level != "error" { return false }
        if let pathGlob {
            guard let path = entry.path, fnmatch(pathGlob, path, 0) == 0 else { return false }
        }
        return true
    }
}
