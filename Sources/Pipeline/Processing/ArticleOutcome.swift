// SPDX-License-Identifier: GPL-2.0-or-later

/// How one candidate left the pipeline.
public enum ArticleOutcome: Sendable, Equatable {
    /// The document is durable; `output` is its path relative to the output root; `identity` is
    /// the file that was read (with archiving off, it is still at its path).
    case processed(sha256: String, output: String, identity: FileIdentity)
    /// Permanent failure: the input is in `failed/` with its error record.
    case failed(ArticleFailure)
    /// Temporary failure: the input stays in the inbox and is retried later.
    case retry(ArticleFailure)
    /// Still being written, or changed while read: settle again.
    case busy
    /// Gone before it could be read.
    case vanished
    /// Another host holds a claim on the content or the path (a shared ledger): leave the input
    /// to it and look again after `retryAfterMs`.
    case claimedElsewhere(retryAfterMs: Int)
    /// The old content's fate is recorded (document or failure record), but the path now holds
    /// another file, left in the inbox: settle it again.
    case replaced
}
