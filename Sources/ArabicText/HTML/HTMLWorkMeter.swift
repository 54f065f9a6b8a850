// SPDX-License-Identifier: GPL-2.0-or-later

/// Counts the work of one extraction against its ``HTMLParseLimits``.
///
/// A pure state machine: `charge` adds units and throws once the work bound is passed; every 2^20
/// units it reads the injected clock and throws once the time limit is passed.
struct HTMLWorkMeter: Sendable {
    private let limit: Int
    private let deadline: UInt64?
    private let clock: (@Sendable () -> UInt64)?
    private let maxMilliseconds: Double
    private(set) var used = 0
    private var nextClockCheck = 1 << 20

    /// A meter for an input of `inputBytes` bytes, started now (by `limits.clock`).
    init(limits: HTMLParseLimits, inputBytes: Int) {
        limit = limits.baseWork &+ limits.workPerByte &* inputBytes
        clock = limits.clock
        maxMilliseconds = limits.maxMilliseconds ?? 0
        if let clock = limits.clock, let ms = limits.maxMilliseconds {
            deadline = clock() &+ UInt64(max(0, ms) * 1e6)
        } else {
            deadline = nil
        }
    }

    /// Adds `units` of work.
    /// - Throws: `parse-work-limit` past the work bound, `parse-timeout` past the deadline.
    @inline(__always)
    mutating func charge(_ units: Int) throws(HTMLParseError) {
        used &+= units
        if used >= nextClockCheck { try check() }
    }

    private mutating func check() throws(HTMLParseError) {
        nextClockCheck = used + (1 << 20)
        if used > limit {
            throw HTMLParseError(
                code: .workLimit, detail: "more than \(limit) units of work (\(used) spent)")
        }
        if let deadline, let clock, clock() > deadline {
            throw HTMLParseError(
                code: .timeout, detail: "took longer than \(maxMilliseconds) ms (\(used) units of work done)")
        }
    }

    /// Checks both bounds now, whatever the units since the last check.
    mutating func checkNow() throws(HTMLParseError) { try check() }
}
