// SPDX-License-Identifier: GPL-2.0-or-later

/// Why an article's bytes could not be turned into text.
///
/// `code` is stable and meant for failure records and tests; `detail` is for people and may change.
public struct TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why decoding failed; the raw values are the stable codes of failure records.
    public enum Code: String, Sendable, CaseIterable {
        /// No bytes, or nothing but whitespace and control characters.
        case empty
        /// NUL bytes, many control bytes or a known binary file signature in the first 4 KB.
        case binary
        /// Mostly valid UTF-8 with a few invalid sequences: reported, never guessed or replaced.
        case invalidUTF8 = "invalid-utf8"
        /// Neither UTF-8 nor UTF-16 nor a plausible legacy Arabic encoding.
        case undecodable
    }

    /// Why decoding failed.
    public let code: Code
    /// A human-readable explanation, e.g. the byte offset of the first invalid UTF-8 sequence.
    public let detail: String

    /// Creates an error with a stable `code` and a human-readable `detail`.
    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    /// No bytes, or nothing but whitespace and control characters.
    public static func empty(_ detail: String) -> TextDecodingError { .init(code: .empty, detail: detail) }
    /// NUL bytes, many control bytes or a known binary file signature in the first 4 KB.
    public static func binary(_ detail: String) -> TextDecodingError { .init(code: .binary, detail: detail) }
    /// Mostly valid UTF-8 with a few invalid sequences: reported, never guessed or replaced.
    public static func invalidUTF8(_ detail: String) -> TextDecodingError {
        .init(code: .invalidUTF8, detail: detail)
    }
    /// Neither UTF-8 nor UTF-16 nor a plausible legacy Arabic encoding.
    public static func undecodable(_ detail: String) -> TextDecodingError {
        .init(code: .undecodable, detail: detail)
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}
