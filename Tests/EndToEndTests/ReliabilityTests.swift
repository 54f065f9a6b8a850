// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Testing

@testable import Pipeline

/// Delivery guarantees, round two (issue 13): what a tester broke. Each test failed before its fix.
@Suite(.serialized)
struct ReliabilityTests {
    static let noPeriodicRescan = ["--rescan-interval-seconds", "0"]

    /// The content hash of the document at `name` (relative to the output root), or nil.
    private func documentHash(_ daemon: DaemonHarness, _ name: String) -> String? {
        let url = daemon.output.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return (object["source"] as? [String: Any])?["sha256"] as? String
    }

    @Test(
        "1. a reused input name never overwrites the earlier article's document, nor a file the daemon did not write; each ledger row points at its own document; a done row whose document is gone is processed again",
        .timeLimit(.minutes(2)))
    func reusedNamesKeepEveryDocument() throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.output, withIntermediateDirectories: true)
        let usersOwn = Data("not a document: the user's own file\n".utf8)
        try usersOwn.write(to: daemon.output.appendingPathComponent("x.json.json"))
        try daemon.start(extraArguments: Self.noPeriodicRescan)

        let monday = Articles.data("monday's article")
        let tuesday = Articles.data("tuesday's article, another content under the same name")
        try daemon.renameIn(monday, as: "article.txt")
        _ = try daemon.document(for: "article.txt")
        try daemon.renameIn(tuesday, as: "article.txt")
        let versioned = "article.txt.\(Articles.sha256(tuesday).prefix(8)).json"
        #expect(daemon.waitUntil(timeout: 10) { documentHash(daemon, versioned) == Articles.sha256(tuesday) })
        #expect(documentHash(daemon, "article.txt.json") == Articles.sha256(monday), "Monday's document was replaced")

        let json = Articles.data("an article named x.json")
        try daemon.renameIn(json, as: "x.json")
        let placed = "x.json.\(Articles.sha256(json).prefix(8)).json"
        #expect(daemon.waitUntil(timeout: 10) { documentHash(daemon, placed) == Articles.sha256(json) })
        #expect(try Data(contentsOf: daemon.output.appendingPathComponent("x.json.json")) == usersOwn)

        try daemon.quiesce("rows")
        let rows = try #require(daemon.ledgerOutputs())
        #expect(rows[Articles.sha256(monday)] == "article.txt.json")
        #expect(rows[Articles.sha256(tuesday)] == versioned)

        // Monday's content again: its document exists, so it is a duplicate.
        try daemon.renameIn(monday, as: "again.txt")
        #expect(
            daemon.waitUntil(timeout: 10) { !daemon.logLines(event: "duplicate", path: "again.txt").isEmpty },
            "a content with its document was not treated as a duplicate")
        // Its document removed: the same content is processed again, not skipped.
        try FileManager.default.removeItem(at: daemon.output.appendingPathComponent("article.txt.json"))
        try daemon.renameIn(monday, as: "article.txt")
        #expect(
            daemon.waitUntil(timeout: 10) { documentHash(daemon, "article.txt.json") == Articles.sha256(monday) },
            "a done row whose document is gone made the content a duplicate")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "2. a number too large for a double keeps its text without a value, and the document is written whole",
        .timeLimit(.minutes(1)))
    func hugeNumbersKeepTheirText() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let digits = String(repeating: "9", count: 400)
        try daemon.renameIn(Data("رقم كبير\n\nبلغ العدد \(digits) في التقرير.\n".utf8), as: "big.txt")
        let document = try daemon.document(for: "big.txt")
        let numbers = try #require(document["numbers"] as? [[String: Any]])
        let big = try #require(numbers.first { ($0["text"] as? String) == digits })
        #expect(big["value"] == nil || big["value"] is NSNull, "a value for \(digits.count) digits")
        #expect((document["text"] as? String)?.contains(digits) == true)
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "processed", path: "big.txt").first?["result"] as? String == "ok"
            })
        #expect(daemon.stop() == 0)
    }

    @Test(
        "4, 5. schema.org JSON gives its text and metadata; no article text, a JSON array, JSON Lines, RSS and Atom fail with no-text or container, never an empty document",
        .timeLimit(.minutes(1)))
    func jsonAndContainersNeverGiveEmptyDocuments() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let newsArticle = #"""
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"وقف إطلاق النار في ليبيا",
             "articleBody":"أعلن المتحدث باسم الجيش وقف إطلاق النار في سرت.","datePublished":"2020-08-21",
             "author":{"@type":"Person","name":"سعاد"},"publisher":{"name":"وكالة الأنباء"}}
            """#
        try daemon.renameIn(Data(newsArticle.utf8), as: "schema.json")
        let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><item><title>أ</title></item></channel></rss>"#
        let atom = #"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry></entry></feed>"#
        let lines = #"{"title":"أ","body":"نص أول."}"# + "\n" + #"{"title":"ب","body":"نص ثان."}"# + "\n"
        let failing: [(name: String, body: String, code: String)] = [
            ("no-text.json", #"{"headline":"عنوان فقط","url":"https://x.ly/1"}"#, "no-text"),
            ("empty-page.html", "<html><body><script>x()</script></body></html>", "no-text"),
            ("array.json", #"[{"title":"أ","body":"نص أول."},{"title":"ب","body":"نص ثان."}]"#, "container"),
            ("lines.jsonl", lines, "container"),
            ("feed.xml", rss, "container"),
            ("feed.atom", atom, "container"),
        ]
        for input in failing { try daemon.renameIn(Data(input.body.utf8), as: input.name) }

        let document = try daemon.document(for: "schema.json")
        #expect(document["title"] as? String == "وقف إطلاق النار في ليبيا")
        #expect((document["text"] as? String)?.hasPrefix("أعلن المتحدث") == true)
        let metadata = try #require(document["metadata"] as? [String: Any])
        #expect(metadata["published"] as? String == "2020-08-21")
        #expect(metadata["author"] as? String == "سعاد")
        #expect(metadata["source"] as? String == "وكالة الأنباء")
        for input in failing {
            #expect(
                daemon.waitUntil(timeout: 10) { daemon.exists(daemon.failed.appendingPathComponent(input.name)) },
                "\(input.name) not in failed/")
            let record = try JSONSerialization.jsonObject(
                with: Data(contentsOf: daemon.failed.appendingPathComponent(input.name + ".error.json")))
            #expect((record as? [String: Any])?["code"] as? String == input.code, "\(input.name)")
            #expect(!daemon.exists(daemon.output.appendingPathComponent(input.name + ".json")), "\(input.name)")
            #expect(
                daemon.waitUntil(timeout: 10) {
                    daemon.logLines(event: "failed", path: input.name).first?["result"] as? String == input.code
                }, "\(input.name): no failed line with \(input.code)")
        }
        #expect(daemon.stop() == 0)
    }

    @Test(
        "Also noticed: a hard link into the inbox (IN_CREATE only) gets a document with periodic rescans off",
        .timeLimit(.minutes(1)))
    func hardLinkIsTaken() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let outside = daemon.root.appendingPathComponent("linked-source.txt")
        try Articles.data("hard link").write(to: outside)
        #expect(link(outside.path, daemon.inbox.appendingPathComponent("linked.txt").path) == 0)
        let document = try daemon.document(for: "linked.txt", timeout: 10)
        #expect((document["text"] as? String)?.isEmpty == false)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "Also noticed: when the state directory is deleted while running, the processing log is recreated at the next line",
        .timeLimit(.minutes(1)))
    func deletedLogIsRecreated() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        try daemon.quiesce("before")
        try FileManager.default.removeItem(at: daemon.state)
        try daemon.renameIn(Articles.data("after the state directory went"), as: "after.txt")
        _ = try daemon.document(for: "after.txt")
        #expect(
            daemon.waitUntil(timeout: 10) { daemon.logLines(event: "processed", path: "after.txt").count == 1 },
            "the line went to the deleted log")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "6. a second daemon on the same state directory or inbox exits non-zero naming the PID that holds it",
        .timeLimit(.minutes(1)))
    func secondInstanceIsRefused() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let pid = try #require(daemon.pid)
        for (name, arguments) in [
            ("same state", ["--state", daemon.state.path]),
            ("same inbox", ["--state", daemon.root.appendingPathComponent("state2").path]),
        ] {
            let second = Tool.run(
                DaemonHarness.binary.path,
                [
                    "run", "--inbox", daemon.inbox.path, "--output", daemon.output.path, "--archive",
                    daemon.archive.path, "--failed", daemon.failed.path, "--config", "/dev/null",
                ] + arguments)
            #expect(second.status != 0, "\(name): a second instance started")
            #expect(second.output.contains("PID \(pid)"), "\(name): \(second.output)")
        }
        try daemon.quiesce("after second")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "7. start-up cleanup keeps another live process's temporary files; a removed output tree is recreated and nothing fails",
        .timeLimit(.minutes(2)))
    func cleanupAndMissingOutput() throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.output, withIntermediateDirectories: true)
        let live = daemon.output.appendingPathComponent(".a.txt.json.tmp-\(getpid())-1")
        let dead = daemon.output.appendingPathComponent(".b.txt.json.tmp-\(Int32.max - 7)-1")
        try Data("live".utf8).write(to: live)
        try Data("dead".utf8).write(to: dead)
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        #expect(daemon.exists(live), "another live process's temporary file was removed")
        #expect(!daemon.exists(dead), "a dead process's leftover stayed")

        try FileManager.default.removeItem(at: daemon.output)
        try daemon.renameIn(Articles.data("after the output tree went"), as: "later.txt")
        _ = try daemon.document(for: "later.txt", timeout: 20)
        #expect(daemon.logLines(event: "failed").isEmpty, "a valid article failed: \(daemon.logLines(event: "failed"))")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "8. a directory component replaced by a symlink to outside the inbox is never followed: nothing outside is read, published or moved",
        .timeLimit(.minutes(1)))
    func symlinkedComponentsAreNotFollowed() throws {
        let daemon = try DaemonHarness()
        let outside = daemon.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let secret = Articles.data("a private file outside the inbox")
        try secret.write(to: outside.appendingPathComponent("f.txt"))
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let staging = daemon.inbox.appendingPathComponent("x.tmp")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        #expect(daemon.waitUntil(timeout: 5) { daemon.exists(staging) })
        // The daemon is stopped while the producer writes f.txt and swaps x.tmp for a symlink: the
        // close event it then reads names x.tmp/f.txt, which now resolves outside.
        daemon.send(SIGSTOP)
        try Articles.data("the producer's article").write(to: staging.appendingPathComponent("f.txt"))
        try FileManager.default.moveItem(at: staging, to: daemon.inbox.appendingPathComponent("moved"))
        try FileManager.default.createSymbolicLink(at: staging, withDestinationURL: outside)
        daemon.send(SIGCONT)
        _ = try daemon.document(for: "moved/f.txt")
        try daemon.quiesce("symlink")
        #expect(try Data(contentsOf: outside.appendingPathComponent("f.txt")) == secret, "the outside file moved")
        let published = daemon.documentPaths().compactMap { name -> String? in
            guard let data = try? Data(contentsOf: daemon.output.appendingPathComponent(name)),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return (object["source"] as? [String: Any])?["sha256"] as? String
        }
        #expect(!published.contains(Articles.sha256(secret)), "the outside file's text was published")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "9. archive and failed on another filesystem: inputs are copied, synced and unlinked, and one record is written per failure",
        .timeLimit(.minutes(1)))
    func archiveOnAnotherFilesystem() throws {
        guard Privileges.isRoot else {
            try Test.cancel("needs root to mount tmpfs archive and failed trees")
        }
        let daemon = try DaemonHarness()
        for tree in [daemon.archive, daemon.failed] {
            try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
            #expect(Privileges.mountTmpfs(on: tree, size: "16m"))
        }
        defer { for tree in [daemon.archive, daemon.failed] { Privileges.unmount(tree) } }
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        try daemon.renameIn(Articles.data("archived across filesystems"), as: "a.txt")
        try daemon.renameIn(Data([0, 1, 2, 3, 0, 0, 0, 9]), as: "bin.txt")
        _ = try daemon.document(for: "a.txt")
        #expect(daemon.waitUntil(timeout: 10) { daemon.exists(daemon.archive.appendingPathComponent("a.txt")) })
        #expect(daemon.waitUntil(timeout: 10) { daemon.exists(daemon.failed.appendingPathComponent("bin.txt")) })
        try daemon.quiesce("exdev")
        #expect(daemon.inboxFiles().filter { !$0.hasPrefix("zz-marker") && !$0.hasPrefix(".") }.isEmpty)
        let records = try FileManager.default.contentsOfDirectory(atPath: daemon.failed.path).filter {
            $0.hasSuffix(".error.json")
        }
        #expect(records == ["bin.txt.error.json"])
        #expect(daemon.logLines(event: "failed", path: "bin.txt").count == 1)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "10. a directory in the inbox named like a file in the archive is archived under a free name for that component",
        .timeLimit(.minutes(1)))
    func componentNameTakenInTheArchive() throws {
        let daemon = try DaemonHarness()
        try FileManager.default.createDirectory(at: daemon.archive, withIntermediateDirectories: true)
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        try daemon.renameIn(Articles.data("an input named 2024"), as: "2024")
        #expect(daemon.waitUntil(timeout: 10) { daemon.exists(daemon.archive.appendingPathComponent("2024")) })
        try FileManager.default.createDirectory(
            at: daemon.inbox.appendingPathComponent("2024"), withIntermediateDirectories: true)
        try daemon.renameIn(Articles.data("january"), as: "2024/jan.txt")
        #expect(
            daemon.waitUntil(timeout: 10) { daemon.exists(daemon.archive.appendingPathComponent("2024.1/jan.txt")) },
            "the input was not archived")
        #expect(!daemon.exists(daemon.inbox.appendingPathComponent("2024/jan.txt")), "the input stayed in the inbox")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "11. a directory whose watch failed at the watch limit is watched once the limit is raised, with periodic rescans off",
        .timeLimit(.minutes(2)))
    func failedWatchesAreRetried() throws {
        let knob = "/proc/sys/fs/inotify/max_user_watches"
        guard Privileges.isRoot, access(knob, W_OK) == 0,
            let original = (try? String(contentsOfFile: knob, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines), Int(original) != nil
        else { try Test.cancel("needs root and a writable \(knob)") }
        // A user of its own, so that the count of watches in use is this daemon's alone.
        guard Privileges.canRunDaemon(as: 64_322) else { try Test.cancel("cannot run watcherd as uid 64322") }
        let daemon = try DaemonHarness()
        var restored = false
        func restore() {
            guard !restored else { return }
            restored = (try? (original + "\n").write(toFile: knob, atomically: false, encoding: .utf8)) != nil
        }
        defer { restore() }
        try daemon.start(extraArguments: Self.noPeriodicRescan, asUser: 64_322)
        try "1\n".write(toFile: knob, atomically: false, encoding: .utf8)
        let directory = daemon.inbox.appendingPathComponent("late")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(
            daemon.waitUntil(timeout: 10) { daemon.daemonStderr().contains("retrying every") },
            "no message about the failed watch: \(daemon.daemonStderr())")
        try daemon.renameIn(Articles.data("in a directory that could not be watched"), as: "late/a.txt")
        usleep(1_500_000)
        #expect(!daemon.exists(daemon.output.appendingPathComponent("late/a.txt.json")), "the limit did not bite")
        restore()
        _ = try daemon.document(for: "late/a.txt", timeout: 30)
        try daemon.renameIn(Articles.data("after the watch is set"), as: "late/b.txt")
        _ = try daemon.document(for: "late/b.txt", timeout: 10)
        #expect(!daemon.daemonStderr().contains("periodic rescan covers it"))
        #expect(daemon.stop() == 0)
    }
}
