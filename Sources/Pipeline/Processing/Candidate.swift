// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// A file the intake hands to the pipeline.
public struct Candidate: Sendable, Hashable {
    /// How the intake learned of the file.
    public enum Origin: String, Sendable {
        case written, renamedIn = "renamed-in", scanned, resubmitted
    }

    public let path: FilePath
    /// `path` relative to the inbox.
    public let relative: FilePath
    public let origin: Origin
    /// Earlier attempts that ended in a temporary failure.
    public var attempts: Int

    public init(path: FilePath, relative: FilePath, origin: Origin, attempts: Int = 0) {
        self.path = path
        self.relative = relative
        self.origin = origin
        self.attempts = attempts
    }

    /// The relative path escaped for logs and documents (see ``PathEscaper``).
    public var display: String { PathEscaper.escape(relative.bytes) }
}
