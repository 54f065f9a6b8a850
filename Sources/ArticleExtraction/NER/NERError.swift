// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A failure of the named-entity model code: a stable code, the file concerned (when there is one)
/// and the cause.
public struct NERError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Stable error codes.
    public enum Code: String, Sendable {
        /// An IOB2 file that is not `token TAG` lines with blank lines between sentences.
        case corpusFormat = "ner-corpus-format"
        /// A corpus with no sentence, or a split that leaves a part empty.
        case emptyCorpus = "ner-empty-corpus"
        /// A model file that is truncated, corrupt or of another format.
        case modelFormat = "ner-model-format"
        /// A model file written by an incompatible version of the format.
        case modelVersion = "ner-model-version"
        /// A file that could not be read or written.
        case io = "ner-io"
    }

    public var code: Code
    /// The file concerned, when there is one.
    public var path: String?
    public var cause: String

    public init(_ code: Code, path: String? = nil, _ cause: String) {
        self.code = code
        self.path = path
        self.cause = cause
    }

    public var description: String { "\(code.rawValue): \(path.map { "\($0): " } ?? "")\(cause)" }

    /// The same error naming `path`.
    public func at(_ path: String) -> NERError { NERError(code, path: path, cause) }
}
