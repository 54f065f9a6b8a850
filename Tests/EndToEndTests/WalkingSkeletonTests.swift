// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import TestSupport
import Testing

/// Issue 2, end to end: the real binary on temporary directories.
@Suite(.serialized)
struct WalkingSkeletonTests {
    @Test(
        "the sample dropped by write and by rename comes out as a document, and the input is archived",
        .enabled(if: SharedSample.runnable, SharedSample.skipMessage))
    func sampleBecomesDocument() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let sample = try SharedSample.data()
        let text = String(decoding: sample, as: UTF8.self)

        let dropped = Date()
        try daemon.write(sample, as: "written.txt")
        let written = try daemon.document(for: "written.txt", timeout: 5)
        let writeLatency = Date().timeIntervalSince(dropped)

        // Same content under another name, renamed in from outside the inbox. Content identity is
        // the same; the daemon still owes this path a document.
        let renamedAt = Date()
        try daemon.renameIn(sample + Data("\n".utf8), as: "renamed.txt")
        let renamed = try daemon.document(for: "renamed.txt", timeout: 5)
        let renameLatency = Date().timeIntervalSince(renamedAt)
        print("drop-to-document: write \(Int(writeLatency * 1000)) ms, rename \(Int(renameLatency * 1000)) ms")

        for document in [written, renamed] {
            #expect(document["schema_version"] as? Int == 1)
            #expect((document["language"] as? [String: Any])?["code"] as? String == "ar")
            #expect((document["paragraphs"] as? [Any])?.count == 10)
            let entities = document["entities"] as? [[String: Any]] ?? []
            func has(_ type: String, _ name: String) -> Bool {
                entities.contains { $0["type"] as? String == type && $0["canonical"] as? String == name }
            }
            #expect(has("PERSON", "أحمد المسماري"))
            #expect(has("PERSON", "خليفة حفتر"))
            #expect(has("LOCATION", "طرابلس"))
            #expect(has("LOCATION", "ليبيا"))
        }

        // Sentence boundaries fall where the text has end marks or line ends.
        #expect(written["text"] as? String == text)
        let scalars = Array(text.unicodeScalars)
        let sentences = (written["sentences"] as? [[String: Int]] ?? []).map { ($0["start"]!, $0["end"]!) }
        #expect(sentences.count >= 20)
        for (start, end) in sentences {
            let last = scalars[end - 1]
            let endsWithMark = ".!?؟".unicodeScalars.contains(last)
            let endsLine = end == scalars.count || scalars[end] == "\n"
            #expect(endsWithMark || endsLine, "sentence [\(start), \(end)) ends inside running text")
        }
        let starts = sentences.map { String(String.UnicodeScalarView(scalars[$0.0..<min($0.1, $0.0 + 6)])) }
        #expect(starts.contains("وفي ال"), "the full stop in `الليبية .وفي` ends a sentence")

        // The input moves once its document is durable, just after the document appears.
        for name in ["written.txt", "renamed.txt"] {
            let archived = daemon.waitUntil(timeout: 5) { daemon.exists(daemon.archive.appendingPathComponent(name)) }
            #expect(archived, "\(name) not archived")
        }
        #expect(!daemon.exists(daemon.inbox.appendingPathComponent("written.txt")))

        // The log line follows the document's rename: poll for it.
        var log: [[String: Any]] = []
        daemon.waitUntil(timeout: 5) {
            log = ((try? daemon.processingLog()) ?? []).filter { $0["event"] as? String == "processed" }
            return log.count == 2
        }
        #expect(log.count == 2)
        for line in log {
            for key in ["ts", "level", "event", "path", "sha256", "stage", "ms", "result"] {
                #expect(line[key] != nil, "processing log line lacks \(key)")
            }
        }
        let errors = SchemaValidator.errors(for: [
            daemon.output.appendingPathComponent("written.txt.json"),
            daemon.output.appendingPathComponent("renamed.txt.json"),
        ])
        #expect(errors.isEmpty, "\(errors)")
        #expect(daemon.stop() == 0)
    }

    @Test("an empty file and a binary file land in failed/ with an error record, and the daemon goes on")
    func badInputsFailAndTheRestFlows() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.write(Data(), as: "empty.txt")
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        png.append(Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        try daemon.renameIn(png, as: "image.txt")
        let records = [("empty.txt", "empty"), ("image.txt", "binary")]
        for (name, code) in records {
            let record = daemon.failed.appendingPathComponent(name + ".error.json")
            #expect(daemon.waitUntil(timeout: 5) { daemon.exists(record) }, "no error record for \(name)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any] ?? [:]
            #expect(json["stage"] as? String == "decode")
            #expect(json["code"] as? String == code)
            #expect((json["sha256"] as? String)?.count == 64)
            let moved = daemon.waitUntil(timeout: 5) { daemon.exists(daemon.failed.appendingPathComponent(name)) }
            #expect(moved, "\(name) not moved to failed/ after its record")
        }
        try daemon.write(Data("خبر قصير\n\nوصل الوفد إلى القاهرة اليوم. وبدأت المحادثات.".utf8), as: "good.txt")
        let document = try daemon.document(for: "good.txt", timeout: 5)
        #expect(document["title"] as? String == "خبر قصير")
        #expect((document["sentences"] as? [Any])?.count == 2)
        var failedLines: [[String: Any]] = []
        daemon.waitUntil(timeout: 5) {
            failedLines = ((try? daemon.processingLog()) ?? []).filter { $0["event"] as? String == "failed" }
            return failedLines.count == 2
        }
        #expect(Set(failedLines.compactMap { $0["result"] as? String }) == ["empty", "binary"])
        #expect(daemon.stop() == 0)
    }

    @Test("temporary and dot names are ignored until renamed to a plain name")
    func temporaryNamesWaitForTheirRename() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        // Distinct contents: identical content would be one content version, processed once.
        for (index, name) in [".hidden.txt", "x.part", "x.tmp", "x~", ".x.swp"].enumerated() {
            try daemon.write(Data("اجتمع الوزراء في الرياض لبحث الأزمة رقم \(index).".utf8), as: name)
        }
        try daemon.write(Data("وصل الوفد إلى جدة.".utf8), as: "marker.txt")
        _ = try daemon.document(for: "marker.txt")
        rename(daemon.inbox.appendingPathComponent("x.part").path, daemon.inbox.appendingPathComponent("x.txt").path)
        _ = try daemon.document(for: "x.txt")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: daemon.output.path).sorted()
        #expect(outputs == ["marker.txt.json", "x.txt.json"])
        #expect(daemon.stop() == 0)
    }

    @Test("watcherd process prints the same document for a file")
    func oneShotProcessPrintsDocument() throws {
        let daemon = try DaemonHarness()
        let file = daemon.staging.appendingPathComponent("a.txt")
        try Data("عنوان\n\nقال الرئيس إن الاجتماع في طرابلس ناجح.".utf8).write(to: file)
        let process = ChildProcess()
        process.executableURL = DaemonHarness.binary
        process.arguments = ["process", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let document = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        #expect(document["title"] as? String == "عنوان")
        #expect(document["text"] as? String == "قال الرئيس إن الاجتماع في طرابلس ناجح.")
        #expect(daemon.exists(file), "process must not move its input")
    }

    @Test("systemd-analyze verify accepts the unit template, paths filled in (InstallTests: the installed unit)")
    func unitFileVerifies() throws {
        let tool = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            print("note: systemd-analyze not installed; unit check skipped")
            return
        }
        let unit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("systemd/watcherd.service.in")
        // verify insists that ExecStart exists: point it at the binary under test. The man page is
        // not installed here (--man=no).
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "watcherd-\(UUID().uuidString).service")
        let text = try String(contentsOf: unit, encoding: .utf8)
            .replacingOccurrences(of: "@BINDIR@/watcherd", with: DaemonHarness.binary.path)
            .replacingOccurrences(of: "@CONFDIR@", with: "/etc/watcherd")
            .replacingOccurrences(of: "@DOCDIR@", with: "/usr/share/doc/watcherd")
        try text.write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        for arguments in [
            ["verify", "--man=no", copy.path], ["security", "--offline=yes", "--threshold=20", copy.path],
        ] {
            let process = ChildProcess()
            process.executableURL = tool
            process.arguments = arguments
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "systemd-analyze \(arguments[0]) failed: \(stderr)")
            if arguments[0] == "verify" { #expect(stderr.isEmpty, "systemd-analyze verify warned: \(stderr)") }
        }
    }
}
