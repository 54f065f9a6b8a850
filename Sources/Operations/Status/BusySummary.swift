// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Decides when the daemon logs its one-line summary: at most once per interval, and only while
/// busy (documents or failures since the last summary, or a backlog). Pure; time in seconds.
public struct BusySummary: Sendable {
    public var intervalSeconds: Int
    private var lastAt: Int
    private var lastDocuments = 0
    private var lastFailures = 0

    public init(intervalSeconds: Int, now: Int) {
        self.intervalSeconds = intervalSeconds
        lastAt = now
    }

    /// The summary line due at `now`, or `nil`. `documents` and `failures` are totals since start.
    public mutating func tick(now: Int, documents: Int, failures: Int, backlog: Int) -> String? {
        guard intervalSeconds > 0, now - lastAt >= intervalSeconds else { return nil }
        let newDocuments = documents - lastDocuments
        let newFailures = failures - lastFailures
        let elapsed = now - lastAt
        lastAt = now
        lastDocuments = documents
        lastFailures = failures
        guard newDocuments > 0 || newFailures > 0 || backlog > 0 else { return nil }
        let rate = Double(newDocuments) / Double(max(1, elapsed))
        return "summary: \(newDocuments) documents, \(newFailures) failures in \(elapsed) s "
            + "(\(rate.formatted(.number.precision(.fractionLength(1))))/s), backlog \(backlog)"
    }
}
