// SPDX-License-Identifier: GPL-2.0-or-later

/// Why a decoded article gave no article to extract.
///
/// `code` is stable and meant for failure records and tests; `detail` is for people and may change.
public struct ArticleParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why parsing gave no article; the raw values are the stable codes of failure records.
    public enum Code: String, Sendable, CaseIterable {
        /// The input parsed, but no article text was found in it (any format): never an empty document.
        case noText = "no-text"
        /// The input holds several articles (a JSON array, JSON Lines, an RSS or Atom feed), which
        /// are not split yet: never one document of markup.
        case container
        /// An HTML page took longer to parse than its time limit (``HTMLParseLimits``).
        case parseTimeout = "parse-timeout"
        /// An HTML page needed more work than the linear bound of ``HTMLParseLimits`` allows: a
        /// defect of the parser.
        case parseWorkLimit = "parse-work-limit"

        /// The code of an HTML page past its limits.
        public init(_ code: HTMLParseError.Code) {
            switch code {
            case .timeout: self = .parseTimeout
            case .workLimit: self = .parseWorkLimit
            }
        }
    }

    /// Why parsing gave no article.
    public let code: Code
    /// A human-readable explanation, such as "JSON array of 2 objects".
    public let detail: String

    /// Creates an error with a stable `code` and a human-readable `detail`.
    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
}
