// SPDX-License-Identifier: GPL-2.0-or-later

import Pipeline
import SystemPackage
import Testing

/// The intake's part in a shared ledger: no admission while the ledger is unreachable, and
/// inputs another host holds are looked at again later, without counting as attempts.
struct IntakeLedgerPauseTests {
    typealias Base = IntakeStateMachineTests
    static let ms = Base.ms

    @Test("while the ledger is unreachable nothing is admitted; paths wait in order and are admitted once it answers")
    func pausesWhileUnreachable() {
        var machine = Base.machine(maxInFlight: 2)
        #expect(machine.ledgerReachability(false, now: 0).isEmpty)
        #expect(machine.ledgerPaused)
        for name in ["a", "b", "c"] {
            #expect(machine.receive(.renamedIn(Base.path(name)), now: 1 * Self.ms, probe: Base.Probe()).isEmpty)
        }
        #expect(machine.readyCount == 3 && machine.inFlightCount == 0)
        #expect(machine.timerFired(now: 5_000 * Self.ms).isEmpty, "no timer admits while paused")
        #expect(
            machine.ledgerReachability(true, now: 6_000 * Self.ms) == [
                .start(Base.candidate("a", .renamedIn)), .start(Base.candidate("b", .renamedIn)),
            ])
        #expect(!machine.ledgerPaused && machine.readyCount == 1)
    }

    @Test("a ledger failure in flight pauses admission until its retry is due, like a write failure")
    func ledgerRetryPauses() {
        var machine = Base.machine(maxInFlight: 1, random: 0)
        _ = machine.receive(.renamedIn(Base.path("a")), now: 0, probe: Base.Probe())
        _ = machine.receive(.renamedIn(Base.path("b")), now: 0, probe: Base.Probe())
        let failure = ArticleFailure(
            code: .ledgerUnavailable, stage: .ledger, path: "a", cause: "no answer", isTemporary: true)
        let actions = machine.completed(
            Base.candidate("a", .renamedIn), .retry(failure), now: 10 * Self.ms, probe: Base.Probe())
        #expect(actions == [.retrying(Base.candidate("a", .renamedIn), failure, attempt: 1, delayMs: 250)])
        #expect(machine.pausedUntil == 260 * Self.ms)
        #expect(machine.timerFired(now: 259 * Self.ms).isEmpty)
        #expect(machine.timerFired(now: 260 * Self.ms) == [.start(Base.candidate("b", .renamedIn))])
    }

    @Test("an input claimed by another host is looked at again after the delay the ledger gave, and is no attempt")
    func claimedElsewhereSettlesAgain() {
        var machine = Base.machine()
        _ = machine.receive(.renamedIn(Base.path("a")), now: 0, probe: Base.Probe())
        let actions = machine.completed(
            Base.candidate("a", .renamedIn), .claimedElsewhere(retryAfterMs: 700), now: 5 * Self.ms,
            probe: Base.Probe())
        #expect(actions.isEmpty)
        #expect(machine.nextWakeUp == 705 * Self.ms)
        #expect(machine.timerFired(now: 705 * Self.ms) == [.start(Base.candidate("a", .renamedIn, attempts: 0))])
    }

    @Test("with a shared inbox admission takes a random one of the oldest waiting paths; one host admits in order")
    func sharedInboxAdmitsAtRandom() {
        var shared = IntakeStateMachine(
            limits: .init(
                inbox: Base.inbox, settleMs: 100, maxPending: 100, maxInFlight: 1, keepsInputs: false,
                sharedInbox: true),
            now: 0, random: { 0.99 })
        var single = Base.machine(maxInFlight: 1, random: 0.99)
        for name in ["a", "b", "c", "d"] {
            _ = shared.receive(.renamedIn(Base.path(name)), now: 0, probe: Base.Probe())
            _ = single.receive(.renamedIn(Base.path(name)), now: 0, probe: Base.Probe())
        }
        // "a" was admitted at once (nothing else waited); the next pick is the last of b, c, d.
        #expect(
            shared.completed(Base.candidate("a", .renamedIn), .vanished, now: 1, probe: Base.Probe()) == [
                .start(Base.candidate("d", .renamedIn))
            ])
        #expect(
            single.completed(Base.candidate("a", .renamedIn), .vanished, now: 1, probe: Base.Probe()) == [
                .start(Base.candidate("b", .renamedIn))
            ])
    }
}
