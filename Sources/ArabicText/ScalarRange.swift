// SPDX-License-Identifier: GPL-2.0-or-later

/// A half-open range `[start, end)` of Unicode scalar offsets into a document's `text`.
///
/// Offsets count Unicode scalars (code points), not UTF-8 bytes, UTF-16 units or `Character`s.
/// Encodes as `{"start": Int, "end": Int}`.
public struct ScalarRange: Codable, Hashable, Sendable {
    /// Offset of the first scalar in the range.
    public var start: Int
    /// Offset one past the last scalar in the range.
    public var end: Int

    /// Creates the range `[start, end)`; `start <= end` is expected and not checked.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Number of scalars in the range.
    public var count: Int { end - start }

    /// True when the range holds no scalar.
    public var isEmpty: Bool { end <= start }

    /// The same range as a Swift `Range<Int>` for slicing a `[Unicode.Scalar]`.
    public var range: Range<Int> { start..<end }
}
