// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch
import Logging
import Synchronization
import SystemPackage

/// Turns watch hints into candidates for the ``PipelineEngine``. The decisions (settle, admission,
/// backlog, retries, pauses, skips) are ``IntakeStateMachine``'s; this class owns what they need
/// from the world: the intake's serial queue that confines the machine, the monotonic clock, the
/// settle timer, the periodic rescan timer, the directory walks (``InboxScanner``), the engine,
/// and the logs.
///
/// The paths held are bounded (`maxPending`): once the backlog is full, further hints are dropped
/// and the inbox is rescanned for the next batch when half of it has drained. Nothing is lost (the
/// files are still in the inbox), and memory stays flat for a burst of any size.
public final class Intake: @unchecked Sendable {
    /// Confined to `queue` after init (``reconfigure(settleMs:rescanIntervalSeconds:)``).
    private var configuration: PipelineConfiguration
    private let engine: PipelineEngine
    private let logger: Logger
    private let log: ProcessingLog
    private let queue = DispatchQueue(label: "watcherd.intake", qos: .utility)
    private let probe = FileSystemProbe()

    // Confined to `queue`.
    private var machine: IntakeStateMachine
    private var timer: (any DispatchSourceTimer)?
    private var timerDue: UInt64 = .max
    private var rescanTimer: (any DispatchSourceTimer)?
    private var periodicRescanStarted = false
    private var drainWaiters: [@Sendable () -> Void] = []

    public init(configuration: PipelineConfiguration, engine: PipelineEngine, log: ProcessingLog, logger: Logger) {
        self.configuration = configuration
        self.engine = engine
        self.log = log
        self.logger = logger
        machine = IntakeStateMachine(
            limits: .init(
                inbox: configuration.inbox, settleMs: configuration.settleMs, maxPending: configuration.maxPending,
                maxInFlight: configuration.maxInFlight, keepsInputs: configuration.archive == nil,
                sharedInbox: configuration.sharedInbox),
            now: System.monotonicNanoseconds(), random: { Double.random(in: 0...1) })
    }

    // MARK: - Public API (any thread)

    /// Delivers one hint; returns at once.
    public func receive(_ hint: WatchHint) {
        queue.async { [self] in
            perform(machine.receive(hint, now: System.monotonicNanoseconds(), probe: probe))
        }
    }

    /// The ledger became reachable or unreachable: admission pauses while it is unreachable.
    public func ledgerReachability(_ reachable: Bool) {
        queue.async { [self] in
            perform(machine.ledgerReachability(reachable, now: System.monotonicNanoseconds()))
        }
    }

    /// Whether admission is paused because the ledger is unreachable.
    public func isPausedForLedger() -> Bool {
        queue.sync { machine.ledgerPaused }
    }

    /// Scans the whole inbox now, then calls `completion` (on the intake queue) with the number of
    /// files found.
    public func rescan(_ reason: RescanReason, completion: (@Sendable (Int) -> Void)? = nil) {
        queue.async { [self] in
            let found = scan(configuration.inbox, reason: reason)
            completion?(found)
        }
    }

    /// Scans the whole inbox now and returns the number of files found.
    public func rescan(_ reason: RescanReason) async -> Int {
        await withCheckedContinuation { continuation in
            rescan(reason) { continuation.resume(returning: $0) }
        }
    }

    /// Starts the periodic safety-net rescan (every `rescanIntervalSeconds`; none when 0).
    public func startPeriodicRescan() {
        queue.async { [self] in
            periodicRescanStarted = true
            armRescanTimer()
        }
    }

    /// Applies new settle and rescan periods (a configuration reload): the settle period from the
    /// next file on, the rescan period from now.
    public func reconfigure(settleMs: Int, rescanIntervalSeconds: Int) {
        queue.async { [self] in
            configuration.settleMs = settleMs
            machine.limits.settleMs = settleMs
            guard configuration.rescanIntervalSeconds != rescanIntervalSeconds else { return }
            configuration.rescanIntervalSeconds = rescanIntervalSeconds
            if periodicRescanStarted, machine.accepting {
                rescanTimer?.cancel()
                rescanTimer = nil
                armRescanTimer()
            }
        }
    }

    /// The periodic rescan timer, on `queue`; none when the interval is 0.
    private func armRescanTimer() {
        let interval = configuration.rescanIntervalSeconds
        guard interval > 0 else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now() + .seconds(interval), repeating: .seconds(interval), leeway: .seconds(1))
        source.setEventHandler { [weak self] in
            guard let self else { return }
            scan(configuration.inbox, reason: .periodic)
        }
        source.resume()
        rescanTimer = source
    }

    /// Stops admitting new work and calls `completion` once nothing is in flight (settling and
    /// waiting paths are left alone: they are still in the inbox and are taken at the next start).
    public func drain(completion: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            rescanTimer?.cancel()
            timer?.cancel()
            drainWaiters.append(completion)
            perform(machine.drain())
        }
    }

    /// Stops admitting new work and waits until nothing is in flight or `timeoutSeconds` passed.
    ///
    /// - Returns: whether everything in flight finished in time.
    public func drain(timeoutSeconds: Int) async -> Bool {
        let resumed = Mutex(false)
        return await withCheckedContinuation { continuation in
            let finish: @Sendable (Bool) -> Void = { inTime in
                let first = resumed.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: inTime) }
            }
            drain { finish(true) }
            DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeoutSeconds)) { finish(false) }
        }
    }

    /// Counts for `watcherd status` and tests: settling, ready, in flight.
    public func counts() -> (settling: Int, ready: Int, inFlight: Int) {
        queue.sync { (machine.settlingCount, machine.readyCount, machine.inFlightCount) }
    }

    /// Articles in flight and the monotonic time of the last one that finished, for the watchdog.
    public func progress() -> (inFlight: Int, lastCompletionNanoseconds: UInt64) {
        queue.sync { (machine.inFlightCount, machine.lastCompletion) }
    }

    // MARK: - Carrying out the machine's actions (on `queue`)

    private func perform(_ actions: [IntakeAction]) {
        for action in actions {
            switch action {
            case .start(let candidate):
                engine.process(candidate) { [self] outcome in
                    queue.async { [self] in
                        perform(
                            machine.completed(candidate, outcome, now: System.monotonicNanoseconds(), probe: probe))
                    }
                }
            case .scan(let directory, let reason):
                scan(directory, reason: reason)
            case .backlogFull(let pending, let inFlight):
                logger.notice(
                    "intake backlog full; the next files are taken by rescans as it drains",
                    metadata: ["pending": "\(pending)", "in_flight": "\(inFlight)"])
            case .retrying(let candidate, let failure, let attempt, let delayMs):
                logger.warning(
                    "temporary failure; retrying",
                    metadata: [
                        "path": "\(candidate.display)", "code": "\(failure.code)", "attempt": "\(attempt)",
                        "retry_ms": "\(delayMs)", "cause": "\(failure.cause)",
                    ])
            case .heldOpen(let candidate, let seconds):
                logger.warning(
                    "file still open for writing; it is taken once its writer closes it",
                    metadata: ["path": "\(candidate.display)", "open_seconds": "\(seconds)"])
            case .rescanned(let reason, let fresh):
                // A periodic rescan that finds nothing is the normal case: debug, not a line a minute.
                let level: Logger.Level =
                    reason == .overflow || reason == .rootReplaced
                    ? .warning : reason == .periodic && fresh == 0 ? .debug : .info
                logger.log(
                    level: level, "rescanned inbox", metadata: ["reason": "\(reason.rawValue)", "new": "\(fresh)"])
                log.append(
                    .init(
                        level: level == .warning ? "warning" : "info", event: "rescan", result: reason.rawValue,
                        count: fresh))
            case .drained:
                let waiters = drainWaiters
                drainWaiters.removeAll()
                waiters.forEach { $0() }
            }
        }
        armTimer()
    }

    /// Files shuffled together by a scan of a shared inbox.
    public static let shuffleWindow = 512

    /// Walks `directory`, feeding each file to the machine until it says stop; returns the
    /// number of files new to the intake. In a shared inbox the files are fed in a shuffled order,
    /// window by window (memory stays bounded), so that hosts decorrelate.
    @discardableResult
    private func scan(_ directory: FilePath, reason: RescanReason?) -> Int {
        var window: [FilePath] = []
        func feed(_ paths: [FilePath]) -> Bool {
            for path in paths where !machine.visit(path, now: System.monotonicNanoseconds(), probe: probe) {
                return false
            }
            return true
        }
        let shuffles = configuration.sharedInbox
        var complete = InboxScanner.walk(
            directory,
            unreadable: { path, error in
                logger.warning("cannot list inbox directory", metadata: ["path": "\(path)", "errno": "\(error)"])
            },
            visit: { path in
                guard shuffles else { return machine.visit(path, now: System.monotonicNanoseconds(), probe: probe) }
                window.append(path)
                guard window.count >= Self.shuffleWindow else { return true }
                defer { window.removeAll(keepingCapacity: true) }
                return feed(window.shuffled())
            })
        if complete, !window.isEmpty { complete = feed(window.shuffled()) }
        let (fresh, actions) = machine.scanFinished(
            directory, reason: reason, complete: complete, now: System.monotonicNanoseconds())
        perform(actions)
        return fresh
    }

    /// Arms the one-shot timer for the machine's next wake-up, when it moved earlier.
    private func armTimer() {
        guard let next = machine.nextWakeUp, next < timerDue || timer == nil, machine.accepting else { return }
        if timer == nil {
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                timerDue = .max
                perform(machine.timerFired(now: System.monotonicNanoseconds()))
            }
            source.resume()
            timer = source
        }
        timerDue = next
        let now = System.monotonicNanoseconds()
        timer?.schedule(deadline: .now() + .nanoseconds(Int(next > now ? next - now : 0)), leeway: .milliseconds(2))
    }
}
