// SPDX-License-Identifier: GPL-2.0-or-later

/// The watchdog rule: WATCHDOG=1 is sent only while every stage makes progress or is idle. A
/// stage with work pending that has not progressed within `limitNanoseconds` is stalled, and
/// the daemon stops feeding the watchdog (systemd then restarts it).
///
/// Pure: the caller passes the readings and the time (monotonic nanoseconds).
public struct WatchdogHealth: Sendable {
    /// One stage's reading.
    public struct Stage: Sendable {
        public var name: String
        /// Work waiting in or for this stage.
        public var pending: Int
        /// Monotonic time of the stage's last progress.
        public var lastProgress: UInt64

        public init(name: String, pending: Int, lastProgress: UInt64) {
            self.name = name
            self.pending = pending
            self.lastProgress = lastProgress
        }
    }

    public var limitNanoseconds: UInt64

    public init(limitNanoseconds: UInt64) { self.limitNanoseconds = limitNanoseconds }

    /// `nil` when healthy, else the first stalled stage and for how long, e.g.
    /// `pipeline stalled for 41 s with 3 pending`.
    public func verdict(_ stages: [Stage], now: UInt64) -> String? {
        for stage in stages where stage.pending > 0 {
            let idle = now > stage.lastProgress ? now - stage.lastProgress : 0
            if idle > limitNanoseconds {
                return "\(stage.name) stalled for \(idle / 1_000_000_000) s with \(stage.pending) pending"
            }
        }
        return nil
    }
}
