// SPDX-License-Identifier: GPL-2.0-or-later

/// The `<name>.error.json` written next to an input moved to `failed/`.
public struct FailureRecord: Codable, Sendable, Equatable {
    /// Input path relative to the inbox, escaped with ``PathEscaper``.
    public var path: String
    public var stage: FailureStage
    /// Stable failure code (see ``ArticleFailure/code``).
    public var code: FailureCode
    public var error: String
    public var attempts: Int
    /// `nil` when the input could not be read at all.
    public var sha256: String?
    public var failedAt: String

    enum CodingKeys: String, CodingKey {
        case path, stage, code, error, attempts, sha256
        case failedAt = "failed_at"
    }

    public init(failure: ArticleFailure, attempts: Int, sha256: String?, failedAt: String = Timestamp.now()) {
        path = failure.path
        stage = failure.stage
        code = failure.code
        error = failure.cause
        self.attempts = attempts
        self.sha256 = sha256
        self.failedAt = failedAt
    }
}
