// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Dispatch
import Foundation
import Glibc
import Logging
import Synchronization
import SystemPackage

/// The staged workers, on Dispatch queues: read + decode on one serial queue, parsing and extraction
/// on `extractWorkers` serial queues (round-robin), and write + finalise on one serial queue, so
/// every output and every move out of the inbox happens in one place, in order.
///
/// The engine holds no queue of its own beyond what it is given: the ``Intake`` admits at most
/// `maxInFlight` candidates at a time, which bounds every stage queue and the memory they hold.
public final class PipelineEngine: @unchecked Sendable {
    // Immutable after init; the queues own all mutable work.
    public let configuration: PipelineConfiguration
    private let extractStage: ExtractStage
    private let writeStage: WriteStage
    private let ledger: any Ledger
    private let logger: Logger
    private let readQueue = DispatchQueue(label: "watcherd.read", qos: .utility)
    private let extractQueues: [DispatchQueue]
    private let writeQueue = DispatchQueue(label: "watcherd.write", qos: .utility)
    private let roundRobin = Mutex<Int>(0)
    private let budget: ByteBudget
    /// The read, extract and write stages' progress, for the watchdog (``stageProgress``).
    private let readProgress: StageProgress
    private let extractProgress: StageProgress
    private let writeProgress: StageProgress

    /// Each stage's progress, in pipeline order: what the systemd watchdog checks.
    public var stageProgress: [StageProgress] { [readProgress, extractProgress, writeProgress] }

    public init(
        configuration: PipelineConfiguration, extractor: ArticleExtractor, ledger: any Ledger, log: ProcessingLog,
        logger: Logger
    ) {
        self.configuration = configuration
        self.logger = logger
        self.ledger = ledger
        let now = System.monotonicNanoseconds()
        (readProgress, extractProgress, writeProgress) = (
            StageProgress(name: "read", now: now), StageProgress(name: "extract", now: now),
            StageProgress(name: "write", now: now)
        )
        budget = ByteBudget(limit: configuration.maxInFlightBytes)
        extractStage = ExtractStage(extractor: extractor)
        writeStage = WriteStage(configuration: configuration, ledger: ledger, log: log, logger: logger)
        extractQueues = (0..<max(1, configuration.extractWorkers)).map {
            DispatchQueue(label: "watcherd.extract.\($0)", qos: .utility)
        }
        // A read-lease probe that races a writer's open raises a lease break; never let it kill us.
        signal(SIGIO, SIG_IGN)
    }

    /// Runs `candidate` through read, extract and write; `completion` runs on the write queue once
    /// the outcome is durable and logged (or at once, from the read queue, when another host holds
    /// the input).
    ///
    /// With a shared ledger the read stage first skips a path another live host has claimed, and
    /// after reading it claims the content hash before anything else happens to it: only the
    /// claiming host decodes, extracts, writes the document and moves the input.
    public func process(_ candidate: Candidate, completion: @escaping @Sendable (ArticleOutcome) -> Void) {
        readProgress.enter()
        readQueue.async { [self] in
            defer { readProgress.leave(now: System.monotonicNanoseconds()) }
            let receivedAt = Timestamp.now()
            let started = System.monotonicNanoseconds()
            if ledger.isShared {
                switch writeStage.claimOnPath(candidate) {
                case .success(nil): break
                case .success(let result?): return completion(writeStage.elsewhere(candidate, result))
                case .failure(let exit): return finishOnWriteQueue(candidate, exit, started: started, completion)
                }
            }
            switch ReadStage.run(
                candidate.relative, beneath: configuration.inbox, display: candidate.display,
                maxBytes: configuration.maxInputBytes)
            {
            case .success(let read):
                // Hold the input's bytes in the budget until its outcome; the read queue waits here
                // while large inputs fill it.
                let bytes = read.input.bytes.count
                budget.acquire(bytes)
                let completion: @Sendable (ArticleOutcome) -> Void = { [budget] outcome in
                    budget.release(bytes)
                    completion(outcome)
                }
                if InputFile.takeLeaseDenial() {
                    logger.warning(
                        """
                        cannot take read leases on inputs owned by other users (needs CAP_LEASE): a file \
                        still being written could be read by a rescan; grant CAP_LEASE (the systemd unit does)
                        """)
                }
                switch writeStage.claim(candidate, sha256: read.input.sha256, identity: read.input.identity) {
                case .success(.claimed):
                    break
                case .success(.recorded(let entry)):
                    onWriteQueue { [writeStage] in
                        completion(
                            writeStage.duplicate(
                                candidate, sha256: read.input.sha256, identity: read.input.identity, started: started,
                                original: entry))
                    }
                    return
                case .success(let other):
                    return completion(writeStage.elsewhere(candidate, other))
                case .failure(let exit):
                    return finishOnWriteQueue(candidate, exit, started: started, completion)
                }
                let queue = roundRobin.withLock { next in
                    defer { next = (next + 1) % extractQueues.count }
                    return extractQueues[next]
                }
                extractProgress.enter()
                queue.async { [self] in
                    defer { extractProgress.leave(now: System.monotonicNanoseconds()) }
                    let document: ArticleDocument
                    let json: [UInt8]
                    do {
                        document = try extractStage.document(
                            for: read, sourcePath: candidate.display,
                            sourceName: PathEscaper.escape(candidate.relative.lastComponentBytes),
                            receivedAt: receivedAt)
                        json = try ExtractStage.encode(document)
                    } catch {
                        // Never an empty, partial or invalid document: the article fails with its own code.
                        let failure =
                            error as? ArticleFailure
                            ?? ArticleFailure(
                                code: .encode, stage: .extract, path: candidate.display, cause: "\(error)")
                        let exit = ReadStage.Exit.failed(
                            failure, sha256: read.input.sha256, identity: read.input.identity)
                        onWriteQueue { [writeStage] in
                            completion(writeStage.finish(candidate, exit, started: started))
                        }
                        return
                    }
                    let job = WriteStage.Job(
                        candidate: candidate, sha256: read.input.sha256, identity: read.input.identity,
                        size: read.input.bytes.count, stageMs: document.pipeline.stageMs, started: started)
                    writeStage.expectWrite()
                    onWriteQueue { [writeStage] in writeStage.write(job, json: json, completion: completion) }
                }
            case .failure(.failed(let failure, let sha256?, let identity)) where ledger.isShared:
                // Content that fails (undecodable, empty...) is claimed too: one host records it.
                switch writeStage.claim(candidate, sha256: sha256, identity: identity) {
                case .success(.claimed):
                    finishOnWriteQueue(
                        candidate, .failed(failure, sha256: sha256, identity: identity), started: started, completion)
                case .success(.recorded(let entry)):
                    guard let identity else {
                        return finishOnWriteQueue(
                            candidate, .failed(failure, sha256: sha256, identity: nil), started: started, completion)
                    }
                    onWriteQueue { [writeStage] in
                        completion(
                            writeStage.duplicate(
                                candidate, sha256: sha256, identity: identity, started: started, original: entry))
                    }
                case .success(let other):
                    completion(writeStage.elsewhere(candidate, other))
                case .failure(let exit):
                    finishOnWriteQueue(candidate, exit, started: started, completion)
                }
            case .failure(let exit):
                finishOnWriteQueue(candidate, exit, started: started, completion)
            }
        }
    }

    private func finishOnWriteQueue(
        _ candidate: Candidate, _ exit: ReadStage.Exit, started: UInt64,
        _ completion: @escaping @Sendable (ArticleOutcome) -> Void
    ) {
        onWriteQueue { [writeStage] in completion(writeStage.finish(candidate, exit, started: started)) }
    }

    /// Runs `work` on the write queue, counted as the write stage's progress.
    private func onWriteQueue(_ work: @escaping @Sendable () -> Void) {
        writeProgress.enter()
        writeQueue.async { [writeProgress] in
            work()
            writeProgress.leave(now: System.monotonicNanoseconds())
        }
    }
}
