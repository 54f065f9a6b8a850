// SPDX-License-Identifier: GPL-2.0-or-later

/// An error of `watcherd show` or `digest`, with a stable code, the path concerned and the cause.
public struct PageError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        /// The output tree could not be listed.
        case outputUnreadable = "output-unreadable"
        /// A file given to `show` could not be read.
        case inputUnreadable = "input-unreadable"
        /// A `.json` file given to `show` is not a document.
        case notADocument = "not-a-document"
        /// The page could not be written.
        case pageUnwritable = "page-unwritable"
        /// A `--since` value that is neither a duration nor an ISO 8601 date.
        case badPeriod = "bad-period"
    }

    public var code: Code
    public var path: String
    public var cause: String

    public init(code: Code, path: String, cause: String) {
        self.code = code
        self.path = path
        self.cause = cause
    }

    public var description: String { "\(code.rawValue): \(path): \(cause)" }
}
