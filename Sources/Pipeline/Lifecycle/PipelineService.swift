// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch
import Logging
import ServiceLifecycle
import Synchronization
import SystemPackage

/// The daemon's pipeline as one swift-service-lifecycle `Service`: the single place where its
/// long-running parts start and stop, in order.
///
/// Start: the watch on the inbox tree (``InotifyWatchBackend``), then the start-up rescan (files
/// present before the watch, or dropped while down), then the periodic rescans; `onReady` runs
/// once all of that is done. Graceful shutdown (SIGTERM/SIGINT through the `ServiceGroup`): the
/// watcher stops, the ``Intake`` stops admitting and waits for the articles in flight through the
/// ``PipelineEngine``, and the processing log is closed. Articles still settling or waiting stay in
/// the inbox and are taken at the next start.
public final class PipelineService: Service, Sendable {
    /// The graceful shutdown did not finish within the stop timeout; the articles still in flight
    /// are redone at the next start (their documents are written atomically or not at all).
    public struct StopTimeout: Error, CustomStringConvertible {
        public let seconds: Int
        public var description: String {
            "stop timeout of \(seconds) s expired with work in flight; it is redone at the next start"
        }
    }

    private let configuration: PipelineConfiguration
    private let watcher: InotifyWatchBackend
    private let intake: Intake
    private let log: ProcessingLog
    private let logger: Logger
    private let onReady: @Sendable (_ startupCandidates: Int) -> Void
    private let onStopping: @Sendable () -> Void

    /// - Parameters:
    ///   - onReady: runs once the watch is set and the start-up scan has queued what it found.
    ///   - onStopping: runs when graceful shutdown begins, before anything stops.
    public init(
        configuration: PipelineConfiguration, watcher: InotifyWatchBackend, intake: Intake, log: ProcessingLog,
        logger: Logger, onReady: @escaping @Sendable (Int) -> Void = { _ in },
        onStopping: @escaping @Sendable () -> Void = {}
    ) {
        self.configuration = configuration
        self.watcher = watcher
        self.intake = intake
        self.log = log
        self.logger = logger
        self.onReady = onReady
        self.onStopping = onStopping
    }

    /// Starts the parts in order, runs until graceful shutdown, then stops them in reverse order.
    ///
    /// - Throws: the watcher's ``InotifyError`` when the inbox cannot be watched (before anything
    ///   else started); ``StopTimeout`` when in-flight work outlived the stop timeout.
    public func run() async throws {
        let intake = self.intake
        try watcher.start(root: configuration.inbox) { hint in intake.receive(hint) }
        logger.info(
            "watching inbox",
            metadata: [
                "inbox": "\(configuration.inbox)", "output": "\(configuration.output)",
                "archive": "\(configuration.archive.map { "\($0)" } ?? "(kept in place)")",
                "failed": "\(configuration.failed)", "state": "\(configuration.state)",
            ])
        let found = await intake.rescan(.startup)
        intake.startPeriodicRescan()
        onReady(found)

        try? await gracefulShutdown()  // returns on SIGTERM/SIGINT, throws on cancellation: stop either way

        onStopping()
        logger.notice("stopping: draining in-flight work")
        watcher.stop()
        let drained = await intake.drain(timeoutSeconds: configuration.stopTimeoutSeconds)
        log.close()
        guard drained else { throw StopTimeout(seconds: configuration.stopTimeoutSeconds) }
        logger.notice("stopped")
    }
}
