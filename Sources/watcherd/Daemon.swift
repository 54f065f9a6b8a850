// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Dispatch
import Foundation
import Glibc
import Logging
import Operations
import Pipeline
import ServiceLifecycle
import Synchronization
import SystemPackage

/// Wires the pipeline together for `watcherd run` and owns the process-level concerns: the
/// service group that starts and stops the pipeline and the metrics server (SIGTERM/SIGINT drain
/// it gracefully), SIGHUP (reopens the processing log and reloads the configuration), the systemd
/// notify protocol (READY after the start-up scan, STATUS, WATCHDOG only while every stage makes
/// progress or is idle, STOPPING), the status file, metrics and the busy summary.
///
/// `@unchecked Sendable`: everything is immutable after `init` except what only the control queue
/// touches (the reloaded configuration, the timers, the summary, the last STATUS).
final class Daemon: @unchecked Sendable {
    private let configuration: PipelineConfiguration
    private let options: ConfigurationOptions
    private let logLevel: LogLevelBox
    private let logger: Logger
    private let log: ProcessingLog
    private let ledger: any Ledger
    /// The shared ledger, when `ledger` is a PostgreSQL URL: its client and heartbeat run as
    /// services of their own, before the pipeline.
    private let postgres: PostgresLedger?
    private let intake: Intake
    private let watcher: InotifyWatchBackend
    private let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
    private let control = DispatchQueue(label: "watcherd.control")
    private let stopping = Atomic<Bool>(false)
    private let filesystem: FilesystemKind
    private let activity: ActivityTracker
    private let metrics = ServiceMetrics()
    private let metricsServer: MetricsServer?
    private let health = HealthState()
    /// The read, extract and write stages' progress, for the watchdog.
    private let stages: [StageProgress]
    private let startedAt = Timestamp.now()
    // Confined to the control queue.
    private var service: ServiceConfiguration
    private var watchdog: (any DispatchSourceTimer)?
    private var statusTimer: (any DispatchSourceTimer)?
    private var summary: BusySummary
    private var lastNotifiedStatus = ""
    private var ready = false
    private var watchdogStalled = false
    /// Held for the life of the process: one daemon per state directory.
    private let stateLock: InstanceLock
    /// One daemon per inbox; released and taken again by the watch backend when the root is replaced.
    /// None with a shared ledger: then several daemons share the inbox on purpose (DESIGN 3.9).
    private let inboxLock: InboxLock?

    /// Creates the directories (``DirectoryCheck`` has vetted them), opens the processing log and
    /// the ledger, removes leftovers of interrupted writes, builds the extractor and the stages,
    /// and binds the metrics port when one is set. Nothing runs yet.
    init(
        service: ServiceConfiguration, layout: DirectoryLayout, options: ConfigurationOptions,
        extraction: ExtractionConfiguration, logLevel: LogLevelBox, logger: Logger
    ) throws {
        self.service = service
        self.options = options
        self.logLevel = logLevel
        self.logger = logger
        var configuration = service.pipelineConfiguration(layout)
        configuration.sharedInbox = service.ledgerLocation.isShared
        // Before the first worker thread: 2 arenas keep RSS flat under bursts (bench: memory).
        System.limitMallocArenas(2)
        try AtomicFileWriter.makeDirectories(configuration.state)
        stateLock = try InstanceLock.acquire(configuration.state.appending("watcherd.lock"))
        try AtomicFileWriter.makeDirectories(configuration.inbox)
        let location = service.ledgerLocation
        // With a shared ledger several daemons share the inbox on purpose: only the state lock.
        inboxLock = location.isShared ? nil : try InboxLock(inbox: configuration.inbox, logger: logger)
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
        switch location {
        case .sqlite:
            postgres = nil
            ledger = try SQLiteLedger(
                path: configuration.state.appending("ledger.sqlite"), outputTree: configuration.output, logger: logger)
        case .postgres(let url):
            let shared = PostgresLedger(
                location: url, settings: service.leaseSettings, storesDocuments: service.boolean(.ledgerDocuments),
                logger: logger)
            postgres = shared
            ledger = shared
            logger.notice(
                "shared ledger: this host claims each input before processing it",
                metadata: [
                    "ledger": "\(url.redacted)", "host": "\(shared.hostID)",
                    "lease_s": "\(service.integer(.ledgerLeaseSeconds))",
                    "heartbeat_s": "\(service.integer(.ledgerHeartbeatSeconds))",
                    "documents": "\(service.boolean(.ledgerDocuments))",
                ])
        }
        let resources = try service.string(.resourcesPath) ?? ResourceLocator.resourceDirectory().string
        let extractor = try ArticleExtractorFactory.make(extraction, resourceDirectory: resources)
        let engine = PipelineEngine(
            configuration: configuration, extractor: extractor, ledger: ledger, log: log, logger: logger)
        intake = Intake(configuration: configuration, engine: engine, log: log, logger: logger)
        let intake = self.intake
        ledger.observeReachability { reachable in intake.ledgerReachability(reachable) }
        stages = engine.stageProgress
        watcher = InotifyWatchBackend(logger: logger, inboxLock: inboxLock)
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
        } else {
            metricsServer = nil
        }
    }

    /// Runs the pipeline (and the metrics server) until SIGTERM or SIGINT has drained it.
    ///
    /// - Throws: what stopped the pipeline otherwise (the inbox cannot be watched, the stop timeout
    ///   expired with work in flight).
    func run() async throws {
        let hangUp = installHangUpHandler()
        defer { hangUp.cancel() }
        let pipeline = PipelineService(
            configuration: configuration, watcher: watcher, intake: intake, log: log, logger: logger,
            onReady: { [self] found in control.async { self.ready(startupCandidates: found) } },
            onStopping: { [self] in
                stopping.store(true, ordering: .releasing)
                notifier.notify("STOPPING=1\nSTATUS=stopping: draining in-flight work")
            })
        // Shut down in reverse order: the pipeline drains first, then the shared ledger's heartbeat
        // releases this host's claims, then its connection pool closes; the metrics server goes last.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let metricsServer {
            services.append(
                .init(service: MetricsService(server: metricsServer, logger: logger), serviceName: "metrics"))
        }
        if let postgres {
            services.append(.init(service: postgres.client, serviceName: "postgres"))
            services.append(.init(service: PostgresLeaseService(ledger: postgres), serviceName: "ledger-lease"))
        }
        services.append(.init(service: pipeline, serviceName: "pipeline"))
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        writeStatus(state: "starting")
        defer {
            control.sync {
                statusTimer?.cancel()
                watchdog?.cancel()
            }
            writeStatus(state: "stopped")
            unlink(configuration.state.appending("ready").string)
        }
        try await group.run()
    }

    /// The watch is set and the start-up scan queued what it found: tell systemd and the tests,
    /// then start the status refresh and the watchdog. On the control queue.
    private func ready(startupCandidates found: Int) {
        let marker = configuration.state.appending("ready")
        try? AtomicFileWriter.write(Array("\(getpid())\n".utf8), to: marker, durable: false)
        ready = true
        let snapshot = writeStatus(state: "running")
        lastNotifiedStatus = snapshot.notifyStatus
        notifier.notify("READY=1\nSTATUS=\(snapshot.notifyStatus)")
        logger.info("ready", metadata: ["startup_candidates": "\(found)", "filesystem": "\(filesystem.name)"])
        startStatusTimer()
        startWatchdog()
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
        let ledgerHealth = snapshot.ledger ?? ledger.health
        metrics.sample(
            backlog: snapshot.backlog, overflows: snapshot.overflows,
            ledgerEntries: ledgerHealth.reachable ? try? ledger.count() : nil, healthy: snapshot.healthy)
        metrics.sampleLedger(
            reachable: ledgerHealth.reachable, intakePaused: snapshot.intakePaused ?? false, claims: ledgerHealth.claims
        )
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
        var snapshot = StatusSnapshot(
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
        snapshot.ledger = ledger.health
        snapshot.intakePaused = intake.isPausedForLedger()
        try? AtomicFileWriter.write(
            snapshot.encoded(), to: configuration.state.appending("status.json"), durable: false)
        return snapshot
    }

    // MARK: - Watchdog

    /// The stalled stage, or `nil` when every stage progresses or is idle: the watcher thread goes
    /// round its loop, the pipeline finished an article within the watchdog interval whenever one
    /// is in flight, and each of the read, extract and write stages finished an item within it
    /// whenever one is queued for it.
    private func healthVerdict() -> String? {
        let now = System.monotonicNanoseconds()
        let usec = SystemdNotifier.watchdogMicroseconds(environment: ProcessInfo.processInfo.environment) ?? 30_000_000
        let progress = intake.progress()
        let rule = WatchdogHealth(limitNanoseconds: usec * 1_000)
        let stages =
            [
                WatchdogHealth.Stage(
                    name: "inotify watcher", pending: 1, lastProgress: watcher.isAlive(withinSeconds: 5) ? now : 0),
                WatchdogHealth.Stage(
                    name: "pipeline", pending: progress.inFlight, lastProgress: progress.lastCompletionNanoseconds),
            ]
            + stages.map { stage in
                let reading = stage.reading
                return WatchdogHealth.Stage(
                    name: "\(stage.name) stage", pending: reading.pending, lastProgress: reading.lastProgress)
            }
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

    /// SIGHUP reopens the processing log (logrotate renames it, then signals) and reloads the
    /// configuration.
    private func installHangUpHandler() -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: control)
        source.setEventHandler { [self] in reload() }
        source.resume()
        return source
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
            let problems = checked.problems + fresh.ledgerProblems()
            guard problems.isEmpty else { throw ConfigurationError(problems) }
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
}
