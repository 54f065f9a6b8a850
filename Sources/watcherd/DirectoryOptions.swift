import ArgumentParser
import Pipeline
import SystemPackage

/// The directory layout flags shared by `run` (and later `status`).
struct DirectoryOptions: ParsableArguments {
    @Option(help: "Directory watched for article files (created if missing).")
    var inbox: String

    @Option(help: "Root of the output tree: one JSON document per input, at <relative path>.json.")
    var output: String

    @Option(help: "Where processed inputs are moved (default: archive/ beside the inbox).")
    var archive: String?

    @Flag(help: "Keep processed inputs in the inbox instead of archiving them.")
    var keepInputs = false

    @Option(help: "Where failed inputs and their <name>.error.json go (default: failed/ beside the inbox).")
    var failed: String?

    @Option(help: "State directory: processing log, ledger, ready marker (default: state/ beside the inbox).")
    var state: String?

    @Option(name: .customLong("settle-ms"), help: "Quiet period after a close-after-write, in milliseconds.")
    var settleMs = 100

    @Option(name: .customLong("rescan-interval-seconds"), help: "Seconds between safety-net rescans; 0 disables.")
    var rescanIntervalSeconds = 60

    @Option(name: .customLong("max-input-bytes"), help: "Larger inputs fail with too-large.")
    var maxInputBytes = 16 << 20

    @Option(help: "Parallel extract workers (default: the number of cores).")
    var workers: Int?

    @Option(name: .customLong("stop-timeout-seconds"), help: "How long SIGTERM waits for in-flight work.")
    var stopTimeoutSeconds = 20

    @Option(
        name: .customLong("max-pending"),
        help: "Paths the intake holds while they settle or wait; past it, files are taken by rescans.")
    var maxPending = 4096

    @Option(
        name: .customLong("fsync-batch"),
        help: """
            Documents per durable commit (syncfs); 1 fsyncs each document on its own. Inputs are \
            finalised only after their batch is synced; a batch never waits for more documents.
            """)
    var fsyncBatch = 32

    func validate() throws {
        guard maxPending >= 2 else { throw ValidationError("--max-pending must be >= 2") }
        guard fsyncBatch >= 1 else { throw ValidationError("--fsync-batch must be >= 1") }
        guard settleMs >= 0 else { throw ValidationError("--settle-ms must be >= 0") }
        guard rescanIntervalSeconds >= 0 else { throw ValidationError("--rescan-interval-seconds must be >= 0") }
        guard maxInputBytes > 0 else { throw ValidationError("--max-input-bytes must be > 0") }
        if let workers, workers < 1 { throw ValidationError("--workers must be >= 1") }
    }

    /// The configuration, with absolute paths and sibling defaults.
    func configuration() throws -> PipelineConfiguration {
        let inboxPath = absolute(inbox)
        let parent = inboxPath.removingLastComponent()
        var configuration = PipelineConfiguration(
            inbox: inboxPath, output: absolute(output),
            archive: keepInputs ? nil : absolute(archive) ?? parent.appending("archive"),
            failed: absolute(failed) ?? parent.appending("failed"),
            state: absolute(state) ?? parent.appending("state"))
        configuration.settleMs = settleMs
        configuration.rescanIntervalSeconds = rescanIntervalSeconds
        configuration.maxInputBytes = maxInputBytes
        configuration.stopTimeoutSeconds = stopTimeoutSeconds
        configuration.maxPending = maxPending
        configuration.fsyncBatch = fsyncBatch
        if let workers { configuration.extractWorkers = workers }
        for (name, path) in [
            ("output", configuration.output), ("failed", configuration.failed), ("state", configuration.state),
        ]
            + (configuration.archive.map { [("archive", $0)] } ?? [])
        where path == configuration.inbox || path.starts(with: configuration.inbox) {
            throw ValidationError("--\(name) (\(path)) must not be inside the inbox (\(configuration.inbox))")
        }
        return configuration
    }

    private func absolute(_ path: String?) -> FilePath? { path.map(absolute) }

    private func absolute(_ path: String) -> FilePath {
        let filePath = FilePath(path)
        if filePath.isAbsolute { return filePath.lexicallyNormalized() }
        return FilePath(FileSystemPaths.currentDirectory()).pushing(filePath).lexicallyNormalized()
    }
}
