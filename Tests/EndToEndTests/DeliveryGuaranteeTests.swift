// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Pipeline
import Testing

/// Issue 3, "Done when" 1-11: the delivery guarantees of DESIGN.md section 3, each checked on the
/// real binary. Tests whose subject is not the periodic rescan turn it off
/// (`--rescan-interval-seconds 0`), so that it cannot hide a missed event.
@Suite(.serialized)
struct DeliveryGuaranteeTests {
    static let noPeriodicRescan = ["--rescan-interval-seconds", "0"]

    // MARK: 1. Nothing is read half-written

    @Test(
        "1. a file written half, paused 2 s, then finished is not read before it is closed, and its document reflects the whole file",
        .timeLimit(.minutes(1)))
    func halfWrittenFileIsReadOnlyWhenClosed() throws {
        let daemon = try DaemonHarness()
        // A rescan every second finds the half-written file during the pause: it must still wait.
        try daemon.start(extraArguments: ["--rescan-interval-seconds", "1"])
        let whole = Data(
            (Articles.text("half") + "\n\n"
                + String(repeating: "وأضاف المتحدث أن الوفد سيعود غدا إلى العاصمة. ", count: 300))
                .utf8)
        // Cut inside a multi-byte character: a premature read would also fail to decode.
        var cut = whole.count / 2
        while whole[cut] & 0xC0 != 0x80 { cut += 1 }
        let path = daemon.inbox.appendingPathComponent("slow.txt").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        func put(_ part: Data) {
            part.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let count = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    guard count > 0 else { return }
                    offset += count
                }
            }
        }
        let rescansBefore = daemon.logLines(event: "rescan").count
        put(whole.prefix(cut))

        // The writer pauses 2 s with the file open; nothing may touch it meanwhile.
        var touched: [String] = []
        let resume = Date().addingTimeInterval(2)
        while Date() < resume {
            if daemon.exists(daemon.output.appendingPathComponent("slow.txt.json")) { touched.append("document") }
            if daemon.exists(daemon.failed.appendingPathComponent("slow.txt.error.json")) { touched.append("failure") }
            if !daemon.exists(URL(fileURLWithPath: path)) { touched.append("moved") }
            if !daemon.logLines(event: nil, path: "slow.txt").isEmpty { touched.append("log line") }
            if !touched.isEmpty { break }
            usleep(20_000)
        }
        #expect(touched.isEmpty, "the half-written file was acted on before it was closed: \(touched)")
        #expect(
            daemon.logLines(event: "rescan").count > rescansBefore,
            "no periodic rescan ran during the pause (the test is weaker than meant)")

        put(whole.suffix(from: cut))
        close(fd)
        let document = try daemon.document(for: "slow.txt", timeout: 10)
        let source = document["source"] as? [String: Any] ?? [:]
        #expect(source["bytes"] as? Int == whole.count, "document is not from the whole file")
        #expect(source["sha256"] as? String == Articles.sha256(whole))
        let documentText = (document["text"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(documentText.hasSuffix("إلى العاصمة."), "document text does not end like the file")
        try daemon.quiesce()
        #expect(daemon.logLines(event: "processed", path: "slow.txt").count == 1)
        #expect(daemon.logLines(event: "failed", path: "slow.txt").isEmpty)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "1b. as another user, a file held open across a rescan is not read before it is closed with CAP_LEASE (as the unit grants), and without it the daemon warns naming CAP_LEASE",
        .timeLimit(.minutes(1)), arguments: [true, false])
    func slowWriterAndRescansAsAnotherUser(withLeaseCapability: Bool) throws {
        let user = try Privileges.userForPermissionTests()
        guard let user else { return }  // not root: the daemon owns every file it reads, leases work
        let daemon = try DaemonHarness()
        daemon.grantLeaseCapability = withLeaseCapability
        try daemon.start(extraArguments: ["--rescan-interval-seconds", "1"], asUser: user)
        let whole = Articles.data("slow writer, " + String(repeating: "وتابع الوفد المحادثات في جنيف. ", count: 200))
        let half = whole.count / 2
        let path = daemon.inbox.appendingPathComponent("slow.txt")
        // Root writes it, so the daemon does not own the file. Open, half, two rescans, the rest.
        let fd = open(path.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        whole.prefix(half).withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress!, half) }
        usleep(2_500_000)
        whole.dropFirst(half).withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress!, whole.count - half) }
        close(fd)
        if withLeaseCapability {
            let document = try daemon.document(for: "slow.txt", timeout: 10)
            #expect(
                (document["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(whole),
                "the document was made from a file still being written")
        } else {
            #expect(
                daemon.waitUntil(timeout: 10) { daemon.daemonStderr().contains("CAP_LEASE") },
                "no warning naming CAP_LEASE")
        }
        #expect(daemon.stop() == 0)
    }

    // MARK: 2. Rename-in, .part, temporary names

    @Test(
        "2. a file renamed in is processed; .x.part renamed to x.txt is processed exactly once; x.tmp, x~ and .x.swp never are",
        .timeLimit(.minutes(1)))
    func renamedInFilesAreTakenAndTemporaryNamesNever() throws {
        let daemon = try DaemonHarness()
        // Periodic rescans every second see the temporary names again and again.
        try daemon.start(extraArguments: ["--rescan-interval-seconds", "1"])

        try daemon.renameIn(Articles.data("from outside"), as: "outside.txt")
        _ = try daemon.document(for: "outside.txt")

        try daemon.write(Articles.data("part"), as: ".x.part")
        let temporaryNames = ["x.tmp", "x~", ".x.swp"]
        for name in temporaryNames { try daemon.write(Articles.data("temporary \(name)"), as: name) }
        let partPath = daemon.inbox.appendingPathComponent(".x.part").path
        #expect(rename(partPath, daemon.inbox.appendingPathComponent("x.txt").path) == 0)
        let document = try daemon.document(for: "x.txt")
        #expect((document["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(Articles.data("part")))

        // Two periodic rescans after the temporary names were written, then a marker.
        let rescans = daemon.logLines(event: "rescan").count
        #expect(daemon.waitUntil(timeout: 10) { daemon.logLines(event: "rescan").count >= rescans + 2 })
        try daemon.quiesce()

        #expect(daemon.logLines(event: "processed", path: "outside.txt").count == 1)
        #expect(daemon.logLines(event: "processed", path: "x.txt").count == 1, "x.txt processed more than once")
        for name in temporaryNames + [".x.part"] {
            #expect(!daemon.exists(daemon.output.appendingPathComponent(name + ".json")), "\(name) got a document")
            #expect(daemon.logLines(event: nil, path: name).isEmpty, "\(name) appears in the processing log")
        }
        for name in temporaryNames {
            #expect(daemon.exists(daemon.inbox.appendingPathComponent(name)), "\(name) was moved out of the inbox")
        }
        #expect(daemon.stop() == 0)
    }

    // MARK: 3. One effect per content version

    @Test(
        "3. three appends then quiet give one document from the final content; touch does not reprocess; new content under the same name does",
        .timeLimit(.minutes(1)))
    func oneDocumentPerContentVersion() throws {
        let daemon = try DaemonHarness()
        // Inputs stay in the inbox, so that `touch` and a rewrite hit the very file processed.
        try daemon.start(extraArguments: ["--keep-inputs"] + Self.noPeriodicRescan)
        let url = daemon.inbox.appendingPathComponent("appended.txt")
        let parts = [
            "خبر متتابع\n\n", "اجتمع الوزراء في الرياض لبحث الأزمة. ", "وقال المتحدث إن المحادثات مستمرة.",
        ].map { Data($0.utf8) }
        for part in parts { try append(part, to: url) }
        let final = parts.reduce(Data(), +)
        let document = try daemon.document(for: "appended.txt")
        #expect((document["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(final))
        #expect(document["text"] as? String == "اجتمع الوزراء في الرياض لبحث الأزمة. وقال المتحدث إن المحادثات مستمرة.")
        try daemon.quiesce("appends")
        #expect(daemon.logLines(event: "processed", path: "appended.txt").count == 1, "three appends, not one document")

        // touch: a close-after-write (GNU touch opens the file) and new times, same content.
        let output = daemon.output.appendingPathComponent("appended.txt.json")
        let before = try FileManager.default.attributesOfItem(atPath: output.path)
        let touched = Tool.run("/usr/bin/touch", [url.path])
        #expect(touched.status == 0, "touch: \(touched.output)")
        try daemon.quiesce("touch")
        #expect(
            daemon.logLines(event: "processed", path: "appended.txt").count == 1,
            "touch reprocessed unchanged content")
        let after = try FileManager.default.attributesOfItem(atPath: output.path)
        #expect(
            before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int
                && before[.modificationDate] as? Date == after[.modificationDate] as? Date,
            "touch rewrote the document")

        // New content under the same name is a new version.
        let rewritten = Articles.data("rewritten")
        try rewritten.write(to: url)
        let rewrittenHash = Articles.sha256(rewritten)
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "processed", path: "appended.txt").contains {
                    $0["sha256"] as? String == rewrittenHash
                }
            }, "new content under an old name was not reprocessed")
        // Its document goes beside the first version's, never over it (issue 13, item 1).
        let second = try daemon.document(for: "appended.txt.\(rewrittenHash.prefix(8))")
        #expect((second["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(rewritten))
        let first = try daemon.document(for: "appended.txt")
        #expect((first["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(final))
        #expect(daemon.stop() == 0)
    }

    @Test(
        "3b. new content renamed over a file while its previous version is in flight gets its own document, and is not archived unprocessed",
        .timeLimit(.minutes(1)))
    func newVersionDuringProcessingIsNotLost() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        // A long first version keeps extraction busy for a while (seconds in a debug build).
        let body = String(repeating: "وأضاف المتحدث أن الوفد سيعود غدا إلى العاصمة لمواصلة المحادثات. ", count: 6000)
        let first = Data(("النسخة الأولى\n\n" + body).utf8)
        let second = Data("النسخة الثانية\n\nوصل الوفد إلى القاهرة اليوم. وبدأت المحادثات.".utf8)
        try daemon.renameIn(first, as: "x.txt")
        // A renamed-in file is taken at once and read in milliseconds; extracting it takes far
        // longer. Half a second later it has been read and is still in flight (checked below).
        usleep(500_000)
        #expect(
            daemon.logLines(event: "processed", path: "x.txt").isEmpty,
            "the first version finished too fast to test this")
        try daemon.renameIn(second, as: "x.txt")

        let secondHash = Articles.sha256(second)
        let gotSecond = daemon.waitUntil(timeout: 10) {
            daemon.logLines(event: "processed", path: "x.txt").contains { $0["sha256"] as? String == secondHash }
        }
        #expect(
            gotSecond,
            "the second version never got a document; log: \(daemon.logLines(event: nil, path: "x.txt").map { $0["event"] as? String ?? "?" })"
        )
        // Each version has its own document (x.txt.json for the first written, x.txt.<hash>.json
        // for the other: a document is never replaced by another content's, issue 13).
        #expect(
            daemon.waitUntil(timeout: 20) {
                daemon.logLines(event: "processed", path: "x.txt").contains {
                    $0["sha256"] as? String == Articles.sha256(first)
                }
            }, "the first version never got a document")
        for hash in [Articles.sha256(first), secondHash] {
            let line = daemon.logLines(event: "processed", path: "x.txt").first { $0["sha256"] as? String == hash }
            let output = try #require(line?["output"] as? String, "no document logged for \(hash.prefix(8))")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: daemon.output.appendingPathComponent(output)))
                    as? [String: Any])
            #expect((document["source"] as? [String: Any])?["sha256"] as? String == hash, "\(output)")
        }
        #expect(daemon.stop() == 0)
    }

    @Test(
        "3c. with --keep-inputs, periodic rescans leave kept inputs alone (no second read, no duplicate line); a new version under the same name is processed",
        .timeLimit(.minutes(1)))
    func keptInputsAreNotReadAgainByRescans() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: ["--keep-inputs", "--rescan-interval-seconds", "1"])
        for index in 0..<3 { try daemon.renameIn(Articles.data("kept \(index)"), as: "kept\(index).txt") }
        #expect(daemon.waitUntil(timeout: 10) { daemon.logLines(event: "processed").count >= 3 })
        let rescansBefore = daemon.logLines(event: "rescan").filter { $0["result"] as? String == "periodic" }.count
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "rescan").filter { $0["result"] as? String == "periodic" }.count
                    >= rescansBefore + 3
            }, "fewer than three periodic rescans in 10 s")
        #expect(daemon.logLines(event: "duplicate").isEmpty, "a rescan read a kept input again")
        #expect(daemon.logLines(event: "processed").count == 3)
        #expect(daemon.inboxFiles().filter { $0.hasPrefix("kept") }.count == 3, "kept inputs left the inbox")

        let second = Articles.data("kept 0, second version")
        try daemon.renameIn(second, as: "kept0.txt")
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "processed", path: "kept0.txt").contains {
                    $0["sha256"] as? String == Articles.sha256(second)
                }
            }, "the new version of a kept input was not processed")
        #expect(daemon.stop() == 0)
    }

    // MARK: 4. Burst past the inotify queue

    @Test(
        "4. 20,000 files dropped while the daemon is stopped (SIGSTOP) all get documents after SIGCONT, the overflow is logged as a warning with a count, and none is processed twice",
        .timeLimit(.minutes(8)))
    func burstOverflowLosesNothing() throws {
        let daemon = try DaemonHarness()
        // As root, the whole tree goes on a tmpfs: the subject is the overflow, not the shared disk's
        // fsync rate (20,000 durable documents, each with its directory synced).
        let onTmpfs = Privileges.mountTmpfs(on: daemon.root, size: "1g")
        defer {
            if onTmpfs {
                daemon.send(SIGCONT)
                daemon.send(SIGKILL)
                daemon.waitForExit(timeout: 10)
                Privileges.unmount(daemon.root)
            }
        }
        try FileManager.default.createDirectory(at: daemon.staging, withIntermediateDirectories: true)
        print("burst: tree on \(onTmpfs ? "tmpfs" : "the temporary directory's filesystem")")
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let total = 20_000
        daemon.send(SIGSTOP)
        var continued = false
        defer { if !continued { daemon.send(SIGCONT) } }
        let dropStart = Date()
        for index in 0..<total {
            // open, write, close: IN_CREATE + IN_MODIFY + IN_CLOSE_WRITE each, far past max_queued_events.
            try append(Articles.data("burst \(index)"), to: daemon.inbox.appendingPathComponent("b\(index).txt"))
        }
        print("burst: dropped \(total) files in \(Int(Date().timeIntervalSince(dropStart))) s")
        let processStart = Date()
        daemon.send(SIGCONT)
        continued = true

        var documents = 0
        let done = daemon.poll(timeout: 400, every: 2) {
            documents = daemon.countEntries(in: daemon.output, suffix: ".txt.json")
            return documents >= total
        }
        print("burst: \(documents) documents \(Int(Date().timeIntervalSince(processStart))) s after SIGCONT")
        #expect(done, "only \(documents) of \(total) documents")
        try daemon.quiesce("burst", timeout: 60)
        #expect(daemon.documentPaths().count == total + 1, "documents besides the burst and the marker")

        // Overflow: a warning with a count on stderr, and an overflow rescan in the processing log.
        let warnings = daemon.daemonStderr().split(separator: "\n").filter {
            $0.contains("warning") && $0.lowercased().contains("overflow")
        }
        #expect(!warnings.isEmpty, "no overflow warning on stderr")
        #expect(
            warnings.contains { $0.contains(/overflows?[=: ]+[0-9]+/) || $0.contains(/[0-9]+ overflow/) },
            "overflow warning carries no count: \(warnings)")
        let rescans = daemon.logLines(event: "rescan").filter { $0["result"] as? String == "overflow" }
        #expect(!rescans.isEmpty, "no overflow rescan in the processing log")
        #expect(rescans.allSatisfy { $0["count"] is Int }, "overflow rescan line without a count")

        // Nothing twice: one processed line per path and per content, one document per input.
        let processed = daemon.logLines(event: "processed").filter {
            ($0["path"] as? String)?.hasPrefix("b") == true
        }
        let paths = processed.compactMap { $0["path"] as? String }
        #expect(processed.count == total, "\(processed.count) processed lines for \(total) files")
        #expect(Set(paths).count == paths.count, "some file was processed twice")
        #expect(Set(processed.compactMap { $0["sha256"] as? String }).count == total)
        #expect(daemon.inboxFiles().filter { $0.hasPrefix("b") }.isEmpty, "inputs left in the inbox")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "4b. with a backlog of 16 paths, 300 files dropped at once all get documents, through backlog rescans, none twice",
        .timeLimit(.minutes(3)))
    func boundedBacklogLosesNothing() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan + ["--max-pending", "16"])
        let total = 300
        for index in 0..<total {
            try daemon.renameIn(Articles.data("backlog \(index)"), as: "q\(index).txt")
        }
        var documents = 0
        let done = daemon.poll(timeout: 150, every: 0.5) {
            documents = daemon.countEntries(in: daemon.output, suffix: ".txt.json")
            return documents >= total
        }
        #expect(done, "only \(documents) of \(total) documents")
        try daemon.quiesce("backlog")
        let backlogRescans = daemon.logLines(event: "rescan").filter { $0["result"] as? String == "backlog" }
        #expect(!backlogRescans.isEmpty, "the backlog never filled: no backlog rescan in the processing log")
        let paths = daemon.logLines(event: "processed").compactMap { $0["path"] as? String }.filter {
            $0.hasPrefix("q")
        }
        #expect(paths.count == total && Set(paths).count == total, "\(paths.count) processed lines, some twice?")
        #expect(daemon.inboxFiles().filter { $0.hasPrefix("q") }.isEmpty, "inputs left in the inbox")
        #expect(daemon.stop() == 0)
    }

    // MARK: 5. New subdirectories

    @Test(
        "5. mkdir -p a/b/c and a file written into it at once, fifty times in a row, give fifty documents",
        .timeLimit(.minutes(1)))
    func filesInNewSubdirectoriesAreSeen() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let names = (0..<50).map { "t\($0)/a/b/c/article.txt" }
        for (index, name) in names.enumerated() {
            let url = daemon.inbox.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Articles.data("nested \(index)").write(to: url)
        }
        var missing = names
        daemon.waitUntil(timeout: 30) {
            missing = missing.filter { !daemon.exists(daemon.output.appendingPathComponent($0 + ".json")) }
            return missing.isEmpty
        }
        #expect(
            missing.isEmpty, "\(missing.count) of 50 files in new directories got no document: \(missing.prefix(5))")
        try daemon.quiesce()
        for name in names {
            #expect(daemon.logLines(event: "processed", path: name).count == 1, "\(name) not processed exactly once")
        }
        #expect(daemon.stop() == 0)
    }

    // MARK: 6. The inbox itself replaced

    @Test(
        "6. after the inbox is deleted and recreated, and renamed away and recreated, files in the new inbox are processed and files in the renamed-away one are not",
        .timeLimit(.minutes(1)))
    func replacedInboxIsWatchedAgain() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        try FileManager.default.createDirectory(
            at: daemon.inbox.appendingPathComponent("sub"), withIntermediateDirectories: true)

        // Deleted and recreated.
        try FileManager.default.removeItem(at: daemon.inbox)
        try FileManager.default.createDirectory(at: daemon.inbox, withIntermediateDirectories: true)
        try Articles.data("after delete").write(to: daemon.inbox.appendingPathComponent("after-delete.txt"))
        _ = try daemon.document(for: "after-delete.txt", timeout: 15)
        try Articles.data("after delete, later").write(to: daemon.inbox.appendingPathComponent("later.txt"))
        _ = try daemon.document(for: "later.txt", timeout: 15)

        // Renamed away and recreated.
        let away = daemon.root.appendingPathComponent("away")
        #expect(rename(daemon.inbox.path, away.path) == 0)
        try FileManager.default.createDirectory(at: daemon.inbox, withIntermediateDirectories: true)
        try Articles.data("left behind").write(to: away.appendingPathComponent("left-behind.txt"))
        try Articles.data("after rename").write(to: daemon.inbox.appendingPathComponent("after-rename.txt"))
        _ = try daemon.document(for: "after-rename.txt", timeout: 15)
        try Articles.data("left behind, later").write(to: away.appendingPathComponent("left-behind-later.txt"))
        try Articles.data("in the new inbox").write(to: daemon.inbox.appendingPathComponent("new-inbox.txt"))
        _ = try daemon.document(for: "new-inbox.txt", timeout: 15)
        try daemon.quiesce()
        // The inbox lock moved with the daemon into the new inbox (a second daemon is kept off it).
        let lock = try String(contentsOf: daemon.inbox.appendingPathComponent(InboxLock.fileName), encoding: .utf8)
        #expect(lock.trimmingCharacters(in: .whitespacesAndNewlines) == daemon.pid.map { "\($0)" })

        for name in ["left-behind.txt", "left-behind-later.txt"] {
            #expect(!daemon.exists(daemon.output.appendingPathComponent(name + ".json")), "\(name) was processed")
            #expect(daemon.exists(away.appendingPathComponent(name)), "\(name) was moved out of the renamed-away inbox")
            #expect(daemon.logLines(event: nil, path: name).isEmpty, "\(name) appears in the processing log")
        }
        let replaced = daemon.logLines(event: "rescan").filter { $0["result"] as? String == "root-replaced" }
        #expect(replaced.count >= 2, "expected a root-replaced rescan after each replacement, got \(replaced.count)")
        #expect(daemon.stop() == 0)
    }

    // MARK: 7. Crash and stop

    @Test(
        "7a. 200 files, SIGKILL half-way, restart: 200 whole documents, the ledger holds each content once, and only what had no ledger row is redone (fsync per document, and in batches of 16)",
        .timeLimit(.minutes(3)), arguments: [1, 16])
    func killHalfWayThenRestartLosesNothing(fsyncBatch: Int) throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan + ["--fsync-batch", "\(fsyncBatch)"])
        let body = String(repeating: "وأضاف المتحدث أن الوفد سيعود غدا إلى العاصمة لمواصلة المحادثات. ", count: 40)
        let inputs = (0..<200).map { Data((Articles.text("kill \($0)") + "\n\n" + body).utf8) }
        let hashes = Set(inputs.map(Articles.sha256))
        for (index, data) in inputs.enumerated() { try daemon.renameIn(data, as: "k\(index).txt") }

        #expect(daemon.waitUntil(timeout: 60) { daemon.logLines(event: "processed").count >= 100 })
        daemon.send(SIGKILL)
        #expect(daemon.waitForExit(timeout: 10) != nil)
        let documentsAtKill = daemon.documentPaths().count
        let linesBeforeRestart = daemon.rawLogLines().count
        let doneAtKill = Set((daemon.ledgerRows() ?? []).filter { $0.status == "done" }.map(\.sha256))
        print("kill: \(documentsAtKill) documents, \(doneAtKill.count) done in the ledger at SIGKILL")

        try daemon.restart()
        var documents = 0
        daemon.poll(timeout: 120, every: 0.2) {
            documents = daemon.documentPaths().count
            return documents >= 200 && daemon.inboxFiles().isEmpty
        }
        try daemon.quiesce("restart")
        #expect(documents == 200, "\(documents) documents for 200 inputs")
        #expect(daemon.tornOutputs().isEmpty, "torn or temporary outputs: \(daemon.tornOutputs())")
        let documentHashes = daemon.documentPaths().filter { $0.hasPrefix("k") }.compactMap { relative in
            let data = try? Data(contentsOf: daemon.output.appendingPathComponent(relative))
            let object = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            return (object?["source"] as? [String: Any])?["sha256"] as? String
        }
        #expect(Set(documentHashes) == hashes, "documents do not cover the 200 inputs")

        let rows = daemon.ledgerRows()
        #expect(rows != nil, "no readable ledger at state/ledger.sqlite (table inputs)")
        if let rows {
            let mine = rows.filter { hashes.contains($0.sha256) }
            #expect(mine.count == 200, "ledger has \(mine.count) rows for the 200 inputs")
            #expect(Set(mine.map(\.sha256)).count == mine.count, "ledger holds some content twice")
            #expect(
                mine.allSatisfy { $0.status == "done" },
                "ledger rows not done: \(mine.filter { $0.status != "done" }.prefix(3))")
        }
        let redone = daemon.rawLogLines().dropFirst(linesBeforeRestart).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["event"] as? String == "processed" && doneAtKill.contains($0["sha256"] as? String ?? "") }
        #expect(redone.isEmpty, "\(redone.count) inputs with a done ledger row were processed again after restart")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "7b. SIGTERM with 50 files in flight exits 0 within the stop timeout and leaves no torn output; a restart finishes the rest",
        .timeLimit(.minutes(2)))
    func sigtermDrainsInFlightWork() throws {
        let daemon = try DaemonHarness()
        let stopTimeout = 10.0
        try daemon.start(extraArguments: Self.noPeriodicRescan + ["--stop-timeout-seconds", "\(Int(stopTimeout))"])
        let body = String(repeating: "وأضاف المتحدث أن الوفد سيعود غدا إلى العاصمة لمواصلة المحادثات. ", count: 200)
        for index in 0..<50 {
            try daemon.renameIn(Data((Articles.text("term \(index)") + "\n\n" + body).utf8), as: "s\(index).txt")
        }
        #expect(daemon.waitUntil(timeout: 30) { !daemon.logLines(event: "processed").isEmpty })
        let processedAtSignal = daemon.logLines(event: "processed").count
        let signalled = Date()
        daemon.send(SIGTERM)
        let status = daemon.waitForExit(timeout: stopTimeout + 10)
        let elapsed = Date().timeIntervalSince(signalled)
        print(
            "SIGTERM: \(processedAtSignal) of 50 done at the signal; exit \(status.map(String.init) ?? "none") after \(String(format: "%.1f", elapsed)) s"
        )
        #expect(status == 0, "exit status \(status.map(String.init) ?? "none (still running)")")
        #expect(elapsed <= stopTimeout + 1, "took \(elapsed) s, stop timeout \(stopTimeout) s")
        #expect(daemon.tornOutputs().isEmpty, "torn or temporary outputs: \(daemon.tornOutputs())")
        let documents = daemon.documentPaths().count
        let left = daemon.inboxFiles().count
        #expect(documents + left == 50, "\(documents) documents + \(left) inputs left != 50")

        try daemon.restart()
        #expect(daemon.waitUntil(timeout: 60) { daemon.documentPaths().count >= 50 })
        #expect(daemon.documentPaths().count == 50)
        #expect(daemon.stop() == 0)
    }

    // MARK: 8. Unreadable inputs, churn

    @Test(
        "8a. an unreadable file (mode 000) and unreadable directories do not stop a good file behind them, and chmod gets the file processed",
        .timeLimit(.minutes(1)))
    func unreadableInputsDoNotStopTheFlow() throws {
        let user = try Privileges.userForPermissionTests()
        let daemon = try DaemonHarness()
        // An unreadable directory present at start-up...
        let lockedAtStart = daemon.inbox.appendingPathComponent("locked-at-start")
        try FileManager.default.createDirectory(at: lockedAtStart, withIntermediateDirectories: true)
        try Articles.data("locked at start").write(to: lockedAtStart.appendingPathComponent("inside.txt"))
        chmod(lockedAtStart.path, 0)
        try daemon.start(extraArguments: Self.noPeriodicRescan, asUser: user)
        print("unreadable inputs: daemon runs as uid \(user.map(String.init) ?? "\(geteuid()) (the test's own)")")

        // ...one that appears while running, and an unreadable file, then a good file.
        let lockedDirectory = daemon.staging.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: lockedDirectory, withIntermediateDirectories: true)
        try Articles.data("locked").write(to: lockedDirectory.appendingPathComponent("inside.txt"))
        chmod(lockedDirectory.path, 0)
        #expect(rename(lockedDirectory.path, daemon.inbox.appendingPathComponent("locked").path) == 0)
        let secret = daemon.staging.appendingPathComponent("secret")
        try Articles.data("secret").write(to: secret)
        chmod(secret.path, 0)
        let secretInInbox = daemon.inbox.appendingPathComponent("secret.txt")
        #expect(rename(secret.path, secretInInbox.path) == 0)
        try daemon.write(Articles.data("good"), as: "good.txt")

        _ = try daemon.document(for: "good.txt", timeout: 10)
        #expect(daemon.isRunning)
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "failed", path: "secret.txt").contains {
                    $0["result"] as? String == "unreadable"
                }
            }, "no failed/unreadable line for secret.txt")
        #expect(daemon.exists(secretInInbox), "the unreadable file must stay in the inbox")
        #expect(!daemon.exists(daemon.output.appendingPathComponent("secret.txt.json")))

        // Readable again: processed without a restart.
        chmod(secretInInbox.path, 0o644)
        let document = try daemon.document(for: "secret.txt", timeout: 10)
        #expect(
            (document["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(Articles.data("secret")))
        #expect(daemon.stop() == 0)
        chmod(lockedAtStart.path, 0o755)
        chmod(daemon.inbox.appendingPathComponent("locked").path, 0o755)
    }

    @Test(
        "8c. periodic rescans do not read an unreadable file again until its owner or mode changes",
        .timeLimit(.minutes(1)))
    func unreadableFileIsNotRetriedByEveryRescan() throws {
        let user = try Privileges.userForPermissionTests()
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: ["--rescan-interval-seconds", "1"], asUser: user)
        let secret = daemon.staging.appendingPathComponent("secret")
        try Articles.data("secret, rescanned").write(to: secret)
        chmod(secret.path, 0)
        let secretInInbox = daemon.inbox.appendingPathComponent("secret.txt")
        #expect(rename(secret.path, secretInInbox.path) == 0)
        func failures() -> Int { daemon.logLines(event: "failed", path: "secret.txt").count }
        #expect(daemon.waitUntil(timeout: 10) { failures() >= 1 }, "no failed line for secret.txt")
        let rescans = { daemon.logLines(event: "rescan").filter { $0["result"] as? String == "periodic" }.count }
        let before = rescans()
        #expect(daemon.waitUntil(timeout: 10) { rescans() >= before + 3 }, "fewer than three rescans in 10 s")
        #expect(failures() == 1, "the unreadable file was read again by rescans: \(failures()) failed lines")

        chmod(secretInInbox.path, 0o644)
        _ = try daemon.document(for: "secret.txt", timeout: 10)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "8b. a file created and removed 200 times in a row does not kill the loop",
        .timeLimit(.minutes(1)))
    func createRemoveChurnDoesNotKillTheLoop() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let churn = daemon.inbox.appendingPathComponent("churn.txt")
        for index in 0..<200 {
            try Articles.data("churn \(index)").write(to: churn)
            // ENOENT here means the daemon moved this version away (see 3b); not this test's subject.
            _ = unlink(churn.path)
        }
        try daemon.write(Articles.data("after churn"), as: "after-churn.txt")
        _ = try daemon.document(for: "after-churn.txt", timeout: 15)
        try daemon.quiesce()
        #expect(daemon.isRunning)
        #expect(
            !daemon.exists(daemon.failed.appendingPathComponent("churn.txt.error.json")),
            "a vanished file is not a failure")
        #expect(daemon.stop() == 0)
    }

    // MARK: 9. Symlinks, FIFOs, odd names

    @Test(
        "9. a symlink out of the inbox is not followed, a FIFO does not hang a worker, and names with byte 0xE9 or a newline get documents and one log line each",
        .timeLimit(.minutes(1)))
    func symlinksFifosAndOddNames() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let outside = daemon.root.appendingPathComponent("outside-secret.txt")
        let secret = Articles.data("outside the inbox")
        try secret.write(to: outside)
        #expect(symlink(outside.path, daemon.inbox.appendingPathComponent("link.txt").path) == 0)
        #expect(mkfifo(daemon.inbox.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let newline: [UInt8] = Array("a\nb.txt".utf8)
        try daemon.write(Articles.data("latin-1 name"), asBytes: latin1)
        try daemon.write(Articles.data("newline name"), asBytes: newline)
        try daemon.write(Articles.data("behind the fifo"), as: "good.txt")

        _ = try daemon.document(for: "good.txt", timeout: 10)
        let e9 = try daemon.document(for: "caf%E9.txt", timeout: 10)
        let nl = try daemon.document(for: "a%0Ab.txt", timeout: 10)
        #expect(
            (e9["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(Articles.data("latin-1 name")))
        #expect(
            (nl["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(Articles.data("newline name")))
        // The input moves after its document is durable: wait for the move.
        #expect(
            daemon.waitUntil(timeout: 10) { daemon.exists(in: daemon.archive, bytes: latin1) },
            "caf\\xE9.txt not archived under its own bytes")
        #expect(
            daemon.waitUntil(timeout: 10) { daemon.exists(in: daemon.archive, bytes: newline) },
            "a\\nb.txt not archived under its own bytes")

        // The symlink: a failure record, no document, and the target untouched.
        let linkRecord = daemon.failed.appendingPathComponent("link.txt.error.json")
        #expect(daemon.waitUntil(timeout: 10) { daemon.exists(linkRecord) }, "no error record for the symlink")
        let linkFailure =
            (try? JSONSerialization.jsonObject(with: Data(contentsOf: linkRecord))) as? [String: Any] ?? [:]
        #expect(linkFailure["code"] as? String == "symlink")
        #expect(!daemon.exists(daemon.output.appendingPathComponent("link.txt.json")), "the symlink was followed")
        #expect((try? Data(contentsOf: outside)) == secret, "the symlink's target outside the inbox was touched")
        let documents = daemon.documentPaths()
        #expect(
            !documents.contains { relative in
                let data = try? Data(contentsOf: daemon.output.appendingPathComponent(relative))
                let object = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
                return (object?["source"] as? [String: Any])?["sha256"] as? String == Articles.sha256(secret)
            }, "the content behind the symlink was read")

        // The FIFO: a failure record, and the daemon went on.
        let fifoRecord = daemon.failed.appendingPathComponent("pipe.txt.error.json")
        #expect(daemon.waitUntil(timeout: 10) { daemon.exists(fifoRecord) }, "no error record for the FIFO")
        let fifoFailure =
            (try? JSONSerialization.jsonObject(with: Data(contentsOf: fifoRecord))) as? [String: Any] ?? [:]
        #expect(fifoFailure["code"] as? String == "not-regular")

        // One log line each, and no forged lines.
        try daemon.quiesce()
        #expect(daemon.logLines(event: nil, path: "caf%E9.txt").count == 1)
        #expect(daemon.logLines(event: nil, path: "a%0Ab.txt").count == 1)
        let raw = daemon.rawLogLines()
        #expect(daemon.logEntries().count == raw.count, "a processing-log line is not JSON (forged by a name?)")
        let stderrLines = daemon.daemonStderr().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!stderrLines.contains { $0.hasPrefix("b.txt") }, "the newline in a name split a stderr line")
        #expect(daemon.stop() == 0)
    }

    // MARK: 10. Output not writable

    @Test(
        "9b. a 245-byte name gets a document under a fitted name; an output that clashes with a directory fails at once and holds nobody up",
        .timeLimit(.minutes(1)))
    func longNamesAndOutputClashes() throws {
        let daemon = try DaemonHarness()
        try daemon.start(extraArguments: Self.noPeriodicRescan)
        let long = String(repeating: "L", count: 241) + ".txt"
        try daemon.renameIn(Articles.data("long name"), as: long)
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "processed", path: long).contains {
                    ($0["output"] as? String)?.hasSuffix(".json") == true
                }
            }, "no document for the 245-byte name")

        // `x` gets x.json; then a directory x.json/ arrives: its document would need x.json/ as a directory.
        try daemon.renameIn(Articles.data("plain x"), as: "x")
        _ = try daemon.document(for: "x", timeout: 10)
        let staged = daemon.staging.appendingPathComponent("x.json")
        try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
        try Articles.data("inside x.json").write(to: staged.appendingPathComponent("y.txt"))
        #expect(rename(staged.path, daemon.inbox.appendingPathComponent("x.json").path) == 0)
        #expect(
            daemon.waitUntil(timeout: 10) {
                daemon.logLines(event: "failed", path: "x.json/y.txt").contains {
                    $0["result"] as? String == "output-write"
                }
            }, "the clashing output was not recorded as a failure")
        let start = Date()
        try daemon.renameIn(Articles.data("after the clash"), as: "after.txt")
        _ = try daemon.document(for: "after.txt", timeout: 10)
        #expect(Date().timeIntervalSince(start) < 2, "a later file was held up by the clash")
        #expect(daemon.logLines(event: "retry").isEmpty, "a permanent output error was retried")
        #expect(daemon.stop() == 0)
    }

    @Test(
        "10. while the output cannot be written there are no partial documents and the inputs stay; once writable again every input is processed without a restart",
        .timeLimit(.minutes(3)))
    func unwritableOutputHoldsInputsUntilItRecovers() throws {
        let daemon = try DaemonHarness()
        let names = (0..<5).map { "held\($0).txt" }
        var makeWritable: () -> Void = {}
        var mounted = false
        defer { if mounted { _ = Tool.run("/bin/umount", ["-l", daemon.output.path]) } }
        var filler: URL?
        if Privileges.isRoot {
            try FileManager.default.createDirectory(at: daemon.output, withIntermediateDirectories: true)
            mounted =
                Tool.run("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", daemon.output.path]).status == 0
        }
        print("unwritable output: \(mounted ? "full tmpfs" : "directory without write permission")")
        if mounted {
            // A full tiny tmpfs: ENOSPC on every write.
            try daemon.start(extraArguments: Self.noPeriodicRescan)
            let fill = daemon.output.appendingPathComponent("zz-filler")
            filler = fill
            let fd = open(fill.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            try #require(fd >= 0)
            let block = [UInt8](repeating: 0x20, count: 4096)
            while Glibc.write(fd, block, block.count) > 0 {}
            var byte: UInt8 = 0x20
            while Glibc.write(fd, &byte, 1) > 0 {}
            close(fd)
            makeWritable = { try? FileManager.default.removeItem(at: fill) }
        } else {
            // The unprivileged route: an output directory without write permission.
            let user = try Privileges.userForPermissionTests()
            try daemon.start(extraArguments: Self.noPeriodicRescan, asUser: user)
            chmod(daemon.output.path, 0o555)
            makeWritable = { chmod(daemon.output.path, 0o755) }
        }

        for (index, name) in names.enumerated() { try daemon.write(Articles.data("held \(index)"), as: name) }
        // Let every input meet the unwritable output at least once.
        let triedAll = daemon.waitUntil(timeout: 15) {
            names.allSatisfy { !daemon.logLines(event: "retry", path: $0).isEmpty }
        }
        #expect(triedAll, "not every input logged a retry while the output was unwritable")
        let partial = daemon.outputFiles().filter { $0 != "zz-filler" }
        #expect(partial.isEmpty, "outputs appeared while the output was unwritable: \(partial)")
        #expect(Set(daemon.inboxFiles()) == Set(names), "inputs left the inbox: \(daemon.inboxFiles())")
        #expect(daemon.files(under: daemon.failed).isEmpty, "a temporary failure went to failed/")

        makeWritable()
        var missing = names
        daemon.waitUntil(timeout: 90) {
            missing = missing.filter { !daemon.exists(daemon.output.appendingPathComponent($0 + ".json")) }
            return missing.isEmpty
        }
        #expect(missing.isEmpty, "not processed after the output became writable: \(missing)")
        #expect(daemon.isRunning, "the daemon did not survive the unwritable output")
        let fillerName = filler?.lastPathComponent ?? ""
        let torn = daemon.tornOutputs().filter { $0 != fillerName }
        #expect(torn.isEmpty, "torn or temporary outputs: \(torn)")
        #expect(daemon.waitUntil(timeout: 5) { daemon.inboxFiles().isEmpty }, "inputs not archived")
        #expect(daemon.stop() == 0)
    }

    // MARK: 11. inotify watch limit

    @Test(
        "11. an inotify watch limit exhausted at start-up exits non-zero with a message naming fs.inotify.max_user_watches",
        .timeLimit(.minutes(1)))
    func exhaustedWatchLimitFailsLoudly() throws {
        let knob = "/proc/sys/fs/inotify/max_user_watches"
        guard Privileges.isRoot else { try Test.cancel("needs root to lower \(knob)") }
        guard
            let original = (try? String(contentsOfFile: knob, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines), Int(original) != nil, access(knob, W_OK) == 0
        else { try Test.cancel("\(knob) is not writable here") }

        let daemon = try DaemonHarness()
        let limit = 10
        for index in 0..<(limit * 4) {
            try FileManager.default.createDirectory(
                at: daemon.inbox.appendingPathComponent("d\(index)"), withIntermediateDirectories: true)
        }
        // A user of its own, so that the count of watches in use is this daemon's alone.
        let user: uid_t? = Privileges.canRunDaemon(as: 64_321) ? 64_321 : nil

        var restored = false
        func restore() {
            guard !restored else { return }
            restored = (try? (original + "\n").write(toFile: knob, atomically: false, encoding: .utf8)) != nil
        }
        defer { restore() }
        try "\(limit)\n".write(toFile: knob, atomically: false, encoding: .utf8)
        try daemon.launch(extraArguments: Self.noPeriodicRescan, asUser: user)
        let status = daemon.waitForExit(timeout: 20)
        restore()
        let message = daemon.daemonStderr().split(separator: "\n").last { $0.contains("max_user_watches") }
        print(
            "watch limit \(limit) as uid \(user.map(String.init) ?? "0"): exit \(status.map(String.init) ?? "none"): \(message ?? "")"
        )
        #expect(restored, "could not restore \(knob) to \(original)")
        if status == nil { daemon.send(SIGKILL) }
        #expect(status != nil, "the daemon kept running on a partial watch")
        #expect(status.map { $0 != 0 } ?? false, "exit status \(status.map(String.init) ?? "none") is not a failure")
        #expect(
            daemon.daemonStderr().contains("fs.inotify.max_user_watches"),
            "stderr does not name fs.inotify.max_user_watches:\n\(daemon.daemonStderr())")
        #expect(!daemon.exists(daemon.state.appendingPathComponent("ready")), "the daemon declared itself ready")
    }
}
