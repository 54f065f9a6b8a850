// SPDX-License-Identifier: GPL-2.0-or-later

/// Why an HTML page was not parsed: it exceeded its ``HTMLParseLimits``.
///
/// `code` is stable and meant for failure records and tests; `detail` is for people and may change.
public struct HTMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which limit was exceeded; the raw values are the stable codes of failure records.
    public enum Code: String, Sendable, CaseIterable {
        /// The time limit passed.
        case timeout = "parse-timeout"
        /// The work bound was reached: a defect, since parsing is linear in the input.
        case workLimit = "parse-work-limit"
    }

    /// Which limit was exceeded.
    public let code: Code
    /// What was exceeded, with the figures.
    public let detail: String

    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}
