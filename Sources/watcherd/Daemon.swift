import Dispatch
import Foundation
import Glibc
import Logging
import Operations
import Pipeline
import Synchronization
import SystemPackage

/// Wires the pipeline together for `watcherd run` and owns the process-level concerns: start-up
/// order (watch before scan, READY after the scan), signals (SIGTERM/SIGINT drain and exit 0,
/// SIGHUP reopens the processing log and reloads the configuration), the systemd notify protocol
/// (READY, STATUS, WATCHDOG, STOPPING), the status file, metrics and the busy summary.
final class Daemon: @unchecked Sendable {
    private let configuration: PipelineConfiguration
    private let options: ConfigurationOptions
    private let logLevel: LogLevelBox
    private let logger: Logger
    private let log: ProcessingLog
    private let ledger: SQLiteLedger
    private let engine: PipelineEngine
    private let intake: Intake
    private let watcher: InotifyWatchBackend
    private let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
    private let control = DispatchQueue(label: "watcherd.control")
    private var signalSources: [any DispatchSourceSignal] = []
    private var watchdog: (any DispatchSourceTimer)?
    private let stopping = Atomic<Bool>(false)
    private let filesystem: FilesystemKind
    private let activity: ActivityTracker
    private let metrics = ServiceMetrics()
    private var metricsServer: MetricsServer?
    private let startedAt = Timestamp.now()
    // Confined to the control queue.
    private var service: ServiceConfiguration
    private var statusTimer: (any DispatchSourceTimer)?
    private var summary: BusySummary
    private var lastNotifiedStatus = ""
    private var ready = false
    private var watchdogStalled = false
    private let health = HealthState()

    init(
        service: ServiceConfiguration, layout: DirectoryLayout, options: ConfigurationOptions, logLevel: LogLevelBox,
        logger: Logger
    ) throws {
        self.service = service
        self.options = options
        self.logLevel = logLevel
        self.logger = logger
        var configuration = service.pipelineConfiguration(layout)
        // Before the first worker thread: 2 arenas keep RSS flat under bursts (bench: memory).
        System.limitMallocArenas(2)
        for directory in [configuration.inbox, configuration.output, configuration.failed, configuration.state]
            + (configuration.archive.map { [$0] } ?? [])
        {
            try AtomicFileWriter.makeDirectories(directory)
        }
        filesystem = FilesystemKind.of(configuration.inbox)
        if case .network(let name) = filesystem {
            let network = service.integer(.networkRescanIntervalSeconds)
            if network > 0,
                configuration.rescanIntervalSeconds == 0 || network < configuration.rescanIntervalSeconds
            {
                configuration.rescanIntervalSeconds = network
            }
            logger.notice(
                """
                the inbox is on a network filesystem: other hosts' writes raise no inotify events there, \
                so the inbox is also scanned every \(configuration.rescanIntervalSeconds) s
                """,
                metadata: ["filesystem": "\(name)", "inbox": "\(configuration.inbox)"])
        }
        self.configuration = configuration
        unlink(configuration.state.appending("ready").string)
        log = try ProcessingLog(path: configuration.state.appending("processing.log"))
        for tree in [configuration.output, configuration.failed] {
            let removed = AtomicFileWriter.removeLeftovers(in: tree)
            if removed > 0 {
                logger.notice(
                    "removed temporary files of interrupted writes",
                    metadata: ["count": "\(removed)", "tree": "\(tree)"])
            }
        }
        ledger = try SQLiteLedger(
            path: configuration.state.appending("ledger.sqlite"), outputTree: configuration.output, logger: logger)
        let tokenizer = Tokenizer()
        let gazetteer = try GazetteerLoader.load(
            tokenizer: tokenizer, from: service.string(.resourcesPath).map { FilePath($0) })
        let extractor = ArticleExtractor(tokenizer: tokenizer, recognizer: EntityRecognizer(gazetteer: gazetteer))
        engine = PipelineEngine(
            configuration: configuration, extractor: extractor, ledger: ledger, log: log, logger: logger)
        intake = Intake(configuration: configuration, engine: engine, log: log, logger: logger)
        watcher = InotifyWatchBackend(logger: logger)
        let clock: @Sendable () -> Int = { Int(System.monotonicNanoseconds() / 1_000_000_000) }
        activity = ActivityTracker(clock: clock)
        summary = BusySummary(intervalSeconds: service.integer(.summaryIntervalSeconds), now: clock())
        let metrics = self.metrics
        let activity = self.activity
        log.observe { entry in
            activity.record(entry)
            metrics.record(entry)
        }
        let port = service.integer(.metricsPort)
        if port > 0 {
            let health = self.health
            metricsServer = try MetricsServer(
                address: service.string(.metricsAddress) ?? "127.0.0.1", port: port, metrics: metrics,
                health: { health.current })
        }
    }

    /// Sets the watch, scans, signals READY, and returns; the work goes on on Dispatch queues.
    func start() throws {
        installSignalHandlers()
        startMetricsServer()
        let intake = self.intake
        try watcher.start(root: configuration.inbox) { hint in intake.receive(hint) }
        logger.info(
            "watching inbox",
            metadata: [
                "inbox": "\(configuration.inbox)", "output": "\(configuration.output)",
                "archive": "\(configuration.archive.map { "\($0)" } ?? "(kept in place)")",
                "failed": "\(configuration.failed)", "state": "\(configuration.state)",
                "filesystem": "\(filesystem.name)",
            ])
        writeStatus(state: "starting")
        intake.rescan(.startup) { [self] found in
            intake.startPeriodicRescan()
            control.async { [self] in
                let marker = configuration.state.appending("ready")
                try? AtomicFileWriter.write(Array("\(getpid())\n".utf8), to: marker, durable: false)
                ready = true
                let snapshot = writeStatus(state: "running")
                lastNotifiedStatus = snapshot.notifyStatus
                notifier.notify("READY=1\nSTATUS=\(snapshot.notifyStatus)")
                logger.info("ready", metadata: ["startup_candidates": "\(found)"])
                startStatusTimer()
                startWatchdog()
            }
        }
    }

    // MARK: - Metrics server

    private func startMetricsServer() {
        guard let server = metricsServer else { return }
        server.start()
        logger.info("metrics server listening", metadata: ["address": "\(server.address)"])
    }

    // MARK: - Status, STATUS=, summary

    private func startStatusTimer() {
        statusTimer?.cancel()
        let interval = DispatchTimeInterval.seconds(service.integer(.statusIntervalSeconds))
        let timer = DispatchSource.makeTimerSource(queue: control)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
        timer.setEventHandler { [self] in statusTick() }
        timer.resume()
        statusTimer = timer
    }

    /// On the control queue: status file, STATUS= when it changed, metrics gauges, summary line.
    private func statusTick() {
        guard !stopping.load(ordering: .acquiring) else { return }
        let snapshot = writeStatus(state: "running")
        if snapshot.notifyStatus != lastNotifiedStatus {
            lastNotifiedStatus = snapshot.notifyStatus
            notifier.notify("STATUS=\(snapshot.notifyStatus)")
        }
        metrics.sample(
            backlog: snapshot.backlog, overflows: snapshot.overflows, ledgerEntries: try? ledger.count(),
            healthy: snapshot.healthy)
        let now = Int(System.monotonicNanoseconds() / 1_000_000_000)
        if let line = summary.tick(
            now: now, documents: snapshot.documents, failures: snapshot.failures, backlog: snapshot.backlog.total)
        {
            logger.info("\(line)")
        }
    }

    /// Builds the snapshot and rewrites `STATE/status.json` atomically (not synced: it is
    /// rewritten every few seconds). On the control queue (or before it runs anything).
    @discardableResult
    private func writeStatus(state: String) -> StatusSnapshot {
        let counts = intake.counts()
        let totals = activity.totals
        let verdict = healthVerdict()
        health.update(verdict)
        let snapshot = StatusSnapshot(
            state: state, pid: getpid(), version: PipelineVersion.current, startedAt: startedAt,
            updatedAt: Timestamp.now(), intervalSeconds: service.integer(.statusIntervalSeconds),
            inbox: configuration.inbox.string, output: configuration.output.string,
            watchMode: filesystem == .local ? "inotify" : "inotify+scan", filesystem: filesystem.name,
            backlog: .init(settling: counts.settling, waiting: counts.ready, inFlight: counts.inFlight),
            documents: totals.documents, duplicates: totals.duplicates, failures: totals.failures,
            documentsLastMinute: activity.count(.document, lastSeconds: 60),
            documentsLastHour: activity.count(.document, lastSeconds: 3600),
            failuresLastMinute: activity.count(.failure, lastSeconds: 60),
            failuresLastHour: activity.count(.failure, lastSeconds: 3600),
            ratePerSecond: Double(activity.count(.document, lastSeconds: 60)) / 60,
            failuresByCode: totals.failuresByCode, lastDocument: totals.lastDocument,
            overflows: watcher.overflowCount.load(ordering: .relaxed), healthy: verdict == nil,
            health: verdict ?? "ok")
        try? AtomicFileWriter.write(
            snapshot.encoded(), to: configuration.state.appending("status.json"), durable: false)
        return snapshot
    }

    // MARK: - Watchdog

    /// The stalled stage, or `nil` when every stage progresses or is idle: the watcher thread goes
    /// round its loop, and the pipeline finished an article within the watchdog interval whenever
    /// one is in flight.
    private func healthVerdict() -> String? {
        let now = System.monotonicNanoseconds()
        let usec = SystemdNotifier.watchdogMicroseconds(environment: ProcessInfo.processInfo.environment) ?? 30_000_000
        let progress = intake.progress()
        let rule = WatchdogHealth(limitNanoseconds: usec * 1_000)
        let stages = [
            WatchdogHealth.Stage(
                name: "inotify watcher", pending: 1, lastProgress: watcher.isAlive(withinSeconds: 5) ? now : 0),
            WatchdogHealth.Stage(
                name: "pipeline", pending: progress.inFlight, lastProgress: progress.lastCompletionNanoseconds),
        ]
        return rule.verdict(stages, now: now)
    }

    /// Feeds the systemd watchdog at half its interval, but only while ``healthVerdict()`` finds
    /// no stalled stage; says once in the log when it stops feeding it, and when it resumes.
    private func startWatchdog() {
        guard let usec = SystemdNotifier.watchdogMicroseconds(environment: ProcessInfo.processInfo.environment) else {
            return
        }
        let interval = DispatchTimeInterval.microseconds(Int(usec / 2))
        let timer = DispatchSource.makeTimerSource(queue: control)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [self] in
            guard !stopping.load(ordering: .acquiring) else { return }
            let verdict = healthVerdict()
            health.update(verdict)
            if let verdict {
                if !watchdogStalled { logger.error("not feeding the systemd watchdog: \(verdict)") }
            } else {
                if watchdogStalled { logger.notice("every stage progresses again; feeding the watchdog") }
                notifier.notify("WATCHDOG=1")
            }
            watchdogStalled = verdict != nil
        }
        timer.resume()
        watchdog = timer
    }

    // MARK: - Signals

    private func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: control)
            source.setEventHandler { [self] in
                if signalNumber == SIGHUP { reload() } else { shutDown(signal: signalNumber) }
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// SIGHUP: reopens the processing log (logrotate), then re-reads the configuration file.
    private func reload() {
        notifier.notify("RELOADING=1")
        defer { notifier.notify("READY=1\nSTATUS=\(lastNotifiedStatus)") }
        do {
            try log.reopen()
            logger.notice("SIGHUP: processing log reopened")
        } catch {
            logger.error(
                "SIGHUP: cannot reopen the processing log; keeping the old one", metadata: ["error": "\(error)"])
        }
        let fresh: ServiceConfiguration
        do throws(ConfigurationError) {
            fresh = try options.load()
            let checked = DirectoryCheck.run(try fresh.directories(), configuration: fresh)
            guard checked.problems.isEmpty else { throw ConfigurationError(checked.problems) }
        } catch {
            for problem in error.problems {
                logger.error("SIGHUP: configuration not reloaded: \(problem)", metadata: ["code": "\(problem.code)"])
            }
            logger.error("SIGHUP: the configuration in force is unchanged")
            return
        }
        let changed = service.changedKeys(to: fresh)
        guard !changed.isEmpty else {
            logger.notice("SIGHUP: configuration reloaded; nothing changed", metadata: ["file": "\(fresh.file ?? "-")"])
            return
        }
        for key in changed where !key.isLive {
            logger.warning(
                "SIGHUP: \(key.rawValue) changed but needs a restart to take effect (systemctl restart watcherd)",
                metadata: [
                    "old": "\(service.value(key).map { "\($0)" } ?? "default")",
                    "new": "\(fresh.value(key).map { "\($0)" } ?? "default")",
                ])
        }
        let live = changed.filter(\.isLive)
        // Restart-only keys keep their running values: only live keys are taken from the new file.
        var applied = service
        for key in live {
            applied.fileValues[key] = fresh.fileValues[key]
            applied.flagValues[key] = fresh.flagValues[key]
        }
        service = applied
        logLevel.level = Logger.Level(rawValue: service.string(.logLevel) ?? "info") ?? .info
        intake.reconfigure(
            settleMs: service.integer(.settleMs),
            rescanIntervalSeconds: filesystem == .local
                ? service.integer(.rescanIntervalSeconds) : configuration.rescanIntervalSeconds)
        summary.intervalSeconds = service.integer(.summaryIntervalSeconds)
        if ready, live.contains(.statusIntervalSeconds) { startStatusTimer() }
        if !live.isEmpty {
            logger.notice(
                "SIGHUP: configuration reloaded",
                metadata: [
                    "applied":
                        "\(live.map { "\($0.rawValue)=\(service.value($0).map { "\($0)" } ?? "default")" }.joined(separator: " "))"
                ])
        }
    }

    /// Stops intake, lets in-flight work finish within the stop timeout, and exits 0 (1 when the
    /// timeout expired with work still in flight; that work is redone at the next start).
    private func shutDown(signal: Int32) {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        notifier.notify("STOPPING=1\nSTATUS=stopping: draining in-flight work")
        logger.notice("stopping: draining in-flight work", metadata: ["signal": "\(signal)"])
        watcher.stop()
        let drained = DispatchSemaphore(value: 0)
        intake.drain { drained.signal() }
        let inTime = drained.wait(timeout: .now() + .seconds(configuration.stopTimeoutSeconds)) == .success
        metricsServer?.stop()
        writeStatus(state: "stopped")
        log.close()
        unlink(configuration.state.appending("ready").string)
        if inTime {
            logger.notice("stopped")
            exit(0)
        }
        logger.error("stop timeout expired with work in flight; it is redone at the next start")
        exit(1)
    }
}
