// SPDX-License-Identifier: GPL-2.0-or-later

/// A half-open range `[start, end)` of Unicode scalar offsets into a document's text.
public struct ScalarSpan: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
