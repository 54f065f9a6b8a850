// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch

/// The clock ``ArticleExtractor`` times its steps with: a reading in nanoseconds from a monotonic
/// source. Injected, so that tests can tick it by hand.
public struct StageClock: Sendable {
    /// The current reading, nanoseconds; never decreases.
    public let now: @Sendable () -> UInt64

    /// A clock reading `now`.
    public init(now: @escaping @Sendable () -> UInt64) { self.now = now }

    /// CLOCK_MONOTONIC through Dispatch (`DispatchTime.now().uptimeNanoseconds`).
    public static let monotonic = StageClock { DispatchTime.now().uptimeNanoseconds }
}
