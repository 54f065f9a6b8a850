import Dispatch
import Foundation
import Glibc
import Logging
import Pipeline
import Synchronization
import SystemPackage

/// Wires the pipeline together for `watcherd run` and owns the process-level concerns: start-up
/// order (watch before scan, READY after the scan), signals (SIGTERM/SIGINT drain and exit 0,
/// SIGHUP reopens the processing log), and the systemd notify protocol and watchdog.
final class Daemon: @unchecked Sendable {
    private let configuration: PipelineConfiguration
    private let logger: Logger
    private let log: ProcessingLog
    private let engine: PipelineEngine
    private let intake: Intake
    private let watcher: InotifyWatchBackend
    private let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
    private let control = DispatchQueue(label: "watcherd.control")
    private var signalSources: [any DispatchSourceSignal] = []
    private var watchdog: (any DispatchSourceTimer)?
    private let stopping = Atomic<Bool>(false)

    init(configuration: PipelineConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        // Before the first worker thread: 2 arenas keep RSS flat under bursts (bench: memory).
        System.limitMallocArenas(2)
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
        let tokenizer = Tokenizer()
        let gazetteer = try GazetteerLoader.load(tokenizer: tokenizer)
        let extractor = ArticleExtractor(tokenizer: tokenizer, recognizer: EntityRecognizer(gazetteer: gazetteer))
        engine = PipelineEngine(
            configuration: configuration, extractor: extractor, ledger: ledger, log: log, logger: logger)
        intake = Intake(configuration: configuration, engine: engine, log: log, logger: logger)
        watcher = InotifyWatchBackend(logger: logger)
    }

    /// Sets the watch, scans, signals READY, and returns; the work goes on on Dispatch queues.
    func start() throws {
        installSignalHandlers()
        let intake = self.intake
        try watcher.start(root: configuration.inbox) { hint in intake.receive(hint) }
        logger.info(
            "watching inbox",
            metadata: [
                "inbox": "\(configuration.inbox)", "output": "\(configuration.output)",
                "archive": "\(configuration.archive.map { "\($0)" } ?? "(kept in place)")",
                "failed": "\(configuration.failed)", "state": "\(configuration.state)",
            ])
        intake.rescan(.startup) { [self] found in
            intake.startPeriodicRescan()
            let marker = configuration.state.appending("ready")
            try? AtomicFileWriter.write(Array("\(getpid())\n".utf8), to: marker, durable: false)
            notifier.notify("READY=1\nSTATUS=watching \(configuration.inbox)")
            logger.info("ready", metadata: ["startup_candidates": "\(found)"])
            startWatchdog()
        }
    }

    private func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: control)
            source.setEventHandler { [self] in
                if signalNumber == SIGHUP { reopenLogs() } else { shutDown(signal: signalNumber) }
            }
            source.resume()
            signalSources.append(source)
        }
    }

    private func reopenLogs() {
        do {
            try log.reopen()
            logger.notice("SIGHUP: processing log reopened")
        } catch {
            logger.error(
                "SIGHUP: cannot reopen the processing log; keeping the old one", metadata: ["error": "\(error)"])
        }
    }

    /// Stops intake, lets in-flight work finish within the stop timeout, and exits 0 (1 when the
    /// timeout expired with work still in flight; that work is redone at the next start).
    private func shutDown(signal: Int32) {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        notifier.notify("STOPPING=1")
        logger.notice("stopping: draining in-flight work", metadata: ["signal": "\(signal)"])
        watcher.stop()
        let drained = DispatchSemaphore(value: 0)
        intake.drain { drained.signal() }
        let inTime = drained.wait(timeout: .now() + .seconds(configuration.stopTimeoutSeconds)) == .success
        log.close()
        unlink(configuration.state.appending("ready").string)
        if inTime {
            logger.notice("stopped")
            exit(0)
        }
        logger.error("stop timeout expired with work in flight; it is redone at the next start")
        exit(1)
    }

    /// Feeds the systemd watchdog at half its interval, but only while the pipeline progresses:
    /// nothing in flight, or an article finished within the interval.
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
