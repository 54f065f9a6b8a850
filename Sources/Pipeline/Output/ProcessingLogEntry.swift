// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction

/// One line of the processing log (JSON Lines): one article event.
public struct ProcessingLogEntry: Codable, Sendable, Equatable {
    /// ISO 8601 UTC timestamp with milliseconds.
    public var ts: String
    /// `info`, `warning` or `error`.
    public var level: String
    /// `processed`, `failed`, `duplicate`, `vanished`, `retry`, `rescan`.
    public var event: String
    /// Input path relative to the inbox, escaped with ``PathEscaper``.
    public var path: String?
    public var sha256: String?
    /// Stage the event concerns (`write` for a processed article, the failing stage otherwise).
    public var stage: String?
    /// Total milliseconds from the start of the read to the end of the write.
    public var ms: Double?
    /// `ok`, or the failure's stable code.
    public var result: String
    /// Milliseconds per stage.
    public var stageMs: StageMilliseconds?
    /// Output document path relative to the output root (escaped), when one was written.
    public var output: String?
    /// Failure cause, human-readable.
    public var error: String?
    /// Extra count, e.g. files found by a rescan.
    public var count: Int?

    enum CodingKeys: String, CodingKey {
        case ts, level, event, path, sha256, stage, ms, result
        case stageMs = "stage_ms"
        case output, error, count
    }

    public init(
        level: String = "info", event: String, path: String? = nil, sha256: String? = nil, stage: String? = nil,
        ms: Double? = nil, result: String, stageMs: StageMilliseconds? = nil, output: String? = nil,
        error: String? = nil, count: Int? = nil, ts: String = Timestamp.now()
    ) {
        self.ts = ts
        self.level = level
        self.event = event
        self.path = path
        self.sha256 = sha256
        self.stage = stage
        self.ms = ms
        self.result = result
        self.stageMs = stageMs
        self.output = output
        self.error = error
        self.count = count
    }
}
