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
        #expect(big["value"] == nil)
        #expect((document["text"] as? String)?.contains(digits) == true)
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "processed", path: "big.txt").first?["result"] as? String == "ok"
            })
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
                    daemon.archive.path, "--failed", daemon.failed.path,
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
}
