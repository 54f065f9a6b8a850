import ArabicText
import Foundation
import TestSupport
import Testing

@testable import ArticleExtraction

/// The metered extraction path and the extraction benchmark, on the seed article.
struct ExtractionBenchmarkTests {
    static let input: (bytes: [UInt8], parsed: ParsedArticle)? = {
        guard let bytes = try? SharedData.bytes(SharedData.sample), let decoded = try? ArticleDecoder.decode(bytes)
        else { return nil }
        return (bytes, ArticleParser.parse(decoded, fileExtension: "txt"))
    }()

    @Test(
        "a metered extraction builds the same document, charges every extractor stage and counts the tokens",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func meteredDocumentIsTheSame() throws {
        let extractor = try #require(EntityRecognizerTests.extractor)
        let (_, parsed) = try #require(Self.input)
        let input = ArticleExtractor.Input(
            text: parsed.text, title: parsed.title, format: parsed.format.rawValue, encoding: "utf-8",
            sourcePath: "s.txt", sourceName: "s.txt", bytes: 1, sha256: String(repeating: "0", count: 64),
            receivedAt: "", stageMs: [:])
        var meter = ExtractionMeter()
        let metered = extractor.document(for: input, meter: &meter)
        #expect(metered == extractor.document(for: input))
        #expect(meter.tokens == extractor.tokenizer.tokens(in: Array(parsed.text.unicodeScalars)).count)
        for stage in ExtractionStage.allCases {
            let charged = meter[stage] > 0
            #expect(charged == !([.decode, .parse, .encode] as Set).contains(stage), "\(stage.name)")
        }
        #expect(meter.totalNanoseconds == meter.nanoseconds.reduce(0, +))
    }

    @Test("a meter that is off records nothing")
    func offMeterRecordsNothing() {
        var meter = ExtractionMeter.off
        meter.lap(.tokenise)
        meter.count(tokens: 5)
        #expect(!meter.isRunning)
        #expect(meter.totalNanoseconds == 0)
        #expect(meter.tokens == 0)
    }

    @Test(
        "the benchmark reports the files, bytes, tokens and a share for every stage",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func reportFigures() throws {
        let extractor = try #require(EntityRecognizerTests.extractor)
        let (bytes, parsed) = try #require(Self.input)
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
        #expect(report.tokens == extractor.tokenizer.tokens(in: Array(parsed.text.unicodeScalars)).count)
        #expect(report.stages.map(\.stage) == ExtractionStage.allCases)
        #expect(abs(report.stages.reduce(0) { $0 + $1.share } - 1) < 0.01)
        #expect(report.stages.allSatisfy { $0.ms > 0 })

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(json["files"] as? Int == 2)
        #expect(json["repeat"] as? Int == 2)
        #expect(json["tokens"] as? Int == report.tokens)
        #expect((json["stages"] as? [String: Any])?.count == ExtractionStage.allCases.count)
        let order = ExtractionStage.allCases.compactMap { report.json.range(of: "\"\($0.name)\":{")?.lowerBound }
        #expect(order.count == ExtractionStage.allCases.count && order == order.sorted(), "stages in running order")
    }
}
