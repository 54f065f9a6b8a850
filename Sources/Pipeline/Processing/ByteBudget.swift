// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// The input bytes the pipeline may hold at once, between the end of an article's read and its
/// outcome: with inputs of up to 16 MiB, a count of articles in flight alone does not bound memory
/// (extraction holds about 19 bytes per input byte at its peak). ``acquire(_:)`` waits until the
/// bytes fit; one article larger than the whole budget runs alone, so nothing waits forever.
///
/// The read stage (one serial queue) is the only caller of `acquire`, so at most one read waits.
public final class ByteBudget: @unchecked Sendable {
    /// The budget, in bytes.
    public let limit: Int
    // Guarded by `condition`.
    private var held = 0
    private let condition = NSCondition()

    /// - Parameter limit: bytes in flight at most (at least 1).
    public init(limit: Int) { self.limit = max(1, limit) }

    /// Bytes held now.
    public var inFlight: Int {
        condition.lock()
        defer { condition.unlock() }
        return held
    }

    /// Blocks until `bytes` fit in the budget (or nothing else is held), then holds them.
    public func acquire(_ bytes: Int) {
        condition.lock()
        while held > 0 && held + bytes > limit { condition.wait() }
        held += bytes
        condition.unlock()
    }

    /// Gives back `bytes` held by ``acquire(_:)``.
    public func release(_ bytes: Int) {
        condition.lock()
        held -= bytes
        precondition(held >= 0, "ByteBudget released more than it held")
        condition.broadcast()
        condition.unlock()
    }
}
