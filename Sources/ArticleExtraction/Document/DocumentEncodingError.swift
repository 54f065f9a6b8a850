// SPDX-License-Identifier: GPL-2.0-or-later

/// A value that JSON cannot hold: a non-finite number (`inf`, `nan`). The document is not written;
/// the article fails with the `encode` code instead of yielding an empty or invalid document.
public struct DocumentEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The coding path of the value, e.g. `numbers.3.value`.
    public let path: String
    /// What the value was.
    public let value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    public var description: String { "cannot encode \(value) at \(path): JSON has no non-finite numbers" }
}
