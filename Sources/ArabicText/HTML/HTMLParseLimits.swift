// SPDX-License-Identifier: GPL-2.0-or-later

/// Bounds on the work and the time one HTML page may take, so that a pathological page can never
/// stall a worker: parsing stops with ``HTMLParseError`` when either is exceeded.
///
/// The extractor is linear in the input (every byte is read a bounded number of times), so the
/// work bound is a safety net against defects rather than a tuning knob: a unit is one input byte
/// read, one element or one text block made, one block examined by a rule. The time limit is
/// checked against an injected monotonic clock every 2^20 units, so tests can drive it.
public struct HTMLParseLimits: Sendable {
    /// Work units allowed per input byte, on top of `baseWork`.
    public var workPerByte: Int
    /// Work units allowed for any input.
    public var baseWork: Int
    /// Wall-clock limit in milliseconds; `nil` for none.
    public var maxMilliseconds: Double?
    /// Monotonic nanoseconds (e.g. `System.monotonicNanoseconds`); `nil` disables the time limit.
    public var clock: (@Sendable () -> UInt64)?

    /// Creates limits; the defaults allow 64 units per byte plus 16 Mi units, and no time limit.
    public init(
        workPerByte: Int = 64, baseWork: Int = 1 << 24, maxMilliseconds: Double? = nil,
        clock: (@Sendable () -> UInt64)? = nil
    ) {
        self.workPerByte = workPerByte
        self.baseWork = baseWork
        self.maxMilliseconds = maxMilliseconds
        self.clock = clock
    }

    /// No time limit; the default work bound.
    public static let unlimitedTime = HTMLParseLimits()
}
