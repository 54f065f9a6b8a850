import ArticleExtraction
import Dispatch
import Foundation
import Glibc
import Logging
import Pipeline
import ServiceLifecycle
import SystemPackage

/// Wires the pipeline together for `watcherd run` and owns the process-level concerns: the
/// service group that starts and stops the pipeline (SIGTERM/SIGINT drain it gracefully), SIGHUP
/// (reopens the processing log), and the systemd notify protocol (READY after the start-up scan,
/// STOPPING, and a watchdog fed only while the pipeline makes progress).
///
/// `@unchecked Sendable`: everything is immutable after `init` except the watchdog timer, which
/// only the control queue touches.
final class Daemon: @unchecked Sendable {
    private let configuration: PipelineConfiguration
    private let logger: Logger
    private let log: ProcessingLog
    private let intake: Intake
    private let watcher: InotifyWatchBackend
    private let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
    private let control = DispatchQueue(label: "watcherd.control")
    private var watchdog: (any DispatchSourceTimer)?
    /// One daemon per state directory and per inbox, for the life of the process.
    private let locks: [InstanceLock]

    /// Creates the directories, opens the processing log and the ledger, removes leftovers of
    /// interrupted writes, and builds the extractor and the stages. Nothing runs yet.
    init(configuration: PipelineConfiguration, extraction: ExtractionConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        // Before the first worker thread: 2 arenas keep RSS flat under bursts (bench: memory).
        System.limitMallocArenas(2)
        try AtomicFileWriter.makeDirectories(configuration.state)
        let stateLock = try InstanceLock.acquire(configuration.state.appending("watcherd.lock"))
        try AtomicFileWriter.makeDirectories(configuration.inbox)
        locks = [stateLock, try InstanceLock.acquire(configuration.inbox.appending(".watcherd.lock"))]
        for directory in [configuration.inbox, configuration.output, configuration.failed, configuration.state]
            + (configuration.archive.map { [$0] } ?? [])
        {
            try AtomicFileWriter.makeDirectories(directory)
        }
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
        let ledger = try SQLiteLedger(
            path: configuration.state.appending("ledger.sqlite"), outputTree: configuration.output, logger: logger)
        let extractor = try ArticleExtractorFactory.make(
            extraction, resourceDirectory: ResourceLocator.resourceDirectory().string)
        let engine = PipelineEngine(
            configuration: configuration, extractor: extractor, ledger: ledger, log: log, logger: logger)
        intake = Intake(configuration: configuration, engine: engine, log: log, logger: logger)
        watcher = InotifyWatchBackend(logger: logger)
    }

    /// Runs the pipeline until SIGTERM or SIGINT has drained it.
    ///
    /// - Throws: what stopped the pipeline otherwise (the inbox cannot be watched, the stop timeout
    ///   expired with work in flight).
    func run() async throws {
        let hangUp = installHangUpHandler()
        defer { hangUp.cancel() }
        let pipeline = PipelineService(
            configuration: configuration, watcher: watcher, intake: intake, log: log, logger: logger,
            onReady: { [self] found in ready(startupCandidates: found) },
            onStopping: { [notifier] in notifier.notify("STOPPING=1") })
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: pipeline, serviceName: "pipeline")],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        unlink(configuration.state.appending("ready").string)
    }

    /// The watch is set and the start-up scan queued what it found: tell systemd and the tests.
    private func ready(startupCandidates found: Int) {
        let marker = configuration.state.appending("ready")
        try? AtomicFileWriter.write(Array("\(getpid())\n".utf8), to: marker, durable: false)
        notifier.notify("READY=1\nSTATUS=watching \(configuration.inbox)")
        logger.info("ready", metadata: ["startup_candidates": "\(found)"])
        control.async { [self] in startWatchdog() }
    }

    /// SIGHUP reopens the processing log (logrotate renames it, then signals).
    private func installHangUpHandler() -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: control)
        source.setEventHandler { [self] in
            do {
                try log.reopen()
                logger.notice("SIGHUP: processing log reopened")
            } catch {
                logger.error(
                    "SIGHUP: cannot reopen the processing log; keeping the old one", metadata: ["error": "\(error)"])
            }
        }
        source.resume()
        return source
    }

    /// Feeds the systemd watchdog at half its interval, but only while the pipeline progresses:
    /// nothing in flight, or an article finished within the interval. On the control queue.
    private func startWatchdog() {
        guard let usec = SystemdNotifier.watchdogMicroseconds(environment: ProcessInfo.processInfo.environment) else {
            return
        }
        let interval = DispatchTimeInterval.microseconds(Int(usec / 2))
        let timer = DispatchSource.makeTimerSource(queue: control)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [self] in
            let progress = intake.progress()
            let stalled =
                progress.inFlight > 0
                && System.monotonicNanoseconds() - progress.lastCompletionNanoseconds > usec * 1_000
            if !stalled, watcher.isAlive(withinSeconds: 5) { notifier.notify("WATCHDOG=1") }
        }
        timer.resume()
        watchdog = timer
    }
}
