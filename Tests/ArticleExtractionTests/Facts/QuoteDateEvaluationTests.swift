// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import TestSupport
import Testing

@testable import ArticleExtraction

/// The scorer on the hand-labelled set (`eval/quotes-dates/labels.jsonl`, 32 SaudiNewsNet articles),
/// as `watcherd eval quotes-dates` runs it; floors a little below the figures measured when the
/// analyzers were written (quotations F1 0.989, speakers 0.896, dates F1 0.988, values 1.000).
@Suite(.enabled(if: SharedData.runnable, SharedData.skipMessage))
struct QuoteDateEvaluationTests {
    static let labels: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Facts
        .deletingLastPathComponent()  // ArticleExtractionTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("eval/quotes-dates/labels.jsonl")

    @Test("quotations, speakers and dates stay above their floors")
    func floors() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let scorer = QuoteDateScorer(extractor: extractor)
        var report = QuoteDateReport()
        let lines = try String(contentsOf: Self.labels, encoding: .utf8).split(separator: "\n")
        for line in lines where !line.isEmpty {
            let record = try JSONDecoder().decode(QuoteDateLabels.self, from: Data(line.utf8))
            let bytes = try SharedData.bytes(SharedData.saudiNewsNet + "/" + record.file)
            let article = try ArticleParser.parse(try ArticleDecoder.decode(bytes), fileExtension: "txt")
            report.articles += 1
            scorer.score(scorer.document(for: record, article: article), against: record, into: &report)
        }
        #expect(report.articles == 32)
        #expect(report.quotes.labelled == 262)
        #expect(report.dates.labelled == 175)
        #expect(report.quotes.f1 >= 0.95, "\(report.summary)")
        #expect(report.speakerAccuracy >= 0.86, "\(report.summary)")
        #expect(report.dates.f1 >= 0.95, "\(report.summary)")
        #expect(report.dateValueAccuracy >= 0.96, "\(report.summary)")
    }
}
