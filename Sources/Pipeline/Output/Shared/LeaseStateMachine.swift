// SPDX-License-Identifier: GPL-2.0-or-later

/// The timing of one host's part in a shared ledger, as a pure state machine with an injected
/// clock (monotonic nanoseconds; no I/O, no clock read, randomness injected):
///
/// - **Heartbeat**: the host renews its lease every `heartbeatMs` (one `UPDATE` of its row in the
///   hosts table, on the database's clock). Every claim the host holds lives as long as that row
///   keeps being renewed: a host that stops heart-beating for `leaseMs` loses all its claims at
///   once to whichever host asks for them next (*take-over*).
/// - **Reachability**: the heartbeat doubles as the connection probe. A failed heartbeat, or a
///   failed call on the work path (``callFailed(now:)``), makes the ledger *unreachable*: the
///   owner pauses the intake, calls fail at once instead of waiting, and the next attempt comes
///   after an exponential backoff with jitter (``RetryBackoff``-style, 250 ms doubling up to
///   `maxBackoffMs`). The first successful attempt makes it *reachable* again.
/// - **Own lease**: ``holdsLease(now:)`` is false once the last renewal that succeeded was *sent*
///   more than `leaseMs - heartbeatMs` ago. The database stamps a renewal when it receives it,
///   which is after it was sent, so while this holds no other host can have seen the lease expire
///   (the margin of one heartbeat covers clock-rate differences between hosts). A host that no
///   longer holds its lease must not write documents for its claims.
/// - **Decisions about other hosts' claims** (``decide(holderHeartbeatAgeMs:)`` and
///   ``decide(recordedBy:finishedAgeMs:)``): ages come from the database's clock (`now() -
///   heartbeat_at`), so clock skew between hosts does not matter.
///
/// The lease/heartbeat scheme is the one of Gray and Cheriton, "Leases: An Efficient
/// Fault-Tolerant Mechanism for Distributed File Cache Consistency" (SOSP 1989).
public struct LeaseStateMachine: Sendable {
    /// Lease and heartbeat periods, milliseconds.
    public struct Settings: Sendable, Equatable {
        /// How long after a host's last heartbeat its claims may be taken over, ms.
        public var leaseMs: Int
        /// How often a host renews its lease, ms (at most half the lease).
        public var heartbeatMs: Int
        /// Longest wait between two connection attempts while unreachable, ms.
        public var maxBackoffMs: Int

        public init(leaseMs: Int, heartbeatMs: Int, maxBackoffMs: Int = 10_000) {
            self.leaseMs = leaseMs
            self.heartbeatMs = heartbeatMs
            self.maxBackoffMs = maxBackoffMs
        }
    }

    /// What the owner is told when reachability changes.
    public enum Change: Sendable, Equatable {
        case becameReachable
        /// `since` is the monotonic time of the first failure.
        case becameUnreachable(since: UInt64)
    }

    /// What to do with content another host has claimed.
    public enum ClaimDecision: Sendable, Equatable {
        /// The holder's lease expired: take the claim over.
        case takeOver
        /// The holder is alive: skip the path and look again after this many milliseconds.
        case wait(retryAfterMs: Int)
    }

    /// What to do with an input whose content already has a row.
    public enum RecordedDecision: Sendable, Equatable {
        /// Finalise the input here (archive it as a duplicate, as one host always did).
        case finalise
        /// Another host recorded it moments ago and is moving the input itself: leave it alone
        /// and look again after this many milliseconds.
        case wait(retryAfterMs: Int)
    }

    public let settings: Settings
    private let random: @Sendable () -> Double

    /// Whether the last attempt (heartbeat or work call) reached the database.
    public private(set) var isReachable = false
    /// Monotonic time of the first failure of the current unreachable spell (`nil` while reachable
    /// or before the first attempt).
    public private(set) var unreachableSince: UInt64?
    /// When the next heartbeat (or, while unreachable, the next connection attempt) is due.
    public private(set) var nextAttempt: UInt64
    /// Consecutive failed attempts.
    public private(set) var failures = 0
    /// Send time of the last successful renewal.
    public private(set) var lastRenewal: UInt64?
    private var attemptSentAt: UInt64?

    /// - Parameters:
    ///   - now: the machine's start; the first attempt is due at once.
    ///   - random: numbers in `0...1` for the backoff's jitter.
    public init(settings: Settings, now: UInt64, random: @escaping @Sendable () -> Double) {
        self.settings = settings
        self.random = random
        nextAttempt = now
    }

    // MARK: - Heartbeat and reachability

    /// Whether an attempt is due and none is under way.
    public func isAttemptDue(now: UInt64) -> Bool { attemptSentAt == nil && now >= nextAttempt }

    /// The owner sends a heartbeat (or connection attempt) now.
    public mutating func attemptStarted(now: UInt64) {
        attemptSentAt = now
    }

    /// The attempt started at ``attemptStarted(now:)`` succeeded.
    public mutating func attemptSucceeded(now: UInt64) -> Change? {
        let sent = attemptSentAt ?? now
        attemptSentAt = nil
        lastRenewal = sent
        failures = 0
        nextAttempt = sent + UInt64(settings.heartbeatMs) * 1_000_000
        return markReachable()
    }

    /// The attempt failed (no connection, timeout, server refusing).
    public mutating func attemptFailed(now: UInt64) -> Change? {
        attemptSentAt = nil
        failures += 1
        nextAttempt = now + UInt64(backoffMs(attempt: failures)) * 1_000_000
        return markUnreachable(now: now)
    }

    /// A call on the work path (claim, record) could not reach the database: unreachable at once,
    /// and a connection attempt due now unless one is under way.
    public mutating func callFailed(now: UInt64) -> Change? {
        if isReachable { nextAttempt = now }
        return markUnreachable(now: now)
    }

    /// Whether this host still holds its lease (see the type's documentation): false before the
    /// first renewal and once the last one is older than `leaseMs - heartbeatMs`.
    public func holdsLease(now: UInt64) -> Bool {
        guard let lastRenewal else { return false }
        let margin = UInt64(max(settings.leaseMs - settings.heartbeatMs, 0)) * 1_000_000
        return now < lastRenewal + margin
    }

    /// The delay before connection attempt number `attempt` after a failure: 250 ms doubled per
    /// attempt up to `maxBackoffMs`, half of it fixed and half random ("equal jitter").
    public func backoffMs(attempt: Int) -> Int {
        let backoff = min(settings.maxBackoffMs, 250 << min(max(attempt - 1, 0), 16))
        let half = backoff / 2
        return half + Int((Double(half) * min(max(random(), 0), 1)).rounded(.down))
    }

    private mutating func markReachable() -> Change? {
        defer {
            isReachable = true
            unreachableSince = nil
        }
        return isReachable ? nil : .becameReachable
    }

    private mutating func markUnreachable(now: UInt64) -> Change? {
        isReachable = false
        guard unreachableSince == nil else { return nil }
        unreachableSince = now
        return .becameUnreachable(since: now)
    }

    // MARK: - Other hosts' claims

    /// What to do with content claimed by another host whose last heartbeat is
    /// `holderHeartbeatAgeMs` old on the database's clock (`nil`: the host has no row, or it
    /// stopped cleanly).
    public func decide(holderHeartbeatAgeMs age: Int?) -> ClaimDecision {
        guard let age, age < settings.leaseMs else { return .takeOver }
        return .wait(retryAfterMs: retryDelay(remainingMs: settings.leaseMs - age))
    }

    /// What to do with an input whose content has a `done` row written `finishedAgeMs` ago, by
    /// another host (`otherHost`) for the same path (`samePath`). That host is still moving the
    /// input out of the inbox when it finished within the lease: wait for it. Past the lease it
    /// died between its `done` and the move: finalise the input here. An input under another name,
    /// or recorded by this host, is a duplicate to finalise at once.
    public func decide(recordedByOtherHost otherHost: Bool, samePath: Bool, finishedAgeMs age: Int?)
        -> RecordedDecision
    {
        guard otherHost, samePath, let age, age < settings.leaseMs else { return .finalise }
        return .wait(retryAfterMs: retryDelay(remainingMs: settings.leaseMs - age))
    }

    /// A live holder usually finishes within a second: look again after one heartbeat period
    /// (at least 100 ms), or when the lease would run out if that is sooner.
    private func retryDelay(remainingMs: Int) -> Int {
        max(100, min(settings.heartbeatMs, remainingMs))
    }
}
