// SPDX-License-Identifier: GPL-2.0-or-later

import Pipeline
import Testing

/// The shared ledger's timing without a database: heartbeats, reachability with backoff, this
/// host's own lease, and the decisions about other hosts' claims, on an injected clock.
struct LeaseStateMachineTests {
    static let ms: UInt64 = 1_000_000
    static let settings = LeaseStateMachine.Settings(leaseMs: 10_000, heartbeatMs: 2_000, maxBackoffMs: 8_000)

    static func machine(random: Double = 0) -> LeaseStateMachine {
        LeaseStateMachine(settings: settings, now: 0, random: { random })
    }

    @Test(
        "the first attempt is due at once; a success makes the ledger reachable and schedules the next heartbeat one period after it was sent"
    )
    func heartbeatSchedule() {
        var machine = Self.machine()
        #expect(!machine.isReachable)
        #expect(machine.isAttemptDue(now: 0))
        machine.attemptStarted(now: 0)
        #expect(!machine.isAttemptDue(now: 1 * Self.ms), "an attempt is under way")
        #expect(machine.attemptSucceeded(now: 30 * Self.ms) == .becameReachable)
        #expect(machine.isReachable)
        #expect(machine.nextAttempt == 2_000 * Self.ms)
        #expect(!machine.isAttemptDue(now: 1_999 * Self.ms))
        #expect(machine.isAttemptDue(now: 2_000 * Self.ms))
        machine.attemptStarted(now: 2_000 * Self.ms)
        #expect(machine.attemptSucceeded(now: 2_010 * Self.ms) == nil, "already reachable: no change to announce")
        #expect(machine.nextAttempt == 4_000 * Self.ms)
    }

    @Test(
        "failed attempts back off exponentially with equal jitter up to the cap, and the first failure is announced once"
    )
    func backoffWhileUnreachable() {
        var machine = Self.machine(random: 0)
        machine.attemptStarted(now: 0)
        #expect(machine.attemptSucceeded(now: 0) == .becameReachable)
        machine.attemptStarted(now: 2_000 * Self.ms)
        #expect(machine.attemptFailed(now: 2_100 * Self.ms) == .becameUnreachable(since: 2_100 * Self.ms))
        #expect(!machine.isReachable)
        #expect(machine.unreachableSince == 2_100 * Self.ms)
        // random 0: half of 250 ms, then half of 500, 1000, 2000, 4000, 8000 (the cap), 8000.
        #expect(machine.nextAttempt == (2_100 + 125) * Self.ms)
        var now = machine.nextAttempt
        var delays: [UInt64] = []
        for _ in 0..<6 {
            machine.attemptStarted(now: now)
            #expect(machine.attemptFailed(now: now) == nil, "the spell was announced already")
            delays.append((machine.nextAttempt - now) / Self.ms)
            now = machine.nextAttempt
        }
        #expect(delays == [250, 500, 1_000, 2_000, 4_000, 4_000])
        #expect(Self.machine(random: 1).backoffMs(attempt: 3) == 1_000, "random 1 gives the whole backoff")
        machine.attemptStarted(now: now)
        #expect(machine.attemptSucceeded(now: now) == .becameReachable)
        #expect(machine.unreachableSince == nil && machine.failures == 0)
    }

    @Test("a failed call on the work path makes the ledger unreachable at once and brings the next attempt forward")
    func callFailureProbesAtOnce() {
        var machine = Self.machine()
        machine.attemptStarted(now: 0)
        _ = machine.attemptSucceeded(now: 0)
        #expect(machine.callFailed(now: 500 * Self.ms) == .becameUnreachable(since: 500 * Self.ms))
        #expect(machine.isAttemptDue(now: 500 * Self.ms))
        #expect(machine.callFailed(now: 600 * Self.ms) == nil)
    }

    @Test(
        "this host holds its lease until lease minus one heartbeat after the send time of its last successful renewal")
    func ownLease() {
        var machine = Self.machine()
        #expect(!machine.holdsLease(now: 0), "no renewal yet")
        machine.attemptStarted(now: 1_000 * Self.ms)
        _ = machine.attemptSucceeded(now: 1_500 * Self.ms)
        #expect(machine.holdsLease(now: 8_999 * Self.ms))
        #expect(!machine.holdsLease(now: 9_000 * Self.ms), "sent at 1 s: 10 s lease less 2 s margin")
        machine.attemptStarted(now: 3_000 * Self.ms)
        _ = machine.attemptFailed(now: 3_100 * Self.ms)
        #expect(machine.holdsLease(now: 8_000 * Self.ms), "a failed heartbeat does not end the lease early")
        #expect(!machine.holdsLease(now: 9_000 * Self.ms))
    }

    @Test("another host's claim is taken over only once its heartbeat is a whole lease old, or when it has none")
    func takeOverAfterLease() {
        let machine = Self.machine()
        #expect(machine.decide(holderHeartbeatAgeMs: 0) == .wait(retryAfterMs: 2_000))
        #expect(machine.decide(holderHeartbeatAgeMs: 9_000) == .wait(retryAfterMs: 1_000))
        #expect(machine.decide(holderHeartbeatAgeMs: 9_990) == .wait(retryAfterMs: 100), "at least 100 ms")
        #expect(machine.decide(holderHeartbeatAgeMs: 10_000) == .takeOver)
        #expect(machine.decide(holderHeartbeatAgeMs: nil) == .takeOver, "stopped or unknown host")
    }

    @Test("content another host has just finished under the same path is left to it until the lease has passed")
    func recordedByAnotherHost() {
        let machine = Self.machine()
        #expect(
            machine.decide(recordedByOtherHost: true, samePath: true, finishedAgeMs: 50) == .wait(retryAfterMs: 2_000))
        #expect(machine.decide(recordedByOtherHost: true, samePath: true, finishedAgeMs: 10_000) == .finalise)
        #expect(machine.decide(recordedByOtherHost: true, samePath: false, finishedAgeMs: 50) == .finalise)
        #expect(machine.decide(recordedByOtherHost: false, samePath: true, finishedAgeMs: 50) == .finalise)
        #expect(machine.decide(recordedByOtherHost: true, samePath: true, finishedAgeMs: nil) == .finalise)
    }
}
