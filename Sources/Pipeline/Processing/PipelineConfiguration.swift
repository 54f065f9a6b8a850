// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// Everything the pipeline needs to run, already validated. Durations carry their unit in the name.
public struct PipelineConfiguration: Sendable, Equatable {
    public var inbox: FilePath
    public var output: FilePath
    /// `nil` keeps processed inputs in the inbox.
    public var archive: FilePath?
    public var failed: FilePath
    /// Processing log, ledger and the `ready` marker live here.
    public var state: FilePath
    /// Quiet period after the last close-after-write before a file is taken.
    public var settleMs: Int = 100
    /// Seconds between safety-net rescans of the inbox; 0 disables them.
    public var rescanIntervalSeconds: Int = 60
    /// Inputs larger than this fail with `too-large`.
    public var maxInputBytes: Int = 16 << 20
    /// Parallel extract workers (one serial Dispatch queue each).
    public var extractWorkers: Int = max(1, System.coreCount)
    /// Articles between the intake and the end of the write stage; bounds memory.
    public var maxInFlight: Int = 64
    /// Input bytes held between the end of their read and their outcome (see ``ByteBudget``): a
    /// budget, so that a burst of large inputs cannot hold many times their size in extraction.
    public var maxInFlightBytes: Int = 16 << 20
    /// Paths the intake holds while they settle or wait for admission. Past it, hints are dropped
    /// and the inbox is rescanned for the next batch once half of the backlog has drained, so
    /// memory stays flat however many files arrive at once.
    public var maxPending: Int = 4096
    /// Documents committed per sync (see ``AtomicFileWriter/commit(_:syncing:)``); 1 syncs each
    /// document on its own with `fsync` of the file and its directory. A batch never waits: it is
    /// committed as soon as no other document is waiting for the write stage. Batches use
    /// `syncfs`, which also flushes other processes' dirty data on the output's filesystem; on a
    /// filesystem shared with a heavy writer, 1 may be the better choice.
    public var fsyncBatch: Int = 32
    /// Seconds SIGTERM waits for in-flight work before giving up.
    public var stopTimeoutSeconds: Int = 20
    /// Several hosts share the inbox (a shared ledger): scans visit files in a shuffled order
    /// (windows of ``Intake/shuffleWindow``), so that hosts walking the same directory do not all
    /// reach for the same files at once.
    public var sharedInbox = false

    public init(inbox: FilePath, output: FilePath, archive: FilePath?, failed: FilePath, state: FilePath) {
        self.inbox = inbox
        self.output = output
        self.archive = archive
        self.failed = failed
        self.state = state
    }
}
