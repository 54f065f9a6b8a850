// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Foundation
import Glibc
import Logging
import Synchronization
import SystemPackage

/// The write stage, confined to the engine's serial write queue: the atomic document write (on
/// its own, or staged and committed in batches of `fsyncBatch`), the ledger row, the move of the
/// input out of the inbox, and the processing-log line, in that order; and the record of an
/// article that leaves without a document (duplicate, failure, retry).
///
/// Every method except ``isDone(_:)`` and ``expectWrite()`` must run on the write queue.
final class WriteStage: @unchecked Sendable {
    private let configuration: PipelineConfiguration
    private let log: ProcessingLog
    private let ledger: any Ledger
    private let logger: Logger
    private let finaliser: InputFinaliser
    /// Extracted documents submitted to the write queue and not yet taken by it.
    private let writesWaiting = Atomic<Int>(0)
    /// Documents staged but not yet synced (`fsyncBatch` > 1). Confined to the write queue.
    private var batch: [BatchedWrite] = []

    init(configuration: PipelineConfiguration, ledger: any Ledger, log: ProcessingLog, logger: Logger) {
        self.configuration = configuration
        self.ledger = ledger
        self.log = log
        self.logger = logger
        finaliser = InputFinaliser(
            inbox: configuration.inbox, archive: configuration.archive, failed: configuration.failed)
    }

    /// Announces a ``write(_:json:completion:)`` about to be queued (any thread), so that a batch
    /// is not committed while more documents are on their way.
    func expectWrite() {
        writesWaiting.add(1, ordering: .relaxed)
    }

    /// What the write stage needs of an extracted article.
    struct Job: Sendable {
        var candidate: Candidate
        var sha256: String
        var identity: FileIdentity
        var size: Int
        var stageMs: StageMilliseconds
        var started: UInt64
    }

    /// A document staged in the current fsync batch, waiting for its commit.
    struct BatchedWrite {
        var job: Job
        var staged: AtomicFileWriter.Staged
        var relativeOutput: String
        var writeStarted: UInt64
        /// The document's bytes, kept for a ledger that stores documents.
        var json: [UInt8]?
        var completion: @Sendable (ArticleOutcome) -> Void
    }

    /// Claims the content for this host (any thread; see ``Ledger/claim(_:path:)``). A shared
    /// ledger that cannot be reached gives a temporary `ledger-unavailable` failure (the input
    /// stays and is retried); any other ledger error counts as "claimed, not done", as a ledger
    /// that cannot be read always did: reprocessing is at-least-once, never a loss.
    func claim(_ candidate: Candidate, sha256: String, identity: FileIdentity?) -> Result<ClaimResult, ReadStage.Exit> {
        do {
            let result = try ledger.claim(sha256, path: candidate.display)
            // A done row whose document is gone is no duplicate: the content is processed again.
            if case .recorded(let entry) = result, !documentExists(entry) { return .success(.claimed) }
            return .success(result)
        } catch let error as LedgerUnavailable {
            return .failure(.failed(ledgerFailure(candidate, error), sha256: sha256, identity: identity))
        } catch {
            logger.error("ledger read failed", metadata: ["error": "\(error)"])
            return .success(.claimed)
        }
    }

    /// Before reading: whether another live host holds a claim on the path (any thread).
    func claimOnPath(_ candidate: Candidate) -> Result<ClaimResult?, ReadStage.Exit> {
        do {
            return .success(try ledger.claimOnPath(candidate.display))
        } catch let error as LedgerUnavailable {
            return .failure(.failed(ledgerFailure(candidate, error), sha256: nil, identity: nil))
        } catch {
            logger.error("ledger read failed", metadata: ["error": "\(error)"])
            return .success(nil)
        }
    }

    private func ledgerFailure(_ candidate: Candidate, _ error: LedgerUnavailable) -> ArticleFailure {
        ArticleFailure(
            code: .ledgerUnavailable, stage: .ledger, path: candidate.display, cause: error.description,
            isTemporary: true)
    }

    /// Another host holds the input (any thread): no log line, the intake looks again later.
    func elsewhere(_ candidate: Candidate, _ result: ClaimResult) -> ArticleOutcome {
        guard case .wait(let delay, let holder) = result else { return .claimedElsewhere(retryAfterMs: 100) }
        logger.debug(
            "claimed by another host; skipped for now",
            metadata: ["path": "\(candidate.display)", "holder": "\(holder)", "retry_ms": "\(delay)"])
        return .claimedElsewhere(retryAfterMs: delay)
    }

    /// Whether the document a `done` row names is still there, with this content.
    private func documentExists(_ entry: LedgerEntry) -> Bool {
        guard let output = entry.outputPath else { return true }
        return DocumentSlot.holder(of: configuration.output.appending(output), sha256: entry.sha256) == .sameContent
    }

    /// Whether the ledger holds a document for this content and that document still exists. A
    /// `done` row whose document is gone does not make the content a duplicate: it is processed
    /// again. A ledger that cannot be read counts as "not done": reprocessing is at-least-once,
    /// never a loss.
    func isDone(_ sha256: String) -> Bool {
        do {
            guard let entry = try ledger.entry(for: sha256), entry.status == .done else { return false }
            return documentExists(entry)
        } catch let error as LedgerUnavailable {
            logger.debug(
                "ledger unreachable; the write goes on, its record is retried", metadata: ["error": "\(error)"])
            return false
        } catch {
            logger.error("ledger read failed", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// Content already has its document: finalise the input without a second one.
    func duplicate(
        _ candidate: Candidate, sha256: String, identity: FileIdentity, started: UInt64, original: LedgerEntry? = nil
    ) -> ArticleOutcome {
        var replaced = false
        do {
            replaced =
                try finaliser.archive(candidate.path, relative: candidate.relative, expected: identity) == .replaced
        } catch .noSuchFileOrDirectory {
            return .vanished
        } catch {
            logger.warning(
                "duplicate input could not be archived",
                metadata: ["path": "\(candidate.display)", "error": "\(error)"])
        }
        let original = original ?? (try? ledger.entry(for: sha256))
        log.append(
            .init(
                event: "duplicate", path: candidate.display, sha256: sha256, stage: "read",
                ms: System.millisecondsSince(started), result: "skipped", output: original?.outputPath))
        return replaced ? .replaced : .processed(sha256: sha256, output: original?.outputPath ?? "", identity: identity)
    }

    /// The write stage for one extracted article. With `fsyncBatch` 1 the document is written
    /// durably on its own; otherwise it is staged, and the batch is committed once it is full or
    /// no other document waits for the write queue (so a lone file is never held back). Inputs are
    /// finalised only after their document's commit.
    func write(_ job: Job, json: [UInt8], completion: @escaping @Sendable (ArticleOutcome) -> Void) {
        writesWaiting.subtract(1, ordering: .relaxed)
        defer { if !batch.isEmpty, writesWaiting.load(ordering: .relaxed) == 0 { commitBatch() } }
        // Two copies of one content can be in flight together; the first write wins.
        if batch.contains(where: { $0.job.sha256 == job.sha256 }) { commitBatch() }
        if isDone(job.sha256) {
            completion(duplicate(job.candidate, sha256: job.sha256, identity: job.identity, started: job.started))
            return
        }
        if !ledger.holdsLease {
            // Other hosts may take this host's claims over: write nothing until the heartbeat is back.
            let failure = ArticleFailure(
                code: .ledgerUnavailable, stage: .ledger, path: job.candidate.display,
                cause: "this host's lease on its claims lapsed (no heartbeat reached the ledger)", isTemporary: true)
            return completion(
                finish(
                    job.candidate, .failed(failure, sha256: job.sha256, identity: job.identity), started: job.started))
        }
        let keptJSON = ledger.storesDocuments ? json : nil
        let start = System.monotonicNanoseconds()
        let relativeOutput: String
        let replacing: Bool
        switch DocumentSlot.resolve(
            display: job.candidate.display, sha256: job.sha256, outputRoot: configuration.output)
        {
        case .write(let relative, let replaces):
            relativeOutput = relative
            replacing = replaces
        case .taken(let primary, let versioned):
            let failure = ArticleFailure(
                code: .outputTaken, stage: .write, path: job.candidate.display,
                cause: "\(primary) and \(versioned) are held by files the daemon did not write for this content")
            return completion(
                finish(
                    job.candidate, .failed(failure, sha256: job.sha256, identity: job.identity), started: job.started))
        }
        let destination = FilePath(bytes: configuration.output.bytes + Array(("/" + relativeOutput).utf8))
        if configuration.fsyncBatch <= 1 {
            do {
                try AtomicFileWriter.write(json, to: destination, replacing: replacing)
            } catch {
                return completion(writeFailed(job, destination: destination, error))
            }
            return completion(finaliseWritten(job, relativeOutput: relativeOutput, writeStarted: start, json: keptJSON))
        }
        do {
            let staged = try AtomicFileWriter.stage(json, to: destination, replacing: replacing)
            batch.append(
                BatchedWrite(
                    job: job, staged: staged, relativeOutput: relativeOutput, writeStarted: start, json: keptJSON,
                    completion: completion))
        } catch {
            return completion(writeFailed(job, destination: destination, error))
        }
        if batch.count >= configuration.fsyncBatch { commitBatch() }
    }

    /// Commits the staged batch (see ``AtomicFileWriter/commit(_:syncing:)``), then finalises each
    /// input whose document is durable.
    private func commitBatch() {
        let pending = batch
        batch.removeAll(keepingCapacity: true)
        let results = AtomicFileWriter.commit(pending.map(\.staged), syncing: configuration.output)
        let durable = zip(pending, results).filter { (try? $1.get()) != nil }.map(\.0)
        let unrecorded = recordDone(
            durable.map { doneEntry($0.job, relativeOutput: $0.relativeOutput) },
            documents: durable.compactMap { item in item.json.map { ledgerDocument(item.job, json: $0) } },
            display: "\(durable.count) documents")
        for (item, result) in zip(pending, results) {
            switch result {
            case .success where unrecorded != nil:
                item.completion(ledgerRetry(item.job, unrecorded!))
            case .success:
                item.completion(
                    finaliseWritten(
                        item.job, relativeOutput: item.relativeOutput, writeStarted: item.writeStarted,
                        recorded: true))
            case .failure(let error):
                item.completion(writeFailed(item.job, destination: item.staged.destination, error))
            }
        }
    }

    /// The output cannot take the document. A machine condition (disk full, EIO, EMFILE, read-only)
    /// is temporary: the input stays and is retried. So are a directory of the output tree removed
    /// meanwhile (ENOENT: the retry creates it again) and a file that took the document's name
    /// between the choice of the name and the rename (EEXIST: the retry chooses again). Anything
    /// else (a directory where the document should go, or a file where its directory should be)
    /// cannot succeed by waiting: a permanent failure with its record, so that it never pauses the
    /// intake for everyone else.
    private func writeFailed(_ job: Job, destination: FilePath, _ error: Errno) -> ArticleOutcome {
        let retryable = error == .noSuchFileOrDirectory || error == .fileExists
        let failure = ArticleFailure(
            code: .outputWrite, stage: .write, path: job.candidate.display, cause: "\(destination): \(error)",
            isTemporary: retryable || ArticleFailure.isTemporary(error))
        return finish(job.candidate, .failed(failure, sha256: job.sha256, identity: job.identity), started: job.started)
    }

    /// The ledger row of a durable document.
    private func doneEntry(_ job: Job, relativeOutput: String) -> LedgerEntry {
        LedgerEntry(
            sha256: job.sha256, path: job.candidate.display, size: job.size, status: .done,
            attempts: job.candidate.attempts + 1, outputPath: relativeOutput,
            durationMs: System.millisecondsSince(job.started))
    }

    /// The row of the documents table for a durable document.
    private func ledgerDocument(_ job: Job, json: [UInt8]) -> LedgerDocument {
        LedgerDocument(sha256: job.sha256, sourcePath: job.candidate.display, json: json)
    }

    /// Records `entries` (and `documents`) in one transaction. A shared ledger that cannot be
    /// reached returns the error: the inputs stay in the inbox and are retried (their documents
    /// are written again, identical). Any other failure is logged, not fatal: the documents are
    /// durable and carry their hashes, so a rebuilt ledger finds them.
    private func recordDone(
        _ entries: [LedgerEntry], documents: [LedgerDocument], display: @autoclosure () -> String
    ) -> LedgerUnavailable? {
        guard !entries.isEmpty else { return nil }
        do { try ledger.record(entries, documents: documents) } catch let error as LedgerUnavailable {
            logger.warning(
                "ledger unreachable: documents written but not recorded; their inputs stay and are retried",
                metadata: ["path": "\(display())", "error": "\(error)"])
            return error
        } catch {
            logger.error("ledger write failed", metadata: ["path": "\(display())", "error": "\(error)"])
        }
        return nil
    }

    /// The document is durable but the ledger did not record it: a temporary failure.
    private func ledgerRetry(_ job: Job, _ error: LedgerUnavailable) -> ArticleOutcome {
        finish(
            job.candidate,
            .failed(ledgerFailure(job.candidate, error), sha256: job.sha256, identity: job.identity),
            started: job.started)
    }

    /// The document is durable: ledger row (unless `recorded` already), then the input leaves the
    /// inbox, then the log lines. The row comes before the move: a crash between the two leaves the
    /// input in the inbox, and the restart finds its row and only archives it.
    private func finaliseWritten(
        _ job: Job, relativeOutput: String, writeStarted start: UInt64, recorded: Bool = false, json: [UInt8]? = nil
    ) -> ArticleOutcome {
        let candidate = job.candidate
        var stageMs = job.stageMs
        stageMs["write"] = System.millisecondsSince(start)
        if !recorded,
            let error = recordDone(
                [doneEntry(job, relativeOutput: relativeOutput)],
                documents: json.map { [ledgerDocument(job, json: $0)] } ?? [], display: candidate.display)
        {
            return ledgerRetry(job, error)
        }
        var replaced = false
        do {
            replaced =
                try finaliser.archive(candidate.path, relative: candidate.relative, expected: job.identity) == .replaced
        } catch .noSuchFileOrDirectory {
            // Moved or removed by someone else after the read: the document stands.
        } catch {
            logger.warning(
                "document written but the input could not be archived",
                metadata: ["path": "\(candidate.display)", "error": "\(error)"])
        }
        log.append(
            .init(
                event: "processed", path: candidate.display, sha256: job.sha256, stage: "write",
                ms: System.millisecondsSince(job.started), result: "ok", stageMs: stageMs, output: relativeOutput))
        logger.info(
            "processed",
            metadata: [
                "path": "\(candidate.display)", "output": "\(relativeOutput)",
                "ms": "\(System.millisecondsSince(job.started))",
            ])
        if replaced {
            logger.notice(
                "a new version replaced the input while it was processed; it stays in the inbox",
                metadata: ["path": "\(candidate.display)"])
            return .replaced
        }
        return .processed(sha256: job.sha256, output: relativeOutput, identity: job.identity)
    }

    /// Records an article that left without a document.
    func finish(_ candidate: Candidate, _ exit: ReadStage.Exit, started: UInt64) -> ArticleOutcome {
        switch exit {
        case .busy:
            return .busy
        case .vanished:
            // With a shared inbox another host moving the input away is the normal case.
            log.append(
                .init(
                    level: ledger.isShared ? "info" : "warning", event: "vanished", path: candidate.display,
                    stage: "read", result: "vanished"))
            return .vanished
        case .failed(let failure, let sha256, let identity):
            if failure.isTemporary {
                log.append(
                    .init(
                        level: "warning", event: "retry", path: candidate.display, sha256: sha256,
                        stage: failure.stage.rawValue,
                        ms: System.millisecondsSince(started), result: failure.code.rawValue, error: failure.cause))
                return .retry(failure)
            }
            if failure.code == .unreadable {
                // Left in place: a chmod that makes it readable resubmits it (IN_ATTRIB).
                log.append(
                    .init(
                        level: "error", event: "failed", path: candidate.display, stage: failure.stage.rawValue,
                        result: failure.code.rawValue, error: failure.cause + "; left in the inbox until it is readable"
                    ))
                logger.error("input unreadable; left in the inbox", metadata: ["path": "\(candidate.display)"])
                return .failed(failure)
            }
            let record = FailureRecord(failure: failure, attempts: candidate.attempts + 1, sha256: sha256)
            do {
                let moved = try finaliser.fail(
                    candidate.path, relative: candidate.relative, record: record, expected: identity)
                if moved == .replaced {
                    log.append(
                        .init(
                            level: "warning", event: "replaced", path: candidate.display, sha256: sha256,
                            stage: failure.stage.rawValue, result: failure.code.rawValue,
                            error: failure.cause + "; a new version took its place and stays in the inbox"))
                    return .replaced
                }
            } catch .noSuchFileOrDirectory {
                // Gone meanwhile: the record stays, nothing else to move.
            } catch {
                let temporary = ArticleFailure(
                    code: .failedMove, stage: failure.stage, path: failure.path,
                    cause: "cannot move to failed/: \(error)", isTemporary: true)
                log.append(
                    .init(
                        level: "error", event: "retry", path: candidate.display, sha256: sha256,
                        stage: failure.stage.rawValue, result: temporary.code.rawValue, error: temporary.cause))
                return .retry(temporary)
            }
            if let sha256 {
                do {
                    try ledger.record(
                        LedgerEntry(
                            sha256: sha256, path: candidate.display, size: Int(identity?.size ?? 0), status: .failed,
                            attempts: candidate.attempts + 1, lastError: "\(failure.code): \(failure.cause)",
                            durationMs: System.millisecondsSince(started)))
                } catch {
                    logger.error(
                        "ledger write failed", metadata: ["path": "\(candidate.display)", "error": "\(error)"])
                }
            }
            log.append(
                .init(
                    level: "error", event: "failed", path: candidate.display, sha256: sha256,
                    stage: failure.stage.rawValue,
                    ms: System.millisecondsSince(started), result: failure.code.rawValue, error: failure.cause))
            logger.error(
                "article failed",
                metadata: [
                    "path": "\(candidate.display)", "stage": "\(failure.stage)", "code": "\(failure.code)",
                    "cause": "\(failure.cause)",
                ])
            return .failed(failure)
        }
    }
}
