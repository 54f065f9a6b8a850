// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Answers "does one of these spans hold this scalar offset?" in O(log n): the spans sorted by start,
/// with the running maximum of their ends, so that nested and overlapping spans (a quotation inside
/// another) are answered exactly.
struct SpanCover: Sendable {
    /// Span starts, ascending.
    private let starts: [Int]
    /// `reach[k]` is the largest end among the first `k + 1` spans in `starts` order.
    private let reach: [Int]

    /// - Parameter spans: half-open scalar ranges, in any order; empty ones hold nothing.
    init(_ spans: [ScalarRange]) {
        let sorted = spans.filter { $0.start < $0.end }.sorted { $0.start < $1.start }
        starts = sorted.map(\.start)
        var reach: [Int] = []
        reach.reserveCapacity(sorted.count)
        var far = Int.min
        for span in sorted {
            far = max(far, span.end)
            reach.append(far)
        }
        self.reach = reach
    }

    /// True when some span has `start <= offset < end`.
    func contains(_ offset: Int) -> Bool {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 && reach[low - 1] > offset
    }
}
