// SPDX-License-Identifier: GPL-2.0-or-later

import Operations
import Testing

/// The timing rules, driven by an injected clock.
struct StateMachineTests {
    @Test("the activity window counts the last minute and the last hour, and forgets older seconds")
    func activityWindow() {
        var window = ActivityWindow()
        window.record(.document, at: 1000)
        window.record(.document, at: 1030, count: 2)
        window.record(.failure, at: 1059)
        #expect(window.count(.document, lastSeconds: 60, now: 1059) == 3)
        #expect(window.count(.document, lastSeconds: 60, now: 1080) == 2)
        #expect(window.count(.failure, lastSeconds: 3600, now: 4000) == 1)
        #expect(window.count(.document, lastSeconds: 3600, now: 4700) == 0)
        // The ring slot of second 1000 is reused an hour later, not added to.
        window.record(.document, at: 4600)
        #expect(window.count(.document, lastSeconds: 3600, now: 4600) == 3)  // 2 at 1030, 1 at 4600
    }

    @Test("one summary per interval while busy, none while idle")
    func busySummary() {
        var summary = BusySummary(intervalSeconds: 60, now: 0)
        #expect(summary.tick(now: 30, documents: 10, failures: 0, backlog: 0) == nil)
        #expect(
            summary.tick(now: 60, documents: 120, failures: 2, backlog: 5)
                == "summary: 120 documents, 2 failures in 60 s (2.0/s), backlog 5")
        #expect(summary.tick(now: 90, documents: 130, failures: 2, backlog: 0) == nil)
        #expect(summary.tick(now: 125, documents: 130, failures: 2, backlog: 0) != nil)
        #expect(summary.tick(now: 190, documents: 130, failures: 2, backlog: 0) == nil, "idle: no line")
        summary.intervalSeconds = 0
        #expect(summary.tick(now: 400, documents: 500, failures: 2, backlog: 0) == nil, "0 turns it off")
    }

    @Test("the watchdog rule: a stage with pending work and no progress within the limit is stalled; idle is healthy")
    func watchdog() {
        let rule = WatchdogHealth(limitNanoseconds: 10_000_000_000)
        let now: UInt64 = 100_000_000_000
        #expect(rule.verdict([.init(name: "pipeline", pending: 0, lastProgress: 0)], now: now) == nil)
        #expect(rule.verdict([.init(name: "pipeline", pending: 3, lastProgress: now - 5_000_000_000)], now: now) == nil)
        #expect(
            rule.verdict([.init(name: "pipeline", pending: 3, lastProgress: now - 41_000_000_000)], now: now)
                == "pipeline stalled for 41 s with 3 pending")
    }

    @Test("the progress line and the summary")
    func progressBar() {
        #expect(
            ProgressBar.line(done: 45, total: 100, failures: 1, elapsedSeconds: 4.5, width: 20)
                == "[#########...........] 45/100 files  10.0/s  1 failed  ETA 6 s")
        #expect(
            ProgressBar.line(done: 2, total: 2, failures: 0, elapsedSeconds: 1, width: 4) == "[####] 2/2 files  2.0/s")
        #expect(
            ProgressBar.summary(done: 10, failures: 2, elapsedSeconds: 4)
                == "processed 10 files in 4.0 s (2.5/s), 2 failed")
    }

    @Test("network filesystems are told from their statfs magic numbers")
    func filesystemKinds() {
        #expect(FilesystemKind.of(magic: 0x6969) == .network("nfs"))
        #expect(FilesystemKind.of(magic: 0xFF53_4D42) == .network("cifs"))
        #expect(FilesystemKind.of(magic: 0xFE53_4D42) == .network("smb2"))
        #expect(FilesystemKind.of(magic: 0x6573_5546) == .network("fuse"))
        #expect(FilesystemKind.of(magic: 0xEF53) == .local)  // ext4
        #expect(FilesystemKind.of(magic: 0x0102_1994) == .local)  // tmpfs
    }
}
