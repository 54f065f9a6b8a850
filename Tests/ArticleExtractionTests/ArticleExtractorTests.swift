// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import Synchronization
import Testing

@testable import ArticleExtraction

/// The extractor runs its analyzers in order, times each by name, and assembles the document.
struct ArticleExtractorTests {
    /// A clock that advances by `step` nanoseconds at every reading.
    static func tickingClock(step: UInt64) -> StageClock {
        let reading = Mutex<UInt64>(0)
        return StageClock {
            reading.withLock { now in
                now += step
                return now
            }
        }
    }

    /// Records its name in the document title, so that the order of runs shows.
    struct Marker: ArticleAnalyzer {
        let name: String
        func analyze(_ analysis: inout ArticleAnalysis) {
            analysis.document.title = (analysis.document.title ?? "") + name
        }
    }

    @Test("analyzers run in order; each is charged its own time by name, and extract is their sum")
    func orderAndTimings() {
        let extractor = ArticleExtractor(
            analyzers: [Marker(name: "a"), Marker(name: "b"), Marker(name: "c")],
            clock: Self.tickingClock(step: 1_500_000))
        let extraction = extractor.extract(
            ParsedArticle(title: nil, text: "نص", format: .plain), source: ExtractionFixtures.source,
            stageMs: ["read": 0.25, "decode": 0.5])
        #expect(extraction.document.title == "abc")
        #expect(extraction.timings.stages.map(\.name) == ["a", "b", "c"])
        #expect(extraction.timings.stages.map(\.nanoseconds) == [1_500_000, 1_500_000, 1_500_000])
        #expect(
            extraction.document.pipeline.stageMs == [
                "read": 0.25, "decode": 0.5, "a": 1.5, "b": 1.5, "c": 1.5, "extract": 4.5,
            ])
    }

    @Test("the factory's list, in order, and the recogniser's name in pipeline.model")
    func factoryList() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        #expect(
            extractor.analyzers.map(\.name) == [
                "segment", "tokens", "entities", "published", "quotes", "dates", "numbers", "keywords", "summary",
                "language", "statistics",
            ])
        let document = ExtractionFixtures.document("قال أحمد المسماري في طرابلس إن 5 جنود وصلوا.", extractor: extractor)
        #expect(document.pipeline.model == "gazetteer-rules-1")
        #expect(document.pipeline.normalization == "ar-norm-v1")
        #expect(document.entities.map(\.text) == ["أحمد المسماري", "طرابلس"])
        #expect(document.numbers.map(\.value) == [5])
        #expect(document.sentences.count == 1)
        #expect(document.stats.words == 8)
        #expect(document.language.code == "ar")
        // The default configuration runs the trained model over the same list.
        let trained = try #require(ExtractionFixtures.defaultExtractor)
        #expect(trained.analyzers.map(\.name) == extractor.analyzers.map(\.name))
        let tagged = ExtractionFixtures.document("قال أحمد المسماري في طرابلس إن 5 جنود وصلوا.", extractor: trained)
        #expect(tagged.pipeline.model.hasPrefix("perceptron-ner-1"))
        #expect(tagged.entities.map(\.text) == ["أحمد المسماري", "طرابلس"])
        #expect(tagged.entities.map(\.type) == ["PERSON", "LOCATION"])
    }

    @Test("the input's metadata reaches the document; absent and empty keys are omitted")
    func metadataKept() throws {
        let extractor = ArticleExtractor(analyzers: [])
        let article = ParsedArticle(
            title: "t", text: "x", format: .html, url: "https://example.org/a", published: "2020-06-04T10:00:00Z",
            source: "", lang: nil)
        let document = extractor.extract(article, source: ExtractionFixtures.source).document
        #expect(
            document.metadata
                == ArticleDocument.Metadata(url: "https://example.org/a", published: "2020-06-04T10:00:00Z"))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any]
        #expect(
            json?["metadata"] as? [String: String] == [
                "url": "https://example.org/a", "published": "2020-06-04T10:00:00Z",
            ])

        let bare = extractor.extract(
            ParsedArticle(title: nil, text: "x", format: .plain), source: ExtractionFixtures.source)
        #expect(bare.document.metadata == nil)
        #expect(!String(decoding: try JSONEncoder().encode(bare.document), as: UTF8.self).contains("metadata"))
    }

    @Test("an article with no words still gets a document with empty lists")
    func emptyText() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let document = ExtractionFixtures.document("", extractor: extractor)
        #expect(document.entities.isEmpty && document.sentences.isEmpty && document.numbers.isEmpty)
        #expect(document.stats.characters == 0)
        #expect(document.language.code == "und")
    }
}
