// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

/// `watcherd ner eval` (issue 10): the real binary on a small hand-made IOB2 file.
struct NEREvalCommandTests {
    static let file = """
        وقال O
        اللواء O
        أحمد B-PERS
        المسماري I-PERS
        في O
        القاهرة B-LOC
        إن O
        قوات O
        بغداد B-LOC
        . O

        وزار O
        الوفد O
        بغداد B-LOC
        ولندن B-LOC
        مع O
        مجلس B-ORG
        الأمن I-ORG

        """

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = ChildProcess()
        process.executableURL = DaemonHarness.binary
        process.arguments = ["ner", "eval"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test("ner eval prints conlleval figures of the chosen recogniser on the file")
    func smallFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("watcherd-ner-eval-\(UUID()).txt")
        try Self.file.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        // The gazetteer rules find the titled person, the four listed places (بغداد after قوات
        // too, and ولندن without its و) and the listed organisation head phrase.
        let rules = try Self.run([path.path, "--recognizer", "gazetteer", "--train", "/nonexistent"])
        #expect(rules.status == 0, "\(rules.stderr)")
        #expect(rules.stdout.contains("recogniser gazetteer-rules-1, 20 sentences per document"))
        #expect(rules.stdout.contains("documents 1, sentences 2"))
        #expect(
            rules.stdout.contains("PERS   precision 100.00  recall 100.00  F1 100.00  (correct 1, predicted 1, gold 1)")
        )
        #expect(
            rules.stdout.contains(
                "LOC    precision 100.00  recall 100.00  F1 100.00  (correct 4, predicted 4, gold 4)"),
            "LOC: \(rules.stdout)")
        #expect(rules.stdout.contains("micro  precision"))
        let perSentence = try Self.run([path.path, "--recognizer", "gazetteer", "--sentences-per-document", "1"])
        #expect(perSentence.stdout.contains("documents 2, sentences 2"))
        // The default recogniser is the shipped model.
        let trained = try Self.run([path.path, "--train", "/nonexistent"])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.contains("recogniser perceptron-ner-1"), "\(trained.stdout)")
        #expect(trained.stdout.contains("documents 1, sentences 2"))
        let missing = try Self.run(["/nonexistent/file.txt"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("ner-io"))
    }
}
