// SPDX-License-Identifier: GPL-2.0-or-later

import GRDB

/// What the ledger knows about one content version (one SHA-256).
public struct LedgerEntry: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "inputs"

    /// What happened to the content.
    public enum Status: String, Codable, Sendable {
        /// A document was written (`outputPath`).
        case done
        /// Failed permanently; moving the input back into the inbox retries it.
        case failed
        /// Seen but not processed (a duplicate of done content under another name).
        case skipped
    }

    /// Lower-case hex SHA-256 of the input bytes: the identity.
    public var sha256: String
    /// Inbox-relative path, escaped (``PathEscaper``), of the latest input with this content.
    public var path: String
    /// Input size in bytes.
    public var size: Int
    /// ISO 8601 UTC time the content was first seen.
    public var firstSeen: String
    public var status: Status
    /// Processing attempts, including temporary failures.
    public var attempts: Int
    public var lastError: String?
    /// Output-relative path of the document.
    public var outputPath: String?
    /// Milliseconds from read to durable write of the last attempt.
    public var durationMs: Double?

    enum CodingKeys: String, CodingKey {
        case sha256, path, size
        case firstSeen = "first_seen"
        case status, attempts
        case lastError = "last_error"
        case outputPath = "output_path"
        case durationMs = "duration_ms"
    }

    public init(
        sha256: String, path: String, size: Int, firstSeen: String = Timestamp.now(), status: Status, attempts: Int = 1,
        lastError: String? = nil, outputPath: String? = nil, durationMs: Double? = nil
    ) {
        self.sha256 = sha256
        self.path = path
        self.size = size
        self.firstSeen = firstSeen
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.outputPath = outputPath
        self.durationMs = durationMs
    }
}
