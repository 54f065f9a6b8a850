// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import TestSupport
import Testing

/// Issue 15: several hosts on one inbox with one PostgreSQL ledger, each test on a private
/// PostgreSQL cluster (``PostgresCluster``) and real daemons (``SharedInboxHarness``). Skipped
/// with a message when PostgreSQL is not installed, except under CI.
///
/// The three-daemon burst is the issue's 10,000 files under `make test-multihost`
/// (`WATCHERD_MULTIHOST_FILES` sets it); the plain test run (CI's `make test`, which must stay
/// within its budget on two cores) runs the same test on a smaller burst: 1,000 files with the
/// release binary, 400 with the debug one.
@Suite(.serialized)
struct MultiHostTests {
    static let lease = ["--ledger-lease-seconds", "6", "--ledger-heartbeat-seconds", "1"]
    static let leaseSeconds = 6.0

    static var burstSize: Int {
        if let text = ProcessInfo.processInfo.environment["WATCHERD_MULTIHOST_FILES"], let count = Int(text) {
            return count
        }
        return SharedInboxHarness.binary.isRelease ? 1_000 : 400
    }

    /// `processed` lines per content hash over the daemons' processing logs.
    static func processedCounts(_ hosts: SharedInboxHarness, _ daemons: [Int]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for host in daemons {
            for entry in hosts.logEntries(host) where entry["event"] as? String == "processed" {
                counts[entry["sha256"] as? String ?? "?", default: 0] += 1
            }
        }
        return counts
    }

    @Test(
        "three daemons share one inbox and one PostgreSQL ledger; one is SIGKILLed half-way and restarted later: every input ends as exactly one document or one failure record, and the killed daemon's claims are taken over after the lease",
        .enabled(if: PostgresCluster.runnable, PostgresCluster.skipMessage), .timeLimit(.minutes(30)))
    func threeHostsShareOneInbox() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let hosts = try SharedInboxHarness(ledger: cluster.url)
        let total = Self.burstSize
        print("multi-host: \(total) files, \(SharedInboxHarness.binary.isRelease ? "release" : "debug") binary")
        let extra = Self.lease + ["--rescan-interval-seconds", "2"]
        for host in 1...3 { try hosts.start(host, extraArguments: extra) }
        // The schema is migrated by the first heartbeat, which may come just after READY; each host
        // then has its row in watcherd.hosts.
        #expect(
            hosts.poll(timeout: 30, every: 0.1) {
                (try? cluster.integer("SELECT count(*) FROM watcherd.hosts WHERE stopped_at IS NULL")) == 3
            })
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.schema_migrations") == 1)

        // Good articles (distinct content), plus inputs that fail: ten empty files (one content)
        // and ten binary ones.
        var files = (0..<total).map { (name: "a\($0).txt", data: Articles.data("multi-host \($0)")) }
        let failing =
            (0..<10).map { (name: "empty\($0).txt", data: Data()) }
            + (0..<10).map { (name: "binary\($0).bin", data: Data([0, 1, 2, 0, UInt8($0), 0xFF, 0, 0])) }
        files += failing
        let start = Date()
        try hosts.drop(files)

        // Half-way, daemon 2 dies without a word.
        #expect(hosts.poll(timeout: 600, every: 0.2) { hosts.count(in: hosts.output, suffix: ".json") >= total / 2 })
        let killed = try #require(hosts.pid(2))
        hosts.kill9(2)
        let killedHost = try cluster.query(
            "SELECT host FROM watcherd.hosts WHERE pid = \(killed) AND stopped_at IS NULL"
        ).first?.first
        let claimsAtKill = try cluster.integer(
            "SELECT count(*) FROM watcherd.claims c JOIN watcherd.hosts h ON h.host = c.host WHERE h.pid = \(killed)")
        print("multi-host: killed daemon 2 (pid \(killed)) holding \(claimsAtKill) claims")

        // It comes back later, after the others finished most of the work.
        #expect(
            hosts.poll(timeout: 600, every: 0.2) { hosts.count(in: hosts.output, suffix: ".json") >= total * 4 / 5 })
        try hosts.restart(2)
        let drained = hosts.poll(timeout: 600, every: 0.5) {
            hosts.names(in: hosts.inbox).isEmpty && hosts.count(in: hosts.output, suffix: ".json") >= total
                && hosts.count(in: hosts.failed, suffix: ".error.json") >= failing.count
        }
        let seconds = Date().timeIntervalSince(start)
        print("multi-host: \(total + failing.count) inputs done in \(Int(seconds)) s")
        #expect(drained, "inbox left: \(hosts.names(in: hosts.inbox).prefix(10))")
        for host in 1...3 {
            #expect(hosts.stop(host) == 0, "daemon \(host) did not stop cleanly:\n\(hosts.stderr(host))")
        }

        // Every input: exactly one document or one failure record, and nothing left in the inbox.
        let documents = Set(hosts.names(in: hosts.output))
        let records = Set(hosts.names(in: hosts.failed).filter { $0.hasSuffix(".error.json") })
        var wrong: [String] = []
        for file in files {
            let document = documents.contains(file.name + ".json")
            let record = records.contains(file.name + ".error.json")
            if document == record { wrong.append(file.name) }
        }
        #expect(wrong.isEmpty, "inputs without exactly one outcome: \(wrong.prefix(10))")
        #expect(documents.count == total, "documents: \(documents.count)")
        #expect(records.count == failing.count)
        #expect(hosts.names(in: hosts.inbox).isEmpty)
        #expect(hosts.count(in: hosts.archive) == total, "archived inputs")

        // One done row per content, no content processed twice by anyone, no claim left.
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.inputs WHERE status = 'done'") == total)
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.claims") == 0)
        let processed = Self.processedCounts(hosts, [1, 2, 3])
        let twice = processed.filter { $0.value > 1 }
        #expect(twice.isEmpty, "contents processed more than once: \(twice.prefix(5))")
        // Every content has its `processed` line, except those the killed daemon recorded in its
        // last batch: the processing log is written after the ledger's transaction, so a SIGKILL
        // between the two loses the line (never the document or the ledger row, checked above).
        let host = try #require(killedHost, "the killed daemon had no row in watcherd.hosts")
        let done = try Set(
            cluster.query("SELECT sha256 FROM watcherd.inputs WHERE status = 'done'").compactMap(\.first))
        let byKilled = try Set(
            cluster.query("SELECT sha256 FROM watcherd.inputs WHERE status = 'done' AND host = '\(host)'")
                .compactMap(\.first))
        let unlogged = done.subtracting(processed.keys)
        print("multi-host: \(unlogged.count) contents without a processed line, all recorded by the killed daemon")
        #expect(
            unlogged.isSubset(of: byKilled) && unlogged.count <= 64,
            "\(unlogged.subtracting(byKilled).count) contents without a processed line were recorded by live daemons")

        // The killed daemon's claims were taken over, each only after a whole lease without heartbeat.
        if claimsAtKill > 0 {
            let takenOver = try cluster.integer(
                "SELECT count(*) FROM watcherd.inputs WHERE taken_over_from = '\(host)'")
            #expect(takenOver > 0, "none of the \(claimsAtKill) claims of the killed daemon was taken over")
            let earliest = try cluster.query(
                """
                SELECT extract(epoch FROM min(i.finished_at) - h.heartbeat_at)
                FROM watcherd.inputs i JOIN watcherd.hosts h ON h.host = i.taken_over_from
                WHERE h.host = '\(host)' GROUP BY h.heartbeat_at
                """
            ).first?.first.flatMap(Double.init)
            #expect((earliest ?? 0) >= Self.leaseSeconds, "taken over \(earliest ?? 0) s after the last heartbeat")
            print("multi-host: \(takenOver) claims taken over, the first \(earliest ?? 0) s after the last heartbeat")
        } else {
            Issue.record("the killed daemon held no claims at the kill: the take-over was not exercised")
        }
    }

    @Test(
        "PostgreSQL stopped for ten seconds during a burst: the intake pauses and says so, nothing is lost or done twice, and processing resumes by itself",
        .enabled(if: PostgresCluster.runnable, PostgresCluster.skipMessage), .timeLimit(.minutes(10)))
    func ledgerOutagePausesIntake() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let hosts = try SharedInboxHarness(ledger: cluster.url)
        let total = SharedInboxHarness.binary.isRelease ? 4_000 : 1_000
        let port = LoopbackPort.free()
        try hosts.start(
            1, extraArguments: Self.lease + ["--status-interval-seconds", "1", "--metrics-port", "\(port)"])
        try hosts.start(2, extraArguments: Self.lease + ["--status-interval-seconds", "1"])
        let files = (0..<total).map { (name: "o\($0).txt", data: Articles.data("outage \($0)")) }
        try hosts.drop(files)
        #expect(hosts.poll(timeout: 300, every: 0.1) { hosts.count(in: hosts.output, suffix: ".json") >= total / 10 })

        cluster.stopServer()
        let stopped = Date()
        // Both daemons notice, pause and say so: status file, `watcherd status`, metrics.
        let paused = hosts.poll(timeout: 15, every: 0.1) {
            [1, 2].allSatisfy { host in
                let status = hosts.status(host)
                return status?["intake_paused"] as? Bool == true
                    && (status?["ledger"] as? [String: Any])?["reachable"] as? Bool == false
            }
        }
        #expect(paused, "the intake did not pause:\n\(hosts.stderr(1))")
        let report = try watcherd([
            "status", "--config", "/dev/null", "--inbox", hosts.inbox.path, "--output", hosts.output.path, "--state",
            hosts.state(1).path,
        ])
        #expect(report.stdout.contains("UNREACHABLE") && report.stdout.contains("intake paused"), "\(report.stdout)")
        let metrics = try httpGet(port: port, path: "/metrics").body
        #expect(metrics.contains("watcherd_ledger_reachable 0"), "\(metrics.prefix(2000))")
        #expect(metrics.contains("watcherd_intake_paused 1"))
        // While it is down, inputs stay in the inbox: none leaves it once in-flight work settled.
        usleep(1_500_000)
        let waiting = hosts.names(in: hosts.inbox).count
        #expect(waiting > 0, "the burst finished before the outage (make it larger)")
        usleep(3_000_000)
        #expect(hosts.names(in: hosts.inbox).count == waiting, "inputs left the inbox while the ledger was down")
        let remaining = 10 - Date().timeIntervalSince(stopped)
        if remaining > 0 { usleep(useconds_t(remaining * 1_000_000)) }

        try cluster.startServer()
        let resumed = hosts.poll(timeout: 300, every: 0.2) {
            hosts.names(in: hosts.inbox).isEmpty && hosts.count(in: hosts.output, suffix: ".json") >= total
        }
        #expect(resumed, "processing did not resume: \(hosts.names(in: hosts.inbox).count) inputs left")
        #expect(hosts.poll(timeout: 10, every: 0.2) { hosts.status(1)?["intake_paused"] as? Bool == false })
        for host in [1, 2] { #expect(hosts.stop(host) == 0) }

        #expect(hosts.count(in: hosts.output, suffix: ".json") == total)
        #expect(hosts.count(in: hosts.archive) == total)
        #expect(hosts.count(in: hosts.failed) == 0)
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.inputs WHERE status = 'done'") == total)
        let processed = Self.processedCounts(hosts, [1, 2])
        #expect(processed.count == total && processed.values.allSatisfy { $0 == 1 })
        let retries = [1, 2].flatMap(hosts.logEntries).filter { $0["result"] as? String == "ledger-unavailable" }
        print("outage: \(retries.count) ledger-unavailable retries; \(waiting) inputs waited in the inbox")
    }

    /// The README's example queries, by name (the ```sql blocks that start with `-- query: NAME`).
    static func readmeQueries() throws -> [String: String] {
        let readme = try String(
            contentsOf: InstallTests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var queries: [String: String] = [:]
        for block in readme.components(separatedBy: "```sql\n").dropFirst() {
            let sql = block.components(separatedBy: "```").first ?? ""
            guard sql.hasPrefix("-- query: ") else { continue }
            let name = String(sql.dropFirst("-- query: ".count).prefix { $0 != "\n" })
            queries[name] = sql
        }
        return queries
    }

    @Test(
        "with ledger_documents the sample article's document goes into watcherd.documents once, and the README's three queries return it",
        .enabled(if: PostgresCluster.runnable && SharedData.runnable, PostgresCluster.skipMessage),
        .timeLimit(.minutes(5)))
    func documentsTableAnswersTheReadmeQueries() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let hosts = try SharedInboxHarness(ledger: cluster.url)
        try hosts.start(1, extraArguments: Self.lease + ["--ledger-documents"])
        #expect(
            hosts.poll(timeout: 30, every: 0.1) {
                (try? cluster.integer("SELECT count(*) FROM watcherd.hosts WHERE stopped_at IS NULL")) == 1
            })
        // A second host on the migrated database changes nothing in the schema.
        let migrations = try cluster.query("SELECT version, applied_at, applied_by FROM watcherd.schema_migrations")
        try hosts.start(2, extraArguments: Self.lease + ["--ledger-documents"])
        #expect(
            hosts.poll(timeout: 30, every: 0.1) {
                (try? cluster.integer("SELECT count(*) FROM watcherd.hosts WHERE stopped_at IS NULL")) == 2
            })
        #expect(
            try cluster.query("SELECT version, applied_at, applied_by FROM watcherd.schema_migrations") == migrations)
        #expect(migrations.count == 1)

        let sample = try Data(SharedData.bytes(SharedData.sample))
        try hosts.drop([(name: "sample.txt", data: sample)])
        #expect(hosts.poll(timeout: 60, every: 0.1) { hosts.names(in: hosts.inbox).isEmpty })
        try hosts.drop([(name: "sample-again.txt", data: sample)])  // a duplicate: no second row
        #expect(hosts.poll(timeout: 60, every: 0.1) { hosts.names(in: hosts.inbox).isEmpty })
        for host in [1, 2] { #expect(hosts.stop(host) == 0) }

        let file = try Data(contentsOf: hosts.output.appendingPathComponent("sample.txt.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
        let id = try #require(document["id"] as? String)
        #expect(try cluster.integer("SELECT count(*) FROM watcherd.documents") == 1)
        let stored = try cluster.query(
            "SELECT id, source_path, document = '\(String(decoding: file, as: UTF8.self).replacingOccurrences(of: "'", with: "''"))'::jsonb FROM watcherd.documents"
        )
        #expect(stored == [[id, "sample.txt", "t"]], "the row holds the document as written")
        // "This week" is the sample's own week: its publication date once the document has one.
        let date = try #require(
            try cluster.query("SELECT coalesce(published, received_at) FROM watcherd.documents").first?.first)
        let clock = "'\(date)'::timestamptz"
        let queries = try Self.readmeQueries()
        #expect(Set(queries.keys) == ["person-this-week", "quoted-about-place", "organisations-per-day"])

        let index = document["entity_index"] as? [[String: Any]] ?? []
        let persons = index.filter { $0["type"] as? String == "PERSON" }.compactMap { $0["canonical"] as? String }
        let person = persons.contains("خليفة حفتر") ? "خليفة حفتر" : try #require(persons.first)
        let people = try cluster.query(
            try #require(queries["person-this-week"]).replacingOccurrences(of: "خليفة حفتر", with: person)
                .replacingOccurrences(of: "now()", with: clock))
        #expect(people.map { $0.prefix(2) } == [[id, "sample.txt"]], "person \(person): \(people)")

        let organisations = index.filter { $0["type"] as? String == "ORGANIZATION" }
        let most = organisations.compactMap { $0["mentions"] as? Int }.max() ?? 0
        let top = try cluster.query(try #require(queries["organisations-per-day"]))
        #expect(top.first?.count == 3 && Int(top.first?[2] ?? "") == most, "\(top)")
        #expect(
            organisations.contains { $0["canonical"] as? String == top.first?[1] && $0["mentions"] as? Int == most })

        // Quotations: who was quoted about a place named inside one of them.
        guard let quotes = document["quotes"] as? [[String: Any]] else {
            // Until the quotations analyzer lands (issue: quotes, dates, published), the query must
            // run and find nothing.
            print("documents: the document has no quotes yet; checking the query runs and finds nothing")
            #expect(try cluster.query(try #require(queries["quoted-about-place"])).isEmpty)
            return
        }
        let entities = document["entities"] as? [[String: Any]] ?? []
        let quoted = entities.first { entity in
            guard entity["type"] as? String == "LOCATION", let start = entity["start"] as? Int,
                let end = entity["end"] as? Int
            else { return false }
            return quotes.contains { ($0["start"] as? Int ?? .max) <= start && end <= ($0["end"] as? Int ?? -1) }
        }
        let place = try #require(quoted?["canonical"] as? String, "no place is named inside a quotation")
        let speakers = try cluster.query(
            try #require(queries["quoted-about-place"]).replacingOccurrences(of: "طرابلس", with: place))
        #expect(!speakers.isEmpty && speakers.allSatisfy { $0.first == id }, "place \(place): \(speakers)")
    }
}
