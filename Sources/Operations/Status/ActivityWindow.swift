// SPDX-License-Identifier: GPL-2.0-or-later

/// Counts of article events over the last minute and the last hour, in one-second buckets (a
/// ring of 3,600), for the status file, the STATUS= line and the busy summary.
///
/// Pure: the caller passes the time (whole seconds of any monotonic or wall clock).
public struct ActivityWindow: Sendable {
    public enum Kind: Int, Sendable, CaseIterable {
        case document, failure, duplicate
    }

    private static let span = 3600
    private var buckets: [[Int]] = Array(repeating: [0, 0, 0], count: span)
    private var stamps: [Int] = Array(repeating: Int.min, count: span)

    public init() {}

    public mutating func record(_ kind: Kind, at second: Int, count: Int = 1) {
        let slot = ((second % Self.span) + Self.span) % Self.span
        if stamps[slot] != second {
            stamps[slot] = second
            buckets[slot] = [0, 0, 0]
        }
        buckets[slot][kind.rawValue] += count
    }

    /// Events of `kind` in the `seconds` seconds ending at `now` (inclusive), at most 3,600.
    public func count(_ kind: Kind, lastSeconds seconds: Int, now: Int) -> Int {
        var total = 0
        for second in max(now - min(seconds, Self.span) + 1, now - Self.span + 1)...now {
            let slot = ((second % Self.span) + Self.span) % Self.span
            if stamps[slot] == second { total += buckets[slot][kind.rawValue] }
        }
        return total
    }
}
