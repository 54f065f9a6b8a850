// SPDX-License-Identifier: GPL-2.0-or-later

import Synchronization

/// Progress of one pipeline stage, for the watchdog: how many items were handed to it, how many
/// it finished, and when it last finished one (monotonic nanoseconds). Lock-free counters, updated
/// by the engine as items enter and leave the stage's queue.
public final class StageProgress: Sendable {
    /// The stage's name as the watchdog reports it (`read`, `extract`, `write`).
    public let name: String
    private let entered = Atomic<Int>(0)
    private let left = Atomic<Int>(0)
    private let lastProgress: Atomic<UInt64>

    /// - Parameter now: the monotonic time the stage starts at (its first "last progress").
    public init(name: String, now: UInt64) {
        self.name = name
        lastProgress = Atomic(now)
    }

    /// An item was queued for the stage.
    public func enter() { entered.add(1, ordering: .relaxed) }

    /// The stage finished an item at `now`.
    public func leave(now: UInt64) {
        lastProgress.store(now, ordering: .relaxed)
        left.add(1, ordering: .relaxed)
    }

    /// Items queued for or inside the stage, and when it last finished one.
    public var reading: (pending: Int, lastProgress: UInt64) {
        let done = left.load(ordering: .relaxed)
        return (max(0, entered.load(ordering: .relaxed) - done), lastProgress.load(ordering: .relaxed))
    }
}
