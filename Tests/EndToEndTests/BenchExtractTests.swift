import Foundation
import Pipeline
import Testing

/// `watcherd bench-extract` (issue 5, extraction alone): the real binary on a directory holding the
/// sample article.
struct BenchExtractTests {
    /// Runs `bench-extract` with `arguments` and returns its exit status, stdout and stderr.
    static func benchExtract(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = DaemonHarness.binary
        process.arguments = ["bench-extract"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test(
        "bench-extract on the sample reports its file, bytes and the tokenizer's token count",
        .enabled(if: SharedSample.runnable, SharedSample.skipMessage))
    func sampleFigures() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "watcherd-bench-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = try SharedSample.data()
        try sample.write(to: directory.appendingPathComponent("libya-ceasefire-ar.txt"))

        // What the tokenizer cuts from the article as the daemon parses it.
        let parsed = ArticleParser.parse(try ArticleDecoder.decode([UInt8](sample)), fileExtension: "txt")
        let expectedTokens = Tokenizer().tokens(in: Array(parsed.text.unicodeScalars)).count
        #expect(expectedTokens > 100)

        for passes in [1, 3] {
            let run = try Self.benchExtract(["--files", directory.path, "--repeat", "\(passes)"])
            #expect(run.status == 0, "bench-extract failed: \(run.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
            #expect(report["files"] as? Int == 1)
            #expect(report["bytes"] as? Int == sample.count)
            #expect(report["repeat"] as? Int == passes)
            #expect(report["articles"] as? Int == passes)
            #expect(report["failed"] as? Int == 0)
            #expect(report["tokens"] as? Int == expectedTokens)
            let seconds = try #require(report["seconds"] as? Double)
            #expect(seconds > 0)
            let cpuSeconds = try #require(report["cpu_seconds"] as? Double)
            #expect(cpuSeconds > 0 && cpuSeconds <= seconds * 1.01)
            let articlesPerSecond = try #require(report["articles_per_s"] as? Double)
            #expect(abs(articlesPerSecond - Double(passes) / seconds) <= 0.1 + articlesPerSecond * 0.01)
            let tokensPerSecond = try #require(report["tokens_per_s"] as? Double)
            #expect(abs(tokensPerSecond - Double(expectedTokens * passes) / seconds) <= 0.1 + tokensPerSecond * 0.01)
            #expect((report["mb_per_s"] as? Double ?? 0) > 0)

            let stages = try #require(report["stages"] as? [String: [String: Double]])
            #expect(Set(stages.keys) == Set(ExtractionStage.allCases.map(\.name)))
            for stage in ["decode", "parse", "tokenise", "entities", "encode"] {
                #expect((stages[stage]?["ms"] ?? 0) > 0, "\(stage) took no time")
            }
            let shares = stages.values.reduce(0) { $0 + ($1["share"] ?? 0) }
            #expect(abs(shares - 1) < 0.01)
            let stageSeconds = stages.values.reduce(0) { $0 + ($1["ms"] ?? 0) } / 1000
            #expect(stageSeconds <= seconds * 1.001 && stageSeconds >= seconds * 0.5)
        }
    }

    @Test("bench-extract on a missing directory fails with a message")
    func missingDirectory() throws {
        let run = try Self.benchExtract(["--files", "/nonexistent/watcherd-bench-extract"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("/nonexistent/watcherd-bench-extract"))
        #expect(run.stdout.isEmpty)
    }
}
