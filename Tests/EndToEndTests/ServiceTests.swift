// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import TestSupport
import Testing

/// Issue 12, end to end: watcherd as a systemd service (notify protocol, configuration, reload,
/// status, tail, journald priorities, metrics, progress), with the real binary.
@Suite(.serialized)
struct ServiceTests {
    /// Processed and failed events in the processing log, once `count` of them are there.
    static func waitForOutcomes(_ daemon: DaemonHarness, _ count: Int, timeout: Double = 15) -> Bool {
        daemon.waitUntil(timeout: timeout) {
            ((try? daemon.processingLog()) ?? []).filter {
                ["processed", "failed"].contains($0["event"] as? String ?? "")
            }.count >= count
        }
    }

    static let binary = Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 0, 0, 9])

    // MARK: - systemd notify

    @Test(
        "sd_notify: READY only after the start-up scan, STATUS with the counts, WATCHDOG while healthy, STOPPING on SIGTERM",
        .timeLimit(.minutes(1)))
    func notifyProtocol() throws {
        let daemon = try DaemonHarness()
        let receiver = try NotifyReceiver(directory: daemon.root)
        try FileManager.default.createDirectory(at: daemon.inbox, withIntermediateDirectories: true)
        for index in 0..<3 { try daemon.write(Articles.data("n\(index)"), as: "n\(index).txt") }
        daemon.environment = ["NOTIFY_SOCKET": receiver.path, "WATCHDOG_USEC": "1000000"]
        try daemon.launch(extraArguments: ["--status-interval-seconds", "1"])

        var scanLoggedAtReady = false
        #expect(
            daemon.waitUntil(timeout: 20) {
                guard !receiver.messages(with: "READY=1").isEmpty else { return false }
                // The start-up scan's line is written before READY is sent.
                scanLoggedAtReady = ((try? daemon.processingLog()) ?? []).contains {
                    $0["event"] as? String == "rescan" && $0["result"] as? String == "startup"
                        && $0["count"] as? Int == 3
                }
                return true
            }, "no READY=1: \(receiver.messages)\n\(daemon.daemonStderr())")
        #expect(scanLoggedAtReady, "READY=1 came before the start-up scan was done")
        let ready = receiver.messages(with: "READY=1").first ?? ""
        #expect(ready.contains("STATUS=watching \(daemon.inbox.path)"))
        let beforeReady = receiver.messages.prefix { !$0.contains("READY=1") }
        #expect(!beforeReady.contains { $0.contains("WATCHDOG=1") }, "watchdog fed before READY")

        #expect(Self.waitForOutcomes(daemon, 3))
        #expect(
            daemon.waitUntil(timeout: 10) {
                receiver.messages.contains { $0.hasPrefix("STATUS=") && $0.contains(": 3 documents, 0 failures") }
            }, "no STATUS= update with 3 documents: \(receiver.messages)")
        #expect(
            daemon.waitUntil(timeout: 10) { receiver.messages(with: "WATCHDOG=1").count >= 3 },
            "the watchdog is not fed while healthy: \(receiver.messages)")

        #expect(daemon.stop() == 0)
        #expect(
            daemon.waitUntil(timeout: 5) { !receiver.messages(with: "STOPPING=1").isEmpty },
            "no STOPPING=1: \(receiver.messages)")
    }

    // MARK: - Configuration

    @Test("validate: a good file passes; each mistake is named by file, line and key; exit 1")
    func validate() throws {
        let daemon = try DaemonHarness()
        let file = daemon.root.appendingPathComponent("watcherd.toml")
        try """
        inbox = "inbox"
        output = "output"
        settle_ms = 250
        """.write(to: file, atomically: true, encoding: .utf8)
        let good = try watcherd(["validate", file.path])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("\(file.path): ok"))
        #expect(good.stdout.contains("note: inbox \(daemon.inbox.path) does not exist: it will be created"))
        #expect(!daemon.exists(daemon.inbox), "validate created the inbox")

        try """
        inbox = "inbox"
        output = "output"
        archive = "output"
        settle_ms = "soon"
        fsync_batch = 0
        colour = true
        """.write(to: file, atomically: true, encoding: .utf8)
        let bad = try watcherd(["validate", "--config", file.path])
        #expect(bad.status == 1)
        let lines = bad.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(file.path):4: settle_ms: expects an integer") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file.path):5: fsync_batch: 0 is out of range") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file.path):6: colour: unknown key") }, "\(lines)")

        // Directory mistakes are checked once the values are right.
        try "inbox = \"inbox\"\noutput = \"output\"\narchive = \"output\"\n".write(
            to: file, atomically: true, encoding: .utf8)
        let same = try watcherd(["validate", file.path])
        #expect(same.status == 1)
        #expect(same.stderr.hasPrefix("\(file.path):3: archive: \(daemon.output.path) is also the output directory"))

        try "inbox = \"inbox\"\noutput = [1]\n".write(to: file, atomically: true, encoding: .utf8)
        let type = try watcherd(["validate", file.path])
        #expect(type.stderr.hasPrefix("\(file.path):2: output: expects a path (a string), not array"))
    }

    @Test("run refuses an inbox that is a file, or whose parent is missing, and creates nothing")
    func runRefusesBadDirectories() throws {
        let daemon = try DaemonHarness()
        let file = daemon.root.appendingPathComponent("inbox-file")
        try Data("x".utf8).write(to: file)
        let before = try FileManager.default.contentsOfDirectory(atPath: daemon.root.path).sorted()
        for inbox in [file.path, daemon.root.appendingPathComponent("typo/inbox").path] {
            let run = try watcherd([
                "run", "--config", "/dev/null", "--inbox", inbox, "--output", daemon.output.path,
            ])
            #expect(run.status == 1)
            #expect(run.stderr.contains("cannot start: --inbox: \(inbox): "), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was created"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: daemon.root.path).sorted() == before)
        }
        let same = try watcherd([
            "run", "--config", "/dev/null", "--inbox", daemon.inbox.path, "--output", daemon.output.path, "--archive",
            daemon.output.path,
        ])
        #expect(same.status == 1)
        #expect(same.stderr.contains("--archive: \(daemon.output.path) is also the output directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: daemon.root.path).sorted() == before)
    }

    @Test(
        "the configuration file chooses the entity recogniser (recognizer = \"gazetteer\"); a flag overrides it",
        .timeLimit(.minutes(1)))
    func recognizerFromTheConfigurationFile() throws {
        for (flags, expected) in [([String](), "gazetteer-rules-1"), (["--recognizer", "perceptron"], "perceptron")] {
            let daemon = try DaemonHarness()
            let file = daemon.root.appendingPathComponent("watcherd.toml")
            try "recognizer = \"gazetteer\"\n".write(to: file, atomically: true, encoding: .utf8)
            daemon.configFile = file.path
            try daemon.start(extraArguments: flags)
            try daemon.renameIn(Articles.data("recogniser"), as: "r.txt")
            let document = try daemon.document(for: "r.txt")
            let model = (document["pipeline"] as? [String: Any])?["model"] as? String
            #expect(model?.hasPrefix(expected) == true, "\(flags): \(model ?? "no model")")
            #expect(daemon.stop() == 0)
        }
    }

    @Test(
        "SIGHUP: a good file applies live keys and names those that need a restart; a bad file keeps the running configuration",
        .timeLimit(.minutes(1)))
    func reload() throws {
        let daemon = try DaemonHarness()
        let file = daemon.root.appendingPathComponent("watcherd.toml")
        try "log_level = \"info\"\nrescan_interval_seconds = 600\nworkers = 1\n".write(
            to: file, atomically: true, encoding: .utf8)
        daemon.configFile = file.path
        try daemon.start()
        #expect(!daemon.daemonStderr().contains("debug"))

        try "log_level = \"debug\"\nrescan_interval_seconds = 1\nworkers = 2\n".write(
            to: file, atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        #expect(
            daemon.waitUntil(timeout: 10) { daemon.daemonStderr().contains("SIGHUP: configuration reloaded applied=") },
            "\(daemon.daemonStderr())")
        let stderr = daemon.daemonStderr()
        #expect(stderr.contains("applied=\"rescan_interval_seconds=1 log_level=\\\"debug\\\"\""), "\(stderr)")
        #expect(stderr.contains("SIGHUP: workers changed but needs a restart"), "\(stderr)")
        // Both live keys in force: debug lines, and a periodic rescan every second.
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.daemonStderr().contains("debug watcherd: rescanned inbox new=0 reason=periodic")
            }, "no periodic rescan at debug level:\n\(daemon.daemonStderr())")

        try "log_level = \"info\"\nrescan_interval_seconds = \n".write(to: file, atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.daemonStderr().contains("SIGHUP: configuration not reloaded: \(file.path):2: ")
            }, "\(daemon.daemonStderr())")
        #expect(daemon.daemonStderr().contains("SIGHUP: the configuration in force is unchanged"))
        // Still at debug level, and still processing.
        let mark = daemon.daemonStderr().count
        try daemon.write(Articles.data("after"), as: "after.txt")
        _ = try daemon.document(for: "after.txt")
        #expect(
            daemon.waitUntil(timeout: 5) { daemon.daemonStderr().dropFirst(mark).contains("debug watcherd:") },
            "the bad file changed the log level")
        #expect(daemon.stop() == 0)
    }

    @Test("SIGHUP reopens the processing log after logrotate renamed it", .timeLimit(.minutes(1)))
    func logReopen() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.write(Articles.data("a"), as: "a.txt")
        #expect(Self.waitForOutcomes(daemon, 1))
        let log = daemon.state.appendingPathComponent("processing.log")
        let rotated = daemon.state.appendingPathComponent("processing.log.1")
        #expect(rename(log.path, rotated.path) == 0)
        daemon.send(SIGHUP)
        #expect(daemon.waitUntil(timeout: 10) { daemon.daemonStderr().contains("processing log reopened") })
        #expect(daemon.exists(log), "no new processing.log after SIGHUP")
        try daemon.write(Articles.data("b"), as: "b.txt")
        #expect(Self.waitForOutcomes(daemon, 1), "b.txt not in the new log")
        let fresh = try daemon.processingLog().compactMap { $0["path"] as? String }
        #expect(fresh == ["b.txt"])
        let old = try String(contentsOf: rotated, encoding: .utf8)
        #expect(old.contains("\"path\":\"a.txt\"") && !old.contains("b.txt"))
        #expect(daemon.stop() == 0)
    }

    // MARK: - status, tail

    @Test("status --json, field by field, while running and once stopped", .timeLimit(.minutes(1)))
    func statusJSON() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: ["--status-interval-seconds", "1"])
        try daemon.write(Articles.data("s1"), as: "s1.txt")
        try daemon.write(Articles.data("s2"), as: "sub/s2.txt")
        try daemon.write(Self.binary, as: "bad.txt")
        #expect(Self.waitForOutcomes(daemon, 3))
        let arguments = [
            "status", "--json", "--config", "/dev/null", "--inbox", daemon.inbox.path, "--output",
            daemon.output.path, "--state", daemon.state.path,
        ]
        var report: [String: Any] = [:]
        var status: Int32 = -1
        #expect(
            daemon.waitUntil(timeout: 10) {
                guard let run = try? watcherd(arguments) else { return false }
                status = run.status
                report = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any] ?? [:]
                return (report["ledger"] as? [String: Int])?["done"] == 2 && report["in_flight"] as? Int == 0
            }, "\(report)")
        #expect(status == 0)
        #expect(report["state"] as? String == "running")
        #expect(report["pid"] as? Int == Int(daemon.pid ?? 0))
        #expect(report["inbox"] as? String == daemon.inbox.path)
        #expect(report["inbox_files"] as? Int == 0)
        #expect(report["in_flight"] as? Int == 0)
        #expect(report["documents_last_minute"] as? Int == 2)
        #expect(report["documents_last_hour"] as? Int == 2)
        #expect(report["failures_last_minute"] as? Int == 1)
        #expect(report["failures_last_hour"] as? Int == 1)
        #expect(report["failures_by_code"] as? [String: Int] == ["binary": 1])
        #expect(report["ledger"] as? [String: Int] == ["done": 2, "failed": 1])
        #expect((report["throughput_per_second"] as? Double).map { abs($0 - 2.0 / 60) < 1e-9 } == true)
        let last = report["last_document"] as? [String: Any] ?? [:]
        #expect(["s1.txt", "sub/s2.txt"].contains(last["path"] as? String ?? ""))
        #expect((last["output"] as? String)?.hasSuffix(".txt.json") == true)
        #expect(report["health"] as? String == "ok")
        #expect(report["started_at"] is String && report["updated_at"] is String)

        #expect(daemon.stop() == 0)
        let stopped = try watcherd(arguments)
        #expect(stopped.status == 3)
        let after = (try? JSONSerialization.jsonObject(with: Data(stopped.stdout.utf8))) as? [String: Any] ?? [:]
        #expect(after["state"] as? String == "stopped")
        #expect(after["in_flight"] == nil)
        #expect(after["documents_last_minute"] as? Int == 2, "the log still counts once stopped")
        let text = try watcherd(Array(arguments.filter { $0 != "--json" }))
        #expect(text.stdout.hasPrefix("watcherd: stopped\n"))
        #expect(text.stdout.contains("failures:   1 in the last minute, 1 in the last hour (binary 1)"))
    }

    @Test("tail: --failed-only, --path GLOB, and -f following the log across a rename", .timeLimit(.minutes(1)))
    func tail() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.write(Articles.data("t1"), as: "news/a.txt")
        try daemon.write(Articles.data("t2"), as: "other/b.txt")
        try daemon.write(Self.binary, as: "bad.txt")
        #expect(Self.waitForOutcomes(daemon, 3))
        let common = [
            "--config", "/dev/null", "--inbox", daemon.inbox.path, "--output", daemon.output.path, "--state",
            daemon.state.path,
        ]
        let all = try watcherd(["tail", "--all"] + common)
        #expect(all.status == 0)
        #expect(all.stdout.split(separator: "\n").count == 4, "\(all.stdout)")  // the start-up rescan and 3 articles
        #expect(!all.stdout.contains("\u{1B}["), "colour on a pipe")
        #expect(try watcherd(["tail", "-n", "2"] + common).stdout.split(separator: "\n").count == 2)
        let failed = try watcherd(["tail", "--failed-only"] + common).stdout.split(separator: "\n")
        #expect(failed.count == 1)
        #expect(failed.first?.contains("failed     bad.txt  decode/binary") == true, "\(failed)")
        let news = try watcherd(["tail", "--path", "news/*"] + common).stdout.split(separator: "\n")
        #expect(news.count == 1)
        #expect(news.first?.contains("processed  news/a.txt -> news/a.txt.json") == true, "\(news)")

        // -f: new lines, then the same across logrotate's rename and the daemon's reopen.
        let follow = ChildProcess()
        follow.executableURL = DaemonHarness.binary
        follow.arguments = ["tail", "-f", "-n", "0"] + common
        let pipe = Pipe()
        follow.standardOutput = pipe
        let seen = LockedText()
        pipe.fileHandleForReading.readabilityHandler = { seen.append($0.availableData) }
        try follow.run()
        defer {
            kill(follow.processIdentifier, SIGKILL)
            follow.waitUntilExit()
        }
        usleep(300_000)  // let tail open the log before the next line
        try daemon.write(Articles.data("t3"), as: "c.txt")
        #expect(daemon.waitUntil(timeout: 10) { seen.text.contains("processed  c.txt -> c.txt.json") }, "\(seen.text)")
        let log = daemon.state.appendingPathComponent("processing.log").path
        #expect(rename(log, log + ".1") == 0)
        daemon.send(SIGHUP)
        #expect(daemon.waitUntil(timeout: 10) { daemon.exists(URL(fileURLWithPath: log)) })
        try daemon.write(Articles.data("t4"), as: "d.txt")
        #expect(daemon.waitUntil(timeout: 10) { seen.text.contains("processed  d.txt -> d.txt.json") }, "\(seen.text)")
        #expect(!seen.text.contains("a.txt"), "-n 0 showed old lines")
        #expect(daemon.stop() == 0)
    }

    // MARK: - Logs, metrics, progress

    @Test(
        "stderr carries <3> <4> <6> priorities when JOURNAL_STREAM names it, plain lines otherwise",
        .timeLimit(.minutes(1)))
    func journalPriorities() throws {
        let daemon = try DaemonHarness()
        let file = daemon.root.appendingPathComponent("watcherd.toml")
        try "workers = 1\n".write(to: file, atomically: true, encoding: .utf8)
        daemon.configFile = file.path
        daemon.stderrIsJournal = true
        try daemon.start()
        try daemon.write(Articles.data("j"), as: "j.txt")
        try daemon.write(Self.binary, as: "bad.txt")
        #expect(Self.waitForOutcomes(daemon, 2))
        try "workers = 2\n".write(to: file, atomically: true, encoding: .utf8)
        daemon.send(SIGHUP)
        #expect(daemon.waitUntil(timeout: 10) { daemon.daemonStderr().contains("needs a restart") })
        let lines = daemon.daemonStderr().split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("<") }, "a line without a priority: \(lines)")
        #expect(lines.contains { $0.hasPrefix("<6>processed ") })
        #expect(lines.contains { $0.hasPrefix("<3>article failed ") })
        #expect(lines.contains { $0.hasPrefix("<4>SIGHUP: workers changed") })
        #expect(lines.contains { $0.hasPrefix("<5>SIGHUP: processing log reopened") })
        #expect(daemon.stop() == 0)

        let plain = try DaemonHarness()
        try plain.start()
        #expect(plain.stop() == 0)
        let plainLines = plain.daemonStderr().split(separator: "\n")
        #expect(!plainLines.isEmpty && plainLines.allSatisfy { !$0.hasPrefix("<") && $0.contains(" watcherd: ") })
    }

    @Test(
        "/metrics after processing files: counters, failures by stage and code, a stage histogram; /healthz is ok",
        .timeLimit(.minutes(1)))
    func metricsScrape() throws {
        let daemon = try DaemonHarness()
        let port = LoopbackPort.free()
        try daemon.start(extraArguments: ["--metrics-port", "\(port)", "--status-interval-seconds", "1"])
        for index in 0..<3 { try daemon.write(Articles.data("m\(index)"), as: "m\(index).txt") }
        try daemon.write(Self.binary, as: "bad.txt")
        #expect(Self.waitForOutcomes(daemon, 4))
        var lines = Set<String>()
        #expect(
            daemon.waitUntil(timeout: 10) {
                guard let response = try? httpGet(port: port, path: "/metrics"), response.status == 200 else {
                    return false
                }
                lines = Set(response.body.split(separator: "\n").map(String.init))
                return lines.contains("watcherd_ledger_entries 4.0")
            }, "\(lines.sorted())")
        for expected in [
            "watcherd_documents_total 3", "watcherd_duplicates_total 0",
            #"watcherd_failures_total{stage="decode",code="binary"} 1"#, #"watcherd_rescans_total{reason="startup"} 1"#,
            #"watcherd_queue_depth{queue="in_flight"} 0.0"#, "watcherd_inotify_overflows_total 0",
            #"watcherd_stage_duration_seconds_count{stage="extract"} 3"#,
            #"watcherd_stage_duration_seconds_bucket{stage="extract",le="+Inf"} 3"#,
            "watcherd_article_duration_seconds_count 3", "watcherd_healthy 1.0",
        ] {
            #expect(lines.contains(expected), "missing \(expected)")
        }
        #expect(lines.contains("# TYPE watcherd_stage_duration_seconds histogram"))
        let health = try httpGet(port: port, path: "/healthz")
        #expect(health.status == 200)
        #expect(health.body == "ok\n")
        #expect(try httpGet(port: port, path: "/nothing").status == 404)
        #expect(daemon.stop() == 0)
    }

    @Test("process: a progress bar and a summary under a pseudo-terminal, nothing extra on a pipe")
    func progressBar() throws {
        let daemon = try DaemonHarness()
        var files: [String] = []
        for index in 0..<5 {
            let url = daemon.staging.appendingPathComponent("p\(index).txt")
            try Articles.data("p\(index)").write(to: url)
            files.append(url.path)
        }
        let bad = daemon.staging.appendingPathComponent("bad.txt")
        try Self.binary.write(to: bad)
        files.append(bad.path)
        let documents = daemon.root.appendingPathComponent("documents.jsonl")

        // script(1) gives the command a pseudo-terminal; its stdout goes to a file.
        let command = ([DaemonHarness.binary.path, "process"] + files).map { "'\($0)'" }.joined(separator: " ")
        let terminal = Tool.run("/usr/bin/script", ["-qfec", "\(command) > '\(documents.path)'", "/dev/null"])
        #expect(terminal.output.contains("] 6/6 files"), "\(terminal.output)")
        #expect(terminal.output.contains("1 failed"))
        #expect(terminal.output.contains("processed 6 files in "), "\(terminal.output)")
        #expect(try String(contentsOf: documents, encoding: .utf8).split(separator: "\n").count == 5)

        let piped = try watcherd(["process"] + files)
        #expect(piped.status == 1)
        #expect(piped.stdout.split(separator: "\n").count == 5)
        #expect(!piped.stderr.contains("files") && !piped.stderr.contains("\r"), "\(piped.stderr)")
        #expect(piped.stderr.split(separator: "\n").count == 1)
    }
}

/// Text collected from a pipe's readability handler.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
