// SPDX-License-Identifier: GPL-2.0-or-later

import DequeModule
import HeapModule
import SystemPackage

/// Every decision of the intake, as a pure state machine driven by events and an injected clock:
/// settle deadlines (a written file is taken once it stayed quiet for the settle period; a new
/// close pushes its deadline), rename-ins taken at once, the pending set and its cap (a full
/// backlog drops hints and asks for a `backlog` rescan once half of it drained), admission of at
/// most `maxInFlight` candidates, retries with exponential backoff and jitter, backoff for files
/// still open for writing (reported once past a warning time), the write pause
/// (no admission while the output cannot take documents), the ledger pause (no admission while a
/// shared ledger is unreachable; see ``ledgerReachability(_:now:)``), and the skips that keep rescans quiet
/// (kept inputs whose file did not change; unreadable inputs whose owner and mode did not change).
///
/// It does no I/O and reads no clock: every event carries `now` (monotonic nanoseconds), facts
/// about files come from an ``IntakeProbe``, and randomness from an injected source. ``Intake``
/// owns the queue, the timers, the directory walks and the engine, and carries out the
/// ``IntakeAction``s each event returns.
public struct IntakeStateMachine {
    /// The limits the machine works within.
    public struct Limits: Sendable, Equatable {
        /// The inbox root: candidates are paths below it with no dot-component.
        public var inbox: FilePath
        /// Quiet period after a close-after-write, milliseconds.
        public var settleMs: Int
        /// Settle period for a file that was still open for writing when read the first time,
        /// milliseconds; it doubles at each further busy read up to ``busyMaxSettleMs``.
        public var busySettleMs: Int { max(settleMs, 200) }
        /// The longest wait between two reads of a file that stays open for writing, milliseconds.
        /// Its writer's close (`IN_CLOSE_WRITE`) settles it at once whatever the wait.
        public var busyMaxSettleMs: Int { max(busySettleMs, 30_000) }
        /// How long a file stays open for writing before it is reported (once), milliseconds.
        public var busyWarningMs: Int
        /// Paths held settling or waiting for admission.
        public var maxPending: Int
        /// Candidates in flight through the engine.
        public var maxInFlight: Int
        /// Whether processed inputs stay in the inbox (`--keep-inputs`).
        public var keepsInputs: Bool
        /// Several hosts share the inbox: admission takes a random path among the first
        /// ``sharedAdmissionWindow`` waiting, so that hosts told about the same files in the same
        /// order (inotify on one machine, the same directory listing) do not all reach for the
        /// same file at once. One host admits in order.
        public var sharedInbox: Bool

        public init(
            inbox: FilePath, settleMs: Int, maxPending: Int, maxInFlight: Int, keepsInputs: Bool,
            busyWarningMs: Int = 60_000, sharedInbox: Bool = false
        ) {
            self.inbox = inbox
            self.busyWarningMs = busyWarningMs
            self.settleMs = settleMs
            self.maxPending = maxPending
            self.maxInFlight = maxInFlight
            self.keepsInputs = keepsInputs
            self.sharedInbox = sharedInbox
        }

        /// Waiting paths among which a host of a shared inbox picks the next admission.
        public static let sharedAdmissionWindow = 256
    }

    private struct Deadline: Comparable {
        var due: UInt64
        var path: FilePath
        var origin: Candidate.Origin
        static func < (a: Deadline, b: Deadline) -> Bool { a.due < b.due }
        static func == (a: Deadline, b: Deadline) -> Bool { a.due == b.due && a.path == b.path }
    }

    /// Settable by the owner for a configuration reload (`settleMs`).
    public internal(set) var limits: Limits
    /// A random number in `0...1` for retry jitter.
    private let random: () -> Double

    private var settling: [FilePath: UInt64] = [:]
    private var deadlines = Heap<Deadline>()
    private var ready = Deque<Candidate>()
    private var queued = Set<FilePath>()
    private var inFlight = Set<FilePath>()
    private var changedWhileInFlight = Set<FilePath>()
    private var attempts: [FilePath: Int] = [:]
    /// Files found open for writing: since when (monotonic), how many busy reads, whether reported.
    private var busy: [FilePath: (since: UInt64, reads: Int, reported: Bool)] = [:]
    /// Inputs left in place because they cannot be read, with their access mark then.
    private var unreadable: [FilePath: AccessMark] = [:]
    /// With `keepsInputs`: the file each processed path held when it was read. Grows with the kept
    /// inbox (about 100 bytes per file); paths gone from the inbox are dropped at the next complete
    /// rescan.
    private var kept: [FilePath: FileIdentity] = [:]
    /// Kept paths seen by the scan in progress.
    private var keptSeen = Set<FilePath>()
    /// Files new to the intake in the scan in progress.
    private var fresh = 0
    /// Whether new work is admitted (false once draining).
    public private(set) var accepting = true
    /// The backlog was full and a hint or a scan left files behind: rescan once it drains.
    public private(set) var backlogged = false
    /// No admission before this monotonic time (the output could not be written).
    public private(set) var pausedUntil: UInt64 = 0
    /// No admission while the ledger is unreachable (a shared ledger that does not answer).
    public private(set) var ledgerPaused = false
    /// Monotonic time the last candidate finished (or the machine was made).
    public private(set) var lastCompletion: UInt64
    private var outbox: [IntakeAction] = []

    /// - Parameters:
    ///   - now: the monotonic time the machine starts at (the first "last completion").
    ///   - random: a source of numbers in `0...1` for retry jitter.
    public init(limits: Limits, now: UInt64, random: @escaping () -> Double) {
        self.limits = limits
        self.random = random
        lastCompletion = now
    }

    // MARK: - Reading the state

    /// Paths waiting for their settle deadline.
    public var settlingCount: Int { settling.count }
    /// Paths settled and waiting for admission.
    public var readyCount: Int { ready.count }
    /// Candidates handed to the engine and not finished.
    public var inFlightCount: Int { inFlight.count }
    /// Paths held: settling or waiting for admission (bounded by `maxPending`).
    public var pendingCount: Int { settling.count + ready.count }
    /// Files that were still open for writing at their last read.
    public var heldOpenCount: Int { busy.count }

    /// When the owner must call ``timerFired(now:)`` next: the earliest settle deadline, or the
    /// end of a write pause while candidates wait; `nil` when nothing is due.
    public var nextWakeUp: UInt64? {
        let settle = deadlines.min?.due
        let pause = !ready.isEmpty && pausedUntil > 0 ? pausedUntil : nil
        switch (settle, pause) {
        case (let s?, let p?): return min(s, p)
        case (let s?, nil): return s
        case (nil, let p?): return p
        case (nil, nil): return nil
        }
    }

    // MARK: - Events

    /// A hint from the watch backend.
    public mutating func receive(_ hint: WatchHint, now: UInt64, probe: some IntakeProbe) -> [IntakeAction] {
        guard accepting else { return [] }
        switch hint {
        case .written(let path):
            settle(path, origin: .written, now: now)
        case .renamedIn(let path):
            enqueue(path, origin: .renamedIn)
        case .attributesChanged(let path):
            if unreadable.removeValue(forKey: path) != nil { settle(path, origin: .resubmitted, now: now) }
        case .created(let path):
            // A regular file is still being written, unless it is a hard link (`link(2)` raises
            // only IN_CREATE: no close will follow); anything else will never be "closed".
            if !probe.isRegularFile(path) {
                enqueue(path, origin: .written)
            } else if probe.linkCount(path) > 1 {
                settle(path, origin: .written, now: now)
            }
        case .directoryAppeared(let path):
            outbox.append(.scan(path, reason: nil))
        case .rescan(let reason):
            outbox.append(.scan(limits.inbox, reason: reason))
        }
        admit(now: now)
        return flush()
    }

    /// One file met by a walk of a directory (after ``IntakeAction/scan(_:reason:)``). Returns
    /// whether the walk should go on (`false` once the backlog is full).
    public mutating func visit(_ path: FilePath, now: UInt64, probe: some IntakeProbe) -> Bool {
        if queued.contains(path) || inFlight.contains(path) || settling[path] != nil { return true }
        if let mark = unreadable[path] {
            if probe.accessMark(path) == mark { return true }
            unreadable[path] = nil
        }
        if let identity = kept[path] {
            if probe.identity(path) == identity {
                keptSeen.insert(path)
                return true
            }
            kept[path] = nil
        }
        guard hasRoom() else { return false }
        settle(path, origin: .scanned, now: now)
        fresh += 1
        return true
    }

    /// The walk of `directory` ended; `complete` when it saw the whole tree. Returns the number of
    /// files new to the intake, and the actions that follow.
    public mutating func scanFinished(
        _ directory: FilePath, reason: RescanReason?, complete: Bool, now: UInt64
    ) -> (fresh: Int, actions: [IntakeAction]) {
        let found = fresh
        fresh = 0
        if complete, directory == limits.inbox, keptSeen.count < kept.count {
            kept = kept.filter { keptSeen.contains($0.key) }
        }
        keptSeen.removeAll(keepingCapacity: true)
        if let reason { outbox.append(.rescanned(reason, fresh: found)) }
        admit(now: now)
        return (found, flush())
    }

    /// The timer the owner armed for ``nextWakeUp`` fired: due paths become candidates.
    public mutating func timerFired(now: UInt64) -> [IntakeAction] {
        while let first = deadlines.min, first.due <= now {
            deadlines.removeMin()
            // A later event pushed this path's deadline: the newer heap entry decides.
            guard settling[first.path] == first.due else { continue }
            settling[first.path] = nil
            enqueue(first.path, origin: first.origin)
        }
        admit(now: now)
        return flush()
    }

    /// A candidate left the pipeline with `outcome`.
    public mutating func completed(
        _ candidate: Candidate, _ outcome: ArticleOutcome, now: UInt64, probe: some IntakeProbe
    ) -> [IntakeAction] {
        let path = candidate.path
        inFlight.remove(path)
        lastCompletion = now
        let changed = changedWhileInFlight.remove(path) != nil
        let wasBusy = busy.removeValue(forKey: path)
        switch outcome {
        case .processed(_, _, let identity):
            attempts[path] = nil
            unreadable[path] = nil
            if limits.keepsInputs { kept[path] = identity }
        case .vanished:
            attempts[path] = nil
            unreadable[path] = nil
        case .failed(let failure):
            attempts[path] = nil
            if failure.code == .unreadable, let mark = probe.accessMark(path) { unreadable[path] = mark }
        case .replaced:
            attempts[path] = nil
            if accepting { settle(path, origin: .written, now: now) }
        case .busy:
            // Backs off (200 ms doubling to 30 s) and reports a file held open past the warning
            // time once; its writer's close settles it at once.
            var held = wasBusy ?? (since: now, reads: 0, reported: false)
            held.reads += 1
            let openMs = Int((now - held.since) / 1_000_000)
            if !held.reported, openMs >= limits.busyWarningMs {
                held.reported = true
                outbox.append(.heldOpen(candidate, seconds: openMs / 1000))
            }
            busy[path] = held
            let delay = min(limits.busyMaxSettleMs, limits.busySettleMs << min(held.reads - 1, 16))
            if accepting { settle(path, origin: candidate.origin, now: now, delayMs: delay) }
        case .claimedElsewhere(let retryAfterMs):
            // Another host's: not an attempt of ours. Usually it is gone by the next look.
            if accepting { settle(path, origin: candidate.origin, now: now, delayMs: retryAfterMs) }
        case .retry(let failure):
            let attempt = (attempts[path] ?? 0) + 1
            attempts[path] = attempt
            let delay = RetryBackoff.delayMs(attempt: attempt, unit: random())
            outbox.append(.retrying(candidate, failure, attempt: attempt, delayMs: delay))
            if accepting { settle(path, origin: candidate.origin, now: now, delayMs: delay) }
            if failure.stage == .write || failure.stage == .ledger {
                // The output or the ledger cannot take documents: admit nothing until the retry is due.
                pausedUntil = now + UInt64(delay) * 1_000_000
            }
        }
        if changed, accepting, settling[path] == nil { settle(path, origin: .written, now: now) }
        resumeIfBacklogDrained()
        if !accepting, inFlight.isEmpty { outbox.append(.drained) }
        admit(now: now)
        return flush()
    }

    /// The ledger became reachable (`true`) or unreachable (`false`). While it is unreachable
    /// nothing is admitted: paths keep settling and waiting (the files stay in the inbox), and
    /// admission resumes, in order, once it answers again.
    public mutating func ledgerReachability(_ reachable: Bool, now: UInt64) -> [IntakeAction] {
        ledgerPaused = !reachable
        admit(now: now)
        return flush()
    }

    /// Stops admitting new work. Paths settling or waiting stay in the inbox for the next start.
    /// Returns ``IntakeAction/drained`` at once when nothing is in flight, else it comes with the
    /// last completion.
    public mutating func drain() -> [IntakeAction] {
        accepting = false
        if inFlight.isEmpty { outbox.append(.drained) }
        return flush()
    }

    // MARK: - Settle and admission

    /// `path` relative to the inbox when it can be an input: inside the inbox, not the inbox
    /// itself, and no component a dot-name.
    private func inboxRelative(_ path: FilePath) -> FilePath? {
        guard let relative = path.relative(to: limits.inbox), !relative.isEmpty, !relative.hasHiddenComponent
        else { return nil }
        return relative
    }

    /// Whether a path not yet held can be taken; marks the intake backlogged when it cannot.
    private mutating func hasRoom() -> Bool {
        if pendingCount < limits.maxPending { return true }
        if !backlogged {
            backlogged = true
            outbox.append(.backlogFull(pending: pendingCount, inFlight: inFlight.count))
        }
        return false
    }

    private mutating func settle(_ path: FilePath, origin: Candidate.Origin, now: UInt64, delayMs: Int? = nil) {
        guard inboxRelative(path) != nil else { return }
        if inFlight.contains(path) {
            changedWhileInFlight.insert(path)
            return
        }
        if queued.contains(path) { return }  // already settled and waiting: the read re-checks it
        if settling[path] == nil, !hasRoom() { return }
        let due = now + UInt64(delayMs ?? limits.settleMs) * 1_000_000
        settling[path] = due
        deadlines.insert(Deadline(due: due, path: path, origin: origin))
    }

    private mutating func enqueue(_ path: FilePath, origin: Candidate.Origin) {
        guard let relative = inboxRelative(path) else { return }
        if inFlight.contains(path) {
            changedWhileInFlight.insert(path)
            return
        }
        if queued.contains(path) { return }
        if settling.removeValue(forKey: path) == nil, !hasRoom() { return }
        queued.insert(path)
        ready.append(Candidate(path: path, relative: relative, origin: origin, attempts: attempts[path] ?? 0))
    }

    /// Asks for the next batch once a full backlog has drained to half.
    private mutating func resumeIfBacklogDrained() {
        guard backlogged, accepting, pendingCount <= limits.maxPending / 2 else { return }
        backlogged = false
        outbox.append(.scan(limits.inbox, reason: .backlog))
    }

    private mutating func admit(now: UInt64) {
        guard now >= pausedUntil, !ledgerPaused else { return }
        pausedUntil = 0
        while accepting, inFlight.count < limits.maxInFlight, let candidate = nextReady() {
            queued.remove(candidate.path)
            inFlight.insert(candidate.path)
            outbox.append(.start(candidate))
        }
    }

    /// The next waiting candidate: the oldest, or with a shared inbox a random one of the oldest.
    private mutating func nextReady() -> Candidate? {
        guard limits.sharedInbox, ready.count > 1 else { return ready.popFirst() }
        let window = min(ready.count, Limits.sharedAdmissionWindow)
        let index = min(window - 1, Int(random() * Double(window)))
        return ready.remove(at: index)
    }

    private mutating func flush() -> [IntakeAction] {
        defer { outbox.removeAll(keepingCapacity: true) }
        return outbox
    }
}
