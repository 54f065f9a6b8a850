// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import Pipeline
import SystemPackage
import Testing

/// The intake's decisions without threads, timers or sleeps: every event carries its time, file
/// facts come from a scripted probe, and the jitter source is fixed.
struct IntakeStateMachineTests {
    /// Scripted answers about files: regular unless listed, no mark or identity unless set.
    struct Probe: IntakeProbe {
        var nonRegular: Set<FilePath> = []
        var marks: [FilePath: AccessMark] = [:]
        var identities: [FilePath: FileIdentity] = [:]
        func isRegularFile(_ path: FilePath) -> Bool { !nonRegular.contains(path) }
        func accessMark(_ path: FilePath) -> AccessMark? { marks[path] }
        func identity(_ path: FilePath) -> FileIdentity? { identities[path] }
        var links: [FilePath: Int] = [:]
        func linkCount(_ path: FilePath) -> Int { links[path] ?? 1 }
    }

    static let inbox = FilePath("/in")
    static let ms: UInt64 = 1_000_000
    static func path(_ name: String) -> FilePath { inbox.appending(name) }

    static func machine(
        settleMs: Int = 100, maxPending: Int = 100, maxInFlight: Int = 8, keepsInputs: Bool = false,
        random: Double = 0.5
    ) -> IntakeStateMachine {
        IntakeStateMachine(
            limits: .init(
                inbox: inbox, settleMs: settleMs, maxPending: maxPending, maxInFlight: maxInFlight,
                keepsInputs: keepsInputs),
            now: 0, random: { random })
    }

    static func candidate(_ name: String, _ origin: Candidate.Origin, attempts: Int = 0) -> Candidate {
        Candidate(path: path(name), relative: FilePath(name), origin: origin, attempts: attempts)
    }

    static func identity(inode: UInt64, size: Int64 = 10) -> FileIdentity {
        var info = stat()
        info.st_dev = 1
        info.st_ino = UInt(inode)
        info.st_size = Int(size)
        return FileIdentity(info)
    }

    static let readFailure = ArticleFailure(code: .unreadable, stage: .read, path: "a", cause: "EIO", isTemporary: true)
    static let writeFailure = ArticleFailure(
        code: .outputWrite, stage: .write, path: "a", cause: "ENOSPC", isTemporary: true)

    @Test("a written file is taken when it has been quiet for the settle period, not before")
    func settleDeadline() {
        var machine = Self.machine()
        #expect(machine.receive(.written(Self.path("a.txt")), now: 1 * Self.ms, probe: Probe()).isEmpty)
        #expect(machine.nextWakeUp == 101 * Self.ms)
        #expect(machine.timerFired(now: 100 * Self.ms).isEmpty)
        #expect(machine.timerFired(now: 101 * Self.ms) == [.start(Self.candidate("a.txt", .written))])
        #expect(machine.inFlightCount == 1 && machine.pendingCount == 0)
    }

    @Test("a new close during the settle period pushes the deadline to settle after the last close")
    func resettle() {
        var machine = Self.machine()
        _ = machine.receive(.written(Self.path("a.txt")), now: 0, probe: Probe())
        _ = machine.receive(.written(Self.path("a.txt")), now: 60 * Self.ms, probe: Probe())
        #expect(machine.timerFired(now: 100 * Self.ms).isEmpty)
        #expect(machine.nextWakeUp == 160 * Self.ms)
        #expect(machine.timerFired(now: 160 * Self.ms) == [.start(Self.candidate("a.txt", .written))])
    }

    @Test("a renamed-in file is taken at once, also one that was settling")
    func renamedInAtOnce() {
        var machine = Self.machine()
        #expect(
            machine.receive(.renamedIn(Self.path("r.txt")), now: 5, probe: Probe())
                == [.start(Self.candidate("r.txt", .renamedIn))])
        _ = machine.receive(.written(Self.path("w.txt")), now: 0, probe: Probe())
        #expect(
            machine.receive(.renamedIn(Self.path("w.txt")), now: 10 * Self.ms, probe: Probe())
                == [.start(Self.candidate("w.txt", .renamedIn))])
        #expect(machine.timerFired(now: 100 * Self.ms).isEmpty, "the old deadline no longer counts")
    }

    @Test("the inbox itself, paths outside it and dot-components are never candidates")
    func notCandidates() {
        var machine = Self.machine()
        for path in [Self.inbox, FilePath("/elsewhere/a.txt"), Self.path(".hidden/a.txt"), Self.path(".a.txt")] {
            #expect(machine.receive(.renamedIn(path), now: 0, probe: Probe()).isEmpty)
            #expect(machine.receive(.written(path), now: 0, probe: Probe()).isEmpty)
        }
        #expect(machine.pendingCount == 0 && machine.nextWakeUp == nil)
    }

    @Test("a created regular file waits for its close; a created FIFO or symlink is taken at once")
    func created() {
        var machine = Self.machine()
        #expect(machine.receive(.created(Self.path("f.txt")), now: 0, probe: Probe()).isEmpty)
        let probe = Probe(nonRegular: [Self.path("fifo")])
        #expect(
            machine.receive(.created(Self.path("fifo")), now: 0, probe: probe) == [
                .start(Self.candidate("fifo", .written))
            ])
    }

    @Test("at most maxInFlight candidates are admitted; a completion admits the next")
    func admission() {
        var machine = Self.machine(maxInFlight: 2)
        let names = ["a", "b", "c"]
        var started: [IntakeAction] = []
        for name in names { started += machine.receive(.renamedIn(Self.path(name)), now: 0, probe: Probe()) }
        #expect(started == [.start(Self.candidate("a", .renamedIn)), .start(Self.candidate("b", .renamedIn))])
        #expect(machine.readyCount == 1)
        let identity = Self.identity(inode: 1)
        #expect(
            machine.completed(
                Self.candidate("a", .renamedIn), .processed(sha256: "x", output: "a.json", identity: identity),
                now: 7 * Self.ms, probe: Probe()) == [.start(Self.candidate("c", .renamedIn))])
        #expect(machine.lastCompletion == 7 * Self.ms)
    }

    @Test("a full backlog drops hints, says so once, and asks for a backlog rescan once half drained")
    func backlogCap() {
        var machine = Self.machine(maxPending: 2, maxInFlight: 1)
        _ = machine.receive(.written(Self.path("a")), now: 0, probe: Probe())
        _ = machine.receive(.written(Self.path("b")), now: 0, probe: Probe())
        #expect(
            machine.receive(.written(Self.path("c")), now: 0, probe: Probe()) == [.backlogFull(pending: 2, inFlight: 0)]
        )
        #expect(machine.receive(.written(Self.path("d")), now: 0, probe: Probe()).isEmpty, "said once")
        #expect(machine.backlogged && machine.pendingCount == 2)
        #expect(machine.timerFired(now: 100 * Self.ms) == [.start(Self.candidate("a", .written))])
        let done = ArticleOutcome.processed(sha256: "x", output: "a.json", identity: Self.identity(inode: 1))
        #expect(
            machine.completed(Self.candidate("a", .written), done, now: 120 * Self.ms, probe: Probe()) == [
                .scan(Self.inbox, reason: .backlog), .start(Self.candidate("b", .written)),
            ])
        #expect(!machine.backlogged)
    }

    @Test("a walk stops when the backlog fills and counts only files new to the intake")
    func scanVisits() {
        var machine = Self.machine(maxPending: 2)
        _ = machine.receive(.written(Self.path("a")), now: 0, probe: Probe())
        let heldGoesOn = machine.visit(Self.path("a"), now: 1, probe: Probe())
        #expect(heldGoesOn, "already held: skipped, walk goes on")
        let newGoesOn = machine.visit(Self.path("b"), now: 1, probe: Probe())
        #expect(newGoesOn)
        let fullGoesOn = machine.visit(Self.path("c"), now: 1, probe: Probe())
        #expect(!fullGoesOn, "full: stop the walk")
        let finished = machine.scanFinished(Self.inbox, reason: .periodic, complete: false, now: 1)
        #expect(finished.fresh == 1)
        #expect(finished.actions == [.backlogFull(pending: 2, inFlight: 0), .rescanned(.periodic, fresh: 1)])
        #expect(machine.nextWakeUp == 100 * Self.ms)
    }

    @Test("a temporary failure is retried after exponential backoff with jitter, attempts counted")
    func retryBackoff() {
        var machine = Self.machine(random: 0.5)
        _ = machine.receive(.renamedIn(Self.path("a")), now: 0, probe: Probe())
        let first = machine.completed(
            Self.candidate("a", .renamedIn), .retry(Self.readFailure), now: 1_000 * Self.ms, probe: Probe())
        // attempt 1: backoff 500 ms, half fixed (250) + half of the rest (0.5 x 250).
        #expect(first == [.retrying(Self.candidate("a", .renamedIn), Self.readFailure, attempt: 1, delayMs: 375)])
        #expect(machine.nextWakeUp == 1_375 * Self.ms)
        #expect(
            machine.timerFired(now: 1_375 * Self.ms) == [.start(Self.candidate("a", .renamedIn, attempts: 1))])
        let second = machine.completed(
            Self.candidate("a", .renamedIn, attempts: 1), .retry(Self.readFailure), now: 2_000 * Self.ms,
            probe: Probe())
        #expect(
            second == [
                .retrying(Self.candidate("a", .renamedIn, attempts: 1), Self.readFailure, attempt: 2, delayMs: 750)
            ])
        #expect(machine.nextWakeUp == 2_750 * Self.ms)
    }

    @Test("retry delays: 250-500 ms at the first attempt, doubling, capped at 15-30 s")
    func backoffBounds() {
        #expect(RetryBackoff.delayMs(attempt: 1, unit: 0) == 250)
        #expect(RetryBackoff.delayMs(attempt: 1, unit: 1) == 500)
        #expect(RetryBackoff.delayMs(attempt: 3, unit: 0) == 1_000)
        #expect(RetryBackoff.delayMs(attempt: 7, unit: 0) == 15_000)
        #expect(RetryBackoff.delayMs(attempt: 7, unit: 1) == 30_000)
        #expect(RetryBackoff.delayMs(attempt: 40, unit: 1) == 30_000)
    }

    @Test("an output that cannot be written pauses admission until the retry is due")
    func writePause() {
        var machine = Self.machine(random: 0)
        _ = machine.receive(.renamedIn(Self.path("a")), now: 0, probe: Probe())
        let actions = machine.completed(
            Self.candidate("a", .renamedIn), .retry(Self.writeFailure), now: 10 * Self.ms, probe: Probe())
        #expect(actions == [.retrying(Self.candidate("a", .renamedIn), Self.writeFailure, attempt: 1, delayMs: 250)])
        #expect(machine.pausedUntil == 260 * Self.ms)
        #expect(machine.receive(.renamedIn(Self.path("b")), now: 20 * Self.ms, probe: Probe()).isEmpty, "paused")
        #expect(machine.nextWakeUp == 260 * Self.ms)
        #expect(
            machine.timerFired(now: 260 * Self.ms) == [
                .start(Self.candidate("b", .renamedIn)), .start(Self.candidate("a", .renamedIn, attempts: 1)),
            ])
    }

    @Test("a file still open for writing settles again for at least 200 ms")
    func busyResettles() {
        var machine = Self.machine(settleMs: 50)
        _ = machine.receive(.renamedIn(Self.path("a")), now: 0, probe: Probe())
        #expect(machine.completed(Self.candidate("a", .renamedIn), .busy, now: 5 * Self.ms, probe: Probe()).isEmpty)
        #expect(machine.nextWakeUp == 205 * Self.ms)
        #expect(machine.timerFired(now: 205 * Self.ms) == [.start(Self.candidate("a", .renamedIn))])
    }

    @Test("a file held open is read with backoff (200 ms doubling to 30 s), reported once; its close settles it")
    func heldOpenBacksOff() {
        var machine = IntakeStateMachine(
            limits: .init(
                inbox: Self.inbox, settleMs: 50, maxPending: 100, maxInFlight: 8, keepsInputs: false,
                busyWarningMs: 5_000),
            now: 0, random: { 0.5 })
        let a = Self.candidate("a", .renamedIn)
        _ = machine.receive(.renamedIn(Self.path("a")), now: 0, probe: Probe())
        var now: UInt64 = 0
        var waits: [UInt64] = []
        var reports: [IntakeAction] = []
        for _ in 0..<10 {
            let actions = machine.completed(a, .busy, now: now, probe: Probe())
            reports += actions
            let due = machine.nextWakeUp!
            waits.append((due - now) / Self.ms)
            now = due
            #expect(machine.timerFired(now: now) == [.start(a)])
        }
        #expect(waits == [200, 400, 800, 1_600, 3_200, 6_400, 12_800, 25_600, 30_000, 30_000])
        // First busy at 0; the read at 6,200 ms is the first past 5 s: one report, with the time open.
        #expect(reports == [.heldOpen(a, seconds: 6)])
        #expect(machine.heldOpenCount == 1)
        // The writer closes it while the 30 s wait runs: settled after the settle period, not 30 s.
        _ = machine.completed(a, .busy, now: now, probe: Probe())
        #expect(machine.receive(.written(Self.path("a")), now: now + Self.ms, probe: Probe()).isEmpty)
        #expect(machine.nextWakeUp == now + 51 * Self.ms)
        #expect(machine.timerFired(now: now + 51 * Self.ms) == [.start(Self.candidate("a", .written))])
        let done = machine.completed(
            a, .processed(sha256: "x", output: "a.json", identity: Self.identity(inode: 1)), now: now + 60 * Self.ms,
            probe: Probe())
        #expect(done.isEmpty && machine.heldOpenCount == 0)
    }

    @Test("a created regular file waits for its close, but a hard link (more than one name) settles at once")
    func hardLinkSettles() {
        var machine = Self.machine()
        var probe = Probe()
        probe.links[Self.path("linked")] = 2
        #expect(machine.receive(.created(Self.path("new")), now: 0, probe: probe).isEmpty)
        #expect(machine.nextWakeUp == nil)
        #expect(machine.receive(.created(Self.path("linked")), now: 1 * Self.ms, probe: probe).isEmpty)
        #expect(machine.nextWakeUp == 101 * Self.ms)
        #expect(machine.timerFired(now: 101 * Self.ms) == [.start(Self.candidate("linked", .written))])
    }

    @Test("a path written while in flight, or replaced, is settled again after its outcome")
    func changedWhileInFlight() {
        var machine = Self.machine()
        _ = machine.receive(.renamedIn(Self.path("a")), now: 0, probe: Probe())
        #expect(machine.receive(.written(Self.path("a")), now: 1 * Self.ms, probe: Probe()).isEmpty)
        let done = ArticleOutcome.processed(sha256: "x", output: "a.json", identity: Self.identity(inode: 1))
        #expect(machine.completed(Self.candidate("a", .renamedIn), done, now: 30 * Self.ms, probe: Probe()).isEmpty)
        #expect(machine.nextWakeUp == 130 * Self.ms)
        #expect(machine.timerFired(now: 130 * Self.ms) == [.start(Self.candidate("a", .written))])
        #expect(machine.completed(Self.candidate("a", .written), .replaced, now: 140 * Self.ms, probe: Probe()).isEmpty)
        #expect(machine.nextWakeUp == 240 * Self.ms)
    }

    @Test("kept inputs are skipped by rescans while unchanged, taken when changed, forgotten when gone")
    func keptInputs() {
        var machine = Self.machine(keepsInputs: true)
        let a = Self.path("a")
        let identity = Self.identity(inode: 7)
        _ = machine.receive(.renamedIn(a), now: 0, probe: Probe())
        _ = machine.completed(
            Self.candidate("a", .renamedIn), .processed(sha256: "x", output: "a.json", identity: identity), now: 1,
            probe: Probe())
        let same = Probe(identities: [a: identity])
        let sameGoesOn = machine.visit(a, now: 2, probe: same)
        #expect(sameGoesOn)
        #expect(machine.scanFinished(Self.inbox, reason: .periodic, complete: true, now: 2).fresh == 0)
        let changed = Probe(identities: [a: Self.identity(inode: 7, size: 11)])
        let changedGoesOn = machine.visit(a, now: 3, probe: changed)
        #expect(changedGoesOn)
        #expect(machine.scanFinished(Self.inbox, reason: .periodic, complete: true, now: 3).fresh == 1)

        var forgetting = Self.machine(keepsInputs: true)
        _ = forgetting.receive(.renamedIn(a), now: 0, probe: Probe())
        _ = forgetting.completed(
            Self.candidate("a", .renamedIn), .processed(sha256: "x", output: "a.json", identity: identity), now: 1,
            probe: Probe())
        _ = forgetting.scanFinished(Self.inbox, reason: .periodic, complete: true, now: 2)  // a not met: gone
        let forgottenGoesOn = forgetting.visit(a, now: 3, probe: same)
        #expect(forgottenGoesOn)
        #expect(forgetting.scanFinished(Self.inbox, reason: .periodic, complete: true, now: 3).fresh == 1)
    }

    @Test("an unreadable input is skipped by rescans until its owner or mode changes, or IN_ATTRIB resubmits it")
    func unreadableInputs() {
        var machine = Self.machine()
        let a = Self.path("a")
        let mark = AccessMark(inode: 3, owner: 0, group: 0, mode: 0o100000)
        let failure = ArticleFailure(code: .unreadable, stage: .read, path: "a", cause: "permission denied")
        _ = machine.receive(.renamedIn(a), now: 0, probe: Probe())
        _ = machine.completed(Self.candidate("a", .renamedIn), .failed(failure), now: 1, probe: Probe(marks: [a: mark]))
        let skipped = machine.visit(a, now: 2, probe: Probe(marks: [a: mark]))
        #expect(skipped)
        #expect(machine.pendingCount == 0)
        var chmodded = mark
        chmodded.mode = 0o100644
        let taken = machine.visit(a, now: 3, probe: Probe(marks: [a: chmodded]))
        #expect(taken)
        #expect(machine.pendingCount == 1)

        var attributes = Self.machine()
        _ = attributes.receive(.renamedIn(a), now: 0, probe: Probe())
        _ = attributes.completed(
            Self.candidate("a", .renamedIn), .failed(failure), now: 1, probe: Probe(marks: [a: mark]))
        #expect(attributes.receive(.attributesChanged(a), now: 10 * Self.ms, probe: Probe()).isEmpty)
        #expect(attributes.timerFired(now: 110 * Self.ms) == [.start(Self.candidate("a", .resubmitted))])
        let unrelated = attributes.receive(.attributesChanged(Self.path("other")), now: 0, probe: Probe())
        #expect(unrelated.isEmpty && attributes.pendingCount == 0)
    }

    @Test("draining admits nothing more, ignores hints, and reports drained when the last one finishes")
    func drain() {
        var machine = Self.machine(maxInFlight: 1)
        _ = machine.receive(.renamedIn(Self.path("a")), now: 0, probe: Probe())
        _ = machine.receive(.renamedIn(Self.path("b")), now: 0, probe: Probe())
        #expect(machine.drain().isEmpty)
        #expect(machine.receive(.renamedIn(Self.path("c")), now: 1, probe: Probe()).isEmpty)
        let done = ArticleOutcome.processed(sha256: "x", output: "a.json", identity: Self.identity(inode: 1))
        #expect(machine.completed(Self.candidate("a", .renamedIn), done, now: 2, probe: Probe()) == [.drained])
        var idle = Self.machine()
        #expect(idle.drain() == [.drained])
    }

    @Test("a new directory is scanned without a rescan line; a rescan hint scans the inbox")
    func scans() {
        var machine = Self.machine()
        #expect(
            machine.receive(.directoryAppeared(Self.path("d")), now: 0, probe: Probe()) == [
                .scan(Self.path("d"), reason: nil)
            ])
        #expect(machine.receive(.rescan(.overflow), now: 0, probe: Probe()) == [.scan(Self.inbox, reason: .overflow)])
        #expect(machine.scanFinished(Self.path("d"), reason: nil, complete: true, now: 0).actions.isEmpty)
    }
}
