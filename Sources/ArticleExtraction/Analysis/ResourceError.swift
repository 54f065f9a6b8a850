// SPDX-License-Identifier: GPL-2.0-or-later

/// A resource file (gazetteer list, model) that could not be loaded: its path and why.
/// Stable code `resources-missing` in messages.
public struct ResourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that could not be read.
    public let path: String
    /// The reason (missing, unreadable, malformed).
    public let cause: String

    public init(path: String, cause: String) {
        self.path = path
        self.cause = cause
    }

    public var description: String { "resources-missing: \(path): \(cause)" }
}
