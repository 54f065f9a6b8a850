// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Why an article left without a document: the stable code written as `code` in
/// `failed/<name>.error.json`, as `result` in the processing log, and in the ledger's last error.
/// The raw values never change; a new cause gets a new case.
public enum FailureCode: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// No bytes, or nothing but whitespace and control characters (decode).
    case empty
    /// NUL bytes, many control bytes or a binary file signature (decode).
    case binary
    /// Mostly valid UTF-8 with invalid sequences: reported, never guessed (decode).
    case invalidUTF8 = "invalid-utf8"
    /// Neither UTF-8, UTF-16 nor a plausible legacy Arabic encoding (decode).
    case undecodable
    /// A FIFO, socket, device or other non-regular file (read).
    case notRegular = "not-regular"
    /// A symbolic link: never followed (read).
    case symlink
    /// Larger than the configured input limit (read).
    case tooLarge = "too-large"
    /// Cannot be opened or read: permission denied (left in the inbox), or an I/O error (read).
    case unreadable
    /// Still open for writing (`watcherd process` only; the daemon settles again).
    case busy
    /// Gone before it could be read (`watcherd process` only; the daemon forgets it).
    case vanished
    /// An HTML page took longer to parse than its limit (``ExtractStage/parseTimeoutMs``): one
    /// article never stalls a worker or the watchdog (parse).
    case parseTimeout = "parse-timeout"
    /// An HTML page needed more work than the linear bound allows: a defect of the parser (parse).
    case parseWorkLimit = "parse-work-limit"
    /// The document holds a value JSON cannot (a non-finite number): never written empty (extract).
    case encode
    /// The document cannot be written where it belongs (write).
    case outputWrite = "output-write"
    /// Both names a document could take (`<name>.json`, `<name>.<hash>.json`) hold files the
    /// daemon did not write for this content: nothing is overwritten (write).
    case outputTaken = "output-taken"
    /// A failed input cannot be moved to `failed/` (temporary; retried).
    case failedMove = "failed-move"
    /// The shared ledger cannot be reached (temporary; retried, and the intake pauses meanwhile).
    case ledgerUnavailable = "ledger-unavailable"
    /// No article text was found in the input, whatever its format (parse).
    case noText = "no-text"
    /// The input holds several articles: a JSON array, JSON Lines, an RSS or Atom feed (parse).
    case container

    /// The raw value, so that interpolation writes the stable code.
    public var description: String { rawValue }

    /// The code of a decoding error.
    public init(_ code: TextDecodingError.Code) {
        switch code {
        case .empty: self = .empty
        case .binary: self = .binary
        case .invalidUTF8: self = .invalidUTF8
        case .undecodable: self = .undecodable
        }
    }

    /// The code of a parsing error.
    public init(_ code: ArticleParseError.Code) {
        switch code {
        case .noText: self = .noText
        case .container: self = .container
        case .parseTimeout: self = .parseTimeout
        case .parseWorkLimit: self = .parseWorkLimit
        }
    }
}
