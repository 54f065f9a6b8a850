import DequeModule
import Dispatch
import Glibc
import HeapModule
import Logging
import SystemPackage

/// Turns watch hints into candidates for the ``PipelineEngine``: filters temporary names, waits
/// for a written file to settle, takes renamed-in files at once, rescans, de-duplicates paths
/// already queued or in flight, retries temporary failures with backoff and jitter, and admits at
/// most `maxInFlight` candidates at a time (backpressure: when extraction is slow, files wait
/// here as paths).
///
/// The paths held here are bounded too (`maxPending`): once the backlog is full, further hints
/// are dropped and the intake is *backlogged*; when half the backlog has drained it rescans the
/// inbox for the next batch. Nothing is lost (the files are still in the inbox), and memory stays
/// flat for a burst of any size.
///
/// All state is confined to the intake's serial queue.
public final class Intake: @unchecked Sendable {
    /// Confined to the intake queue after init (``reconfigure(settleMs:rescanIntervalSeconds:)``).
    private var configuration: PipelineConfiguration
    private let engine: PipelineEngine
    private let logger: Logger
    private let log: ProcessingLog
    private let queue = DispatchQueue(label: "watcherd.intake", qos: .utility)

    private struct Deadline: Comparable {
        var due: UInt64
        var path: FilePath
        var origin: Candidate.Origin
        static func < (a: Deadline, b: Deadline) -> Bool { a.due < b.due }
        static func == (a: Deadline, b: Deadline) -> Bool { a.due == b.due && a.path == b.path }
    }

    private var settling: [FilePath: UInt64] = [:]
    private var deadlines = Heap<Deadline>()
    private var ready = Deque<Candidate>()
    private var queued = Set<FilePath>()
    private var inFlight = Set<FilePath>()
    private var changedWhileInFlight = Set<FilePath>()
    private var attempts: [FilePath: Int] = [:]
    /// Inputs left in place because they cannot be read, with their owner and mode bits then. A
    /// rescan retries one only once those changed (a chmod or chown whose IN_ATTRIB was lost), so
    /// an unreadable file is not logged again at every rescan.
    private var unreadable: [FilePath: AccessMark] = [:]

    /// Who may read a file: inode, owner, group and permission bits, from `lstat`.
    private struct AccessMark: Equatable {
        var inode: UInt64
        var owner: UInt32
        var group: UInt32
        var mode: UInt32

        static func current(_ path: FilePath) -> AccessMark? {
            var info = stat()
            guard path.withPlatformString({ lstat($0, &info) }) == 0 else { return nil }
            return AccessMark(inode: UInt64(info.st_ino), owner: info.st_uid, group: info.st_gid, mode: info.st_mode)
        }
    }
    /// With archiving off (`--keep-inputs`): the file each processed path held when it was read.
    /// A rescan skips a path that still holds that file, so kept inputs are not read and logged as
    /// duplicates at every rescan. Grows with the kept inbox (about 100 bytes per file); paths gone
    /// from the inbox are dropped at the next complete rescan.
    private var kept: [FilePath: FileIdentity] = [:]
    private var timer: (any DispatchSourceTimer)?
    private var timerDue: UInt64 = .max
    private var rescanTimer: (any DispatchSourceTimer)?
    private var periodicRescanStarted = false
    private var accepting = true
    /// The backlog was full and a hint or a scan left files behind: rescan once it drains.
    private var backlogged = false
    private var drainWaiters: [@Sendable () -> Void] = []
    private var lastCompletion = System.monotonicNanoseconds()
    /// Admission waits until this monotonic time after the output could not be written.
    private var pausedUntil: UInt64 = 0

    public init(configuration: PipelineConfiguration, engine: PipelineEngine, log: ProcessingLog, logger: Logger) {
        self.configuration = configuration
        self.engine = engine
        self.log = log
        self.logger = logger
    }

    // MARK: - Public API (any thread)

    /// Delivers one hint; returns at once.
    public func receive(_ hint: WatchHint) {
        queue.async { [self] in handle(hint) }
    }

    /// Scans the whole inbox now, then calls `completion` (on the intake queue) with the number of
    /// files found.
    public func rescan(_ reason: RescanReason, completion: (@Sendable (Int) -> Void)? = nil) {
        queue.async { [self] in
            let count = scan(configuration.inbox, origin: .scanned, reason: reason)
            completion?(count)
        }
    }

    /// Starts the periodic safety-net rescan.
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
            guard configuration.rescanIntervalSeconds != rescanIntervalSeconds else { return }
            configuration.rescanIntervalSeconds = rescanIntervalSeconds
            if periodicRescanStarted, accepting {
                rescanTimer?.cancel()
                rescanTimer = nil
                armRescanTimer()
            }
        }
    }

    /// The periodic rescan timer, on the intake queue; none when the interval is 0.
    private func armRescanTimer() {
        let interval = configuration.rescanIntervalSeconds
        guard interval > 0 else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now() + .seconds(interval), repeating: .seconds(interval), leeway: .seconds(1))
        source.setEventHandler { [weak self] in
            guard let self else { return }
            _ = self.scan(self.configuration.inbox, origin: .scanned, reason: .periodic)
        }
        source.resume()
        rescanTimer = source
    }

    /// Stops admitting new work and calls `completion` once nothing is in flight (queued, settling
    /// and ready paths are left alone: they are still in the inbox and are taken at the next start).
    public func drain(completion: @escaping @Sendable () -> Void) {
        queue.async { [self] in
            accepting = false
            rescanTimer?.cancel()
            timer?.cancel()
            if inFlight.isEmpty { completion() } else { drainWaiters.append(completion) }
        }
    }

    /// Counts for `watcherd status` and tests: settling, ready, in flight.
    public func counts() -> (settling: Int, ready: Int, inFlight: Int) {
        queue.sync { (settling.count, ready.count, inFlight.count) }
    }

    /// Articles in flight and the monotonic time of the last one that finished, for the watchdog.
    public func progress() -> (inFlight: Int, lastCompletionNanoseconds: UInt64) {
        queue.sync { (inFlight.count, lastCompletion) }
    }

    // MARK: - Hints

    private func handle(_ hint: WatchHint) {
        guard accepting else { return }
        switch hint {
        case .written(let path):
            settle(path, origin: .written)
        case .renamedIn(let path):
            enqueue(path, origin: .renamedIn)
        case .attributesChanged(let path):
            if unreadable.removeValue(forKey: path) != nil { settle(path, origin: .resubmitted) }
        case .created(let path):
            // A regular file is still being written; anything else will never be "closed".
            if InboxScanner.fileType(path) != UInt8(DT_REG) { enqueue(path, origin: .written) }
        case .directoryAppeared(let path):
            _ = scan(path, origin: .scanned, reason: nil)
        case .rescan(let reason):
            _ = scan(configuration.inbox, origin: .scanned, reason: reason)
        }
        pump()
    }

    /// Paths held: settling or waiting for admission.
    private var pendingCount: Int { settling.count + ready.count }

    /// Whether a path not yet held can be taken; marks the intake backlogged when it cannot.
    private func hasRoom() -> Bool {
        if pendingCount < configuration.maxPending { return true }
        if !backlogged {
            backlogged = true
            logger.notice(
                "intake backlog full; the next files are taken by rescans as it drains",
                metadata: ["pending": "\(pendingCount)", "in_flight": "\(inFlight.count)"])
        }
        return false
    }

    /// Walks `directory` and settles every file not already held (nor kept unchanged), until the
    /// backlog is full.
    @discardableResult
    private func scan(_ directory: FilePath, origin: Candidate.Origin, reason: RescanReason?) -> Int {
        var fresh = 0
        var keptSeen = Set<FilePath>()
        let complete = InboxScanner.walk(
            directory,
            unreadable: { path, error in
                logger.warning("cannot list inbox directory", metadata: ["path": "\(path)", "errno": "\(error)"])
            },
            visit: { path in
                if queued.contains(path) || inFlight.contains(path) || settling[path] != nil { return true }
                if let mark = unreadable[path] {
                    if AccessMark.current(path) == mark { return true }
                    unreadable[path] = nil
                }
                if let identity = kept[path] {
                    if FileIdentity.current(path) == identity {
                        keptSeen.insert(path)
                        return true
                    }
                    kept[path] = nil
                }
                guard hasRoom() else { return false }
                settle(path, origin: origin)
                fresh += 1
                return true
            })
        if complete, directory == configuration.inbox, keptSeen.count < kept.count {
            kept = kept.filter { keptSeen.contains($0.key) }
        }
        if let reason {
            // A periodic rescan that finds nothing is the normal case: debug, not a line a minute.
            let level: Logger.Level =
                reason == .overflow || reason == .rootReplaced
                ? .warning : reason == .periodic && fresh == 0 ? .debug : .info
            logger.log(level: level, "rescanned inbox", metadata: ["reason": "\(reason.rawValue)", "new": "\(fresh)"])
            log.append(
                .init(
                    level: level == .warning ? "warning" : "info", event: "rescan", result: reason.rawValue,
                    count: fresh))
        }
        pump()
        return fresh
    }

    /// Takes the next batch once a full backlog has drained to half.
    private func resumeIfBacklogDrained() {
        guard backlogged, accepting, pendingCount <= configuration.maxPending / 2 else { return }
        backlogged = false
        scan(configuration.inbox, origin: .scanned, reason: .backlog)
    }

    // MARK: - Settle

    /// `path` relative to the inbox when it can be an input: inside the inbox, not the inbox
    /// itself, and no component a dot-name.
    private func inboxRelative(_ path: FilePath) -> FilePath? {
        guard let relative = path.relative(to: configuration.inbox), !relative.isEmpty, !relative.hasHiddenComponent
        else { return nil }
        return relative
    }

    private func settle(_ path: FilePath, origin: Candidate.Origin, delayMs: Int? = nil) {
        guard inboxRelative(path) != nil else { return }
        if inFlight.contains(path) {
            changedWhileInFlight.insert(path)
            return
        }
        if queued.contains(path) { return }  // already settled and waiting: the read re-checks it
        if settling[path] == nil, !hasRoom() { return }
        let due = System.monotonicNanoseconds() + UInt64(delayMs ?? configuration.settleMs) * 1_000_000
        settling[path] = due
        deadlines.insert(Deadline(due: due, path: path, origin: origin))
        armTimer()
    }

    private func armTimer() {
        guard let next = deadlines.min?.due, next < timerDue || timer == nil else { return }
        if timer == nil {
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.setEventHandler { [weak self] in self?.settleDue() }
            source.resume()
            timer = source
        }
        timerDue = next
        let now = System.monotonicNanoseconds()
        timer?.schedule(deadline: .now() + .nanoseconds(Int(next > now ? next - now : 0)), leeway: .milliseconds(2))
    }

    private func settleDue() {
        timerDue = .max
        let now = System.monotonicNanoseconds()
        while let first = deadlines.min, first.due <= now {
            deadlines.removeMin()
            // A later event pushed this path's deadline: the newer heap entry decides.
            guard settling[first.path] == first.due else { continue }
            settling[first.path] = nil
            enqueue(first.path, origin: first.origin)
        }
        if !deadlines.isEmpty { armTimer() }
        pump()
    }

    // MARK: - Admission

    private func enqueue(_ path: FilePath, origin: Candidate.Origin) {
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

    private func pump() {
        guard System.monotonicNanoseconds() >= pausedUntil else { return }
        while accepting, inFlight.count < configuration.maxInFlight, let candidate = ready.popFirst() {
            queued.remove(candidate.path)
            inFlight.insert(candidate.path)
            engine.process(candidate) { [self] outcome in
                queue.async { self.completed(candidate, outcome) }
            }
        }
    }

    private func completed(_ candidate: Candidate, _ outcome: ArticleOutcome) {
        let path = candidate.path
        inFlight.remove(path)
        lastCompletion = System.monotonicNanoseconds()
        let changed = changedWhileInFlight.remove(path) != nil
        switch outcome {
        case .processed(_, _, let identity):
            attempts[path] = nil
            unreadable[path] = nil
            if configuration.archive == nil { kept[path] = identity }
        case .vanished:
            attempts[path] = nil
            unreadable[path] = nil
        case .failed(let failure):
            attempts[path] = nil
            if failure.code == "unreadable", let mark = AccessMark.current(path) { unreadable[path] = mark }
        case .replaced:
            attempts[path] = nil
            if accepting { settle(path, origin: .written) }
        case .busy:
            if accepting { settle(path, origin: candidate.origin, delayMs: max(configuration.settleMs, 200)) }
        case .retry(let failure):
            let attempt = (attempts[path] ?? 0) + 1
            attempts[path] = attempt
            let backoff = min(30_000, 250 << min(attempt, 7))
            let jittered = backoff / 2 + Int.random(in: 0...backoff / 2)
            logger.warning(
                "temporary failure; retrying",
                metadata: [
                    "path": "\(candidate.display)", "code": "\(failure.code)", "attempt": "\(attempt)",
                    "retry_ms": "\(jittered)", "cause": "\(failure.cause)",
                ])
            if accepting { settle(path, origin: candidate.origin, delayMs: jittered) }
            if failure.stage == "write" {
                // The output cannot take documents: stop admitting until the retry is due.
                pausedUntil = System.monotonicNanoseconds() + UInt64(jittered) * 1_000_000
                queue.asyncAfter(deadline: .now() + .milliseconds(jittered)) { [self] in pump() }
            }
        }
        if changed, accepting, settling[path] == nil { settle(path, origin: .written) }
        resumeIfBacklogDrained()
        if !accepting, inFlight.isEmpty {
            let waiters = drainWaiters
            drainWaiters.removeAll()
            waiters.forEach { $0() }
        }
        pump()
    }
}
