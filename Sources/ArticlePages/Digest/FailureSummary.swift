// SPDX-License-Identifier: GPL-2.0-or-later

/// What the digest keeps of one failure record (`failed/<name>.error.json`).
public struct FailureSummary: Decodable, Sendable, Equatable {
    /// Stable failure code (`undecodable`, `empty`, `too-large`...).
    public var code: String
    /// ISO 8601 UTC; `nil` when absent.
    public var failedAt: String?

    enum CodingKeys: String, CodingKey {
        case code
        case failedAt = "failed_at"
    }

    public init(code: String, failedAt: String?) {
        self.code = code
        self.failedAt = failedAt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decodeIfPresent(String.self, forKey: .code) ?? "unknown"
        failedAt = try c.decodeIfPresent(String.self, forKey: .failedAt)
    }
}
