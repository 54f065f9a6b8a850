// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Foundation
import Glibc
import Operations
import Pipeline
import Testing

/// `watcherd tail` and `watcherd status` on processing-log entries.
struct TailAndStatusTests {
    static let processed = ProcessingLogEntry(
        event: "processed", path: "news/a.txt", sha256: "aa", stage: "write", ms: 12.34, result: "ok",
        output: "news/a.txt.json", ts: "2026-11-29T10:04:43.120Z")
    static let failed = ProcessingLogEntry(
        level: "error", event: "failed", path: "bin/x.txt", stage: "decode", ms: 1, result: "binary",
        error: "binary content", ts: "2026-11-29T10:04:50.000Z")

    @Test("readable lines; colour only when asked")
    func formatting() {
        #expect(
            TailFormatter.line(Self.processed, colour: false)
                == "2026-11-29 10:04:43.120  processed  news/a.txt -> news/a.txt.json  12.3 ms")
        #expect(
            TailFormatter.line(Self.failed, colour: false)
                == "2026-11-29 10:04:50.000  failed     bin/x.txt  decode/binary: binary content  1.0 ms")
        #expect(TailFormatter.line(Self.failed, colour: true).hasPrefix("\u{1B}[31m"))
        #expect(TailFormatter.line(Self.processed, colour: true).hasPrefix("\u{1B}[32m"))
    }

    @Test("--failed-only and --path GLOB")
    func filters() {
        #expect(TailFilter(failedOnly: true).matches(Self.failed))
        #expect(!TailFilter(failedOnly: true).matches(Self.processed))
        #expect(TailFilter(pathGlob: "news/*").matches(Self.processed))
        #expect(!TailFilter(pathGlob: "news/*").matches(Self.failed))
        #expect(TailFilter(pathGlob: "*.txt").matches(Self.failed), "* also matches /")
        #expect(!TailFilter(pathGlob: "*").matches(ProcessingLogEntry(event: "rescan", result: "periodic")))
    }

    @Test("timestamps of the processing log parse to epoch seconds")
    func timestamps() {
        #expect(LogTimestamp.seconds("1970-01-01T00:01:00.500Z") == 60.5)
        #expect(LogTimestamp.seconds("2026-11-29T10:04:43.120Z").map { Int($0) } == 1_795_946_683)
        #expect(LogTimestamp.seconds("yesterday") == nil)
    }

    @Test("the report counts the last minute and hour from the log, and tells a stale status file")
    func report() {
        let now = LogTimestamp.seconds("2026-11-29T10:05:00.000Z")!
        var old = Self.processed
        old.ts = "2026-11-29T09:30:00.000Z"
        var ancient = Self.failed
        ancient.ts = "2026-11-29T08:00:00.000Z"
        let snapshot = StatusSnapshot(
            state: "running", pid: 42, version: "0.1.0", startedAt: "2026-11-29T09:00:00.000Z",
            updatedAt: "2026-11-29T10:04:58.000Z", intervalSeconds: 5, inbox: "/in", output: "/out",
            watchMode: "inotify", filesystem: "local", backlog: .init(settling: 1, waiting: 2, inFlight: 3),
            documents: 2, duplicates: 0, failures: 1, documentsLastMinute: 1, documentsLastHour: 2,
            failuresLastMinute: 1, failuresLastHour: 1, ratePerSecond: 0, failuresByCode: [:], lastDocument: nil,
            overflows: 0, healthy: true, health: "ok")
        let report = StatusReport.build(
            inbox: "/in", snapshot: snapshot, processAlive: true, now: now,
            entries: [ancient, old, Self.processed, Self.failed], inboxFiles: 7, ledger: ["done": 2])
        #expect(report.state == "running")
        #expect(report.documentsLastMinute == 1)
        #expect(report.documentsLastHour == 2)
        #expect(report.failuresLastMinute == 1)
        #expect(report.failuresLastHour == 1)
        #expect(report.failuresByCode == ["binary": 1])
        #expect(report.lastDocument?.path == "news/a.txt")
        #expect(report.inFlight == 3)
        #expect(report.inboxFiles == 7)
        let stale = StatusReport.build(
            inbox: "/in", snapshot: snapshot, processAlive: true, now: now + 60, entries: [], inboxFiles: 0,
            ledger: nil)
        #expect(stale.state == "not-responding")
        let dead = StatusReport.build(
            inbox: "/in", snapshot: snapshot, processAlive: false, now: now, entries: [], inboxFiles: 0, ledger: nil)
        #expect(dead.state == "stopped")
        #expect(dead.inFlight == nil)
    }

    @Test("the follower reads appended lines, waits for a partial line, and follows a rename and a new file")
    func followAcrossRotation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watcherd-follow-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("processing.log").path
        func append(_ text: String, to file: String = path) {
            let handle =
                FileHandle(forWritingAtPath: file)
                ?? {
                    _ = FileManager.default.createFile(atPath: file, contents: nil)
                    return FileHandle(forWritingAtPath: file)!
                }()
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            handle.closeFile()
        }
        func line(_ name: String) -> String {
            String(
                decoding: try! OrderedJSONEncoder.encode(
                    ProcessingLogEntry(event: "processed", path: name, result: "ok")), as: UTF8.self)
        }
        append(line("old") + "\n")
        let follower = LogFollower(path: path, fromEnd: true)
        #expect(follower.poll().isEmpty)
        append(line("one") + "\n" + line("two").prefix(10))
        #expect(follower.poll().map(\.path) == ["one"])
        append(String(line("two").dropFirst(10)) + "\n")
        #expect(follower.poll().map(\.path) == ["two"])
        // logrotate: renamed away, a last line still lands in the old file, then a new file.
        #expect(rename(path, path + ".1") == 0)
        append(line("late") + "\n", to: path + ".1")
        append(line("three") + "\n")
        #expect(follower.poll().map(\.path) == ["late", "three"])
        append(line("four") + "\n")
        #expect(follower.poll().map(\.path) == ["four"])
    }
}
