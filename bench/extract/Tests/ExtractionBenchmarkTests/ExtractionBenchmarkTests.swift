// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArticleExtraction
import Foundation
import Testing

@testable import watcherd_bench_extract

/// The extraction benchmark on the seed article (read in place from ../shared/data).
struct ExtractionBenchmarkTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sample = checkout.deletingLastPathComponent().appendingPathComponent(
        "shared/data/samples/libya-ceasefire-ar.txt")
    static let runnable =
        FileManager.default.fileExists(atPath: sample.path) || ProcessInfo.processInfo.environment["CI"] != nil

    @Test(
        "the benchmark reports the files, bytes, the tokenizer's tokens and every step in running order",
        .enabled(if: runnable, "needs ../shared/data/samples/libya-ceasefire-ar.txt"))
    func reportFigures() throws {
        let extractor = try ArticleExtractorFactory.make(
            resourceDirectory: Self.checkout.appendingPathComponent("Sources/ArticleExtraction/Resources").path)
        let bytes = [UInt8](try Data(contentsOf: Self.sample))
        let parsed = try ArticleParser.parse(try ArticleDecoder.decode(bytes), fileExtension: "txt")
        let articles = [
            ExtractionBenchmark.Article(name: "a.txt", fileExtension: "txt", bytes: bytes, sha256: "0"),
            ExtractionBenchmark.Article(name: "empty.txt", fileExtension: "txt", bytes: [], sha256: "1"),
        ]
        let report = ExtractionBenchmark.run(articles, extractor: extractor, passes: 2)
        #expect(report.files == 2)
        #expect(report.bytes == bytes.count)
        #expect(report.passes == 2)
        #expect(report.articles == 4)
        #expect(report.failed == 1)
        #expect(report.tokens == Tokenizer().tokens(in: Array(parsed.text.unicodeScalars)).count)
        let steps = ["decode", "parse"] + extractor.analyzers.map(\.name) + ["encode"]
        #expect(report.stages.map(\.name) == steps)
        #expect(abs(report.stages.reduce(0) { $0 + $1.share } - 1) < 0.01)
        #expect(report.stages.allSatisfy { $0.ms > 0 })

        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(json["files"] as? Int == 2)
        #expect(json["repeat"] as? Int == 2)
        #expect(json["tokens"] as? Int == report.tokens)
        #expect((json["stages"] as? [String: Any])?.count == steps.count)
        let order = steps.compactMap { report.json.range(of: "\"\($0)\":{")?.lowerBound }
        #expect(order.count == steps.count && order == order.sorted(), "steps in running order")
    }
}
