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
    private let logger: Logger
    private let readQueue = DispatchQueue(label: "watcherd.read", qos: .utility)
    private let extractQueues: [DispatchQueue]
    private let writeQueue = DispatchQueue(label: "watcherd.write", qos: .utility)
    private let roundRobin = Mutex<Int>(0)

    public init(
        configuration: PipelineConfiguration, extractor: ArticleExtractor, ledger: any Ledger, log: ProcessingLog,
        logger: Logger
    ) {
        self.configuration = configuration
        self.logger = logger
        extractStage = ExtractStage(extractor: extractor)
        writeStage = WriteStage(configuration: configuration, ledger: ledger, log: log, logger: logger)
        extractQueues = (0..<max(1, configuration.extractWorkers)).map {
            DispatchQueue(label: "watcherd.extract.\($0)", qos: .utility)
        }
        // A read-lease probe that races a writer's open raises a lease break; never let it kill us.
        signal(SIGIO, SIG_IGN)
    }

    /// Runs `candidate` through read, extract and write; `completion` runs on the write queue once
    /// the outcome is durable and logged.
    public func process(_ candidate: Candidate, completion: @escaping @Sendable (ArticleOutcome) -> Void) {
        readQueue.async { [self] in
            let receivedAt = Timestamp.now()
            let started = System.monotonicNanoseconds()
            switch ReadStage.run(
                candidate.relative, beneath: configuration.inbox, display: candidate.display,
                maxBytes: configuration.maxInputBytes)
            {
            case .success(let read):
                if InputFile.takeLeaseDenial() {
                    logger.warning(
                        """
                        cannot take read leases on inputs owned by other users (needs CAP_LEASE): a file \
                        still being written could be read by a rescan; grant CAP_LEASE (the systemd unit does)
                        """)
                }
                if writeStage.isDone(read.input.sha256) {
                    writeQueue.async { [writeStage] in
                        completion(
                            writeStage.duplicate(
                                candidate, sha256: read.input.sha256, identity: read.input.identity, started: started))
                    }
                    return
                }
                let queue = roundRobin.withLock { next in
                    defer { next = (next + 1) % extractQueues.count }
                    return extractQueues[next]
                }
                queue.async { [self] in
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
                        writeQueue.async { [writeStage] in
                            completion(writeStage.finish(candidate, exit, started: started))
                        }
                        return
                    }
                    let job = WriteStage.Job(
                        candidate: candidate, sha256: read.input.sha256, identity: read.input.identity,
                        size: read.input.bytes.count, stageMs: document.pipeline.stageMs, started: started)
                    writeStage.expectWrite()
                    writeQueue.async { [writeStage] in writeStage.write(job, json: json, completion: completion) }
                }
            case .failure(let exit):
                writeQueue.async { [writeStage] in completion(writeStage.finish(candidate, exit, started: started)) }
            }
        }
    }
}
