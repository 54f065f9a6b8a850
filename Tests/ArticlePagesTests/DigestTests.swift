// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Testing

@testable import ArticlePages

@Suite("Digest over an output tree")
struct DigestTests {
    /// 2026-12-01T06:00:00Z.
    static let now = ISOTimestamp.seconds("2026-12-01T06:00:00Z")!

    static func document(
        _ id: String, language: String, receivedAt: String, index: [(String, String, Int)]? = nil,
        quotes: [(String, String)]? = nil, keywords: [String]? = nil
    ) -> [String: Any] {
        var json: [String: Any] = [
            "schema_version": 1, "id": "sha256:\(id)", "title": "title \(id)", "text": "…",
            "source": ["path": "in/\(id).txt", "name": "\(id).txt", "received_at": receivedAt],
            "language": ["code": language, "script": "Arab", "confidence": 0.9], "entities": [],
        ]
        if let index {
            json["entity_index"] = index.map { ["canonical": $0.0, "type": $0.1, "mentions": $0.2, "titles": []] }
        }
        if let quotes {
            json["quotes"] = quotes.map {
                [
                    "speaker": $0.0, "speaker_canonical": $0.0, "speaker_type": $0.1, "verb": "قال",
                    "text": "كلام \($0.0)",
                    "start": 0, "end": 1, "direct": true,
                ]
            }
        }
        if let keywords { json["keywords"] = keywords.map { ["term": $0, "score": 1.0] } }
        return json
    }

    /// out/ with four documents (one written before quotes and keywords existed), a show page, a
    /// temporary dot-file, an undecodable file; failed/ with two failure records.
    static func makeTree() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("pages-digest-\(UUID().uuidString)")
        let out = base.appendingPathComponent("output")
        for directory in ["output/a", "output/b", "failed"] {
            try FileManager.default.createDirectory(
                at: base.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        func write(_ object: Any, _ path: String) throws {
            try JSONSerialization.data(withJSONObject: object).write(to: base.appendingPathComponent(path))
        }
        try write(
            document(
                "1", language: "ar", receivedAt: "2026-12-01T05:10:00Z",
                index: [("محمد", "PERSON", 3), ("الرياض", "LOCATION", 1), ("وزارة الصحة", "ORGANIZATION", 1)],
                quotes: [("محمد", "PERSON"), ("محمد", "PERSON")], keywords: ["النفط", "الأسعار"]),
            "output/a/1.txt.json")
        try Data("<html></html>".utf8).write(to: out.appendingPathComponent("a/1.txt.html"))
        try write(
            document(
                "2", language: "ar", receivedAt: "2026-12-01T05:40:00+00:00",
                index: [("محمد", "PERSON", 1), ("جدة", "LOCATION", 2)], quotes: [("وزارة الصحة", "ORGANIZATION")],
                keywords: ["النفط"]),
            "output/a/2.txt.json")
        try write(
            document(
                "3", language: "en", receivedAt: "2026-11-29T13:00:00+03:00", index: [("Obama", "PERSON", 2)],
                quotes: [("Obama", "PERSON")], keywords: ["oil"]),
            "output/b/3.txt.json")
        try write(document("4", language: "ar", receivedAt: "2026-12-01T02:00:00Z"), "output/b/4.txt.json")
        try write(document("5", language: "ar", receivedAt: "2026-12-01T02:00:00Z"), "output/b/.5.txt.json")
        try Data("{not json".utf8).write(to: out.appendingPathComponent("b/bad.json"))
        try write(
            ["path": "x.txt", "code": "undecodable", "failed_at": "2026-12-01T04:00:00Z"], "failed/x.txt.error.json")
        try write(["path": "y.txt", "code": "empty", "failed_at": "2026-11-28T04:00:00Z"], "failed/y.txt.error.json")
        return base
    }

    @Test("counts, rankings, speakers and links over the whole tree")
    func wholeTree() throws {
        let base = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: base) }
        let read = try DocumentTreeReader.read(root: base.appendingPathComponent("output").path, workers: 3)
        #expect(read.records.count == 4)
        #expect(read.unreadable == ["b/bad.json"])
        let failures = DocumentTreeReader.failures(in: base.appendingPathComponent("failed").path)
        let summary = DigestAggregator.summarize(
            read.records, failures: failures, unreadable: read.unreadable.count,
            period: DigestPeriod(from: nil, now: Self.now))
        #expect(summary.articles == 4 && summary.excluded == 0 && summary.unreadable == 1 && summary.failures == 2)
        #expect(summary.languages == [.init("ar", 3), .init("en", 1)])
        #expect(summary.failuresByCode == [.init("empty", 1), .init("undecodable", 1)])
        #expect(summary.persons.map(\.name) == ["محمد", "Obama"])
        #expect(summary.persons.first.map { ($0.articles, $0.mentions) } ?? (0, 0) == (2, 4))
        #expect(summary.places.map(\.name) == ["جدة", "الرياض"])
        #expect(summary.organisations.map(\.name) == ["وزارة الصحة"])
        #expect(summary.quotations == 4)
        #expect(summary.speakers.map(\.name) == ["محمد", "Obama", "وزارة الصحة"])
        #expect(summary.speakers.first.map { ($0.quotes, $0.articles) } ?? (0, 0) == (2, 1))
        #expect(summary.speakers.first?.topics == ["الأسعار", "النفط"])
        #expect(summary.speakers.first?.exampleArticle.showPagePath == ["a", "1.txt.html"])
        #expect(summary.recent.map(\.title) == ["title 2", "title 1", "title 4", "title 3"])

        let html = DigestPageRenderer(linkPrefix: [".."], rootLabel: "output").render(summary)
        #expect(html.contains("<span class=\"big\" data-count=\"articles\"><b>4</b>articles</span>"))
        #expect(html.contains("<a data-kind=\"show-link\" href=\"../a/1.txt.html\"><bdi>title 1</bdi></a>"))
        #expect(html.components(separatedBy: "data-kind=\"show-link\"").count - 1 == 2)  // list + speaker example
        #expect(html.contains("<svg class=\"bar\" width=\"120\" height=\"14\" role=\"img\" aria-label=\"2\">"))
    }

    @Test("--since keeps the documents received in the period, and the failures recorded in it")
    func since() throws {
        let base = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: base) }
        let read = try DocumentTreeReader.read(root: base.appendingPathComponent("output").path)
        let failures = DocumentTreeReader.failures(in: base.appendingPathComponent("failed").path)
        let period = try #require(DigestPeriod.since("24h", now: Self.now))
        #expect(period.from == Self.now - 86_400)
        let summary = DigestAggregator.summarize(read.records, failures: failures, period: period)
        #expect(summary.articles == 3 && summary.excluded == 1 && summary.failures == 1)
        #expect(summary.persons.map(\.name) == ["محمد"])
        #expect(summary.speakers.map(\.name) == ["محمد", "وزارة الصحة"])
        let timeline = try #require(summary.timeline)
        #expect(timeline.bucketSeconds == 3600 && timeline.start == Self.now - 86_400 && timeline.counts.count == 25)
        #expect(timeline.counts[20] == 1 && timeline.counts[23] == 2 && timeline.counts.reduce(0, +) == 3)

        let sinceDay = try #require(DigestPeriod.since("2026-11-29", now: Self.now))
        #expect(DigestAggregator.summarize(read.records, period: sinceDay).articles == 4)
        let sinceHour = try #require(DigestPeriod.since("2026-11-29T11:00:01+01:00", now: Self.now))
        #expect(DigestAggregator.summarize(read.records, period: sinceHour).articles == 3)
        #expect(DigestPeriod.since("yesterday", now: Self.now) == nil)
        #expect(DigestPeriod.since("90m", now: Self.now)?.from == Self.now - 5400)
        #expect(DigestPeriod.since("2w", now: Self.now)?.from == Self.now - 14 * 86_400)
    }

    @Test("ISO 8601 times as the documents write them")
    func timestamps() {
        #expect(ISOTimestamp.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(ISOTimestamp.seconds("2026-11-29T10:04:43.120Z") == 1_795_946_683)
        #expect(ISOTimestamp.seconds("2015-07-21T02:51:32+03:00") == 1_437_436_292)
        #expect(ISOTimestamp.seconds("2015-08-10") == 1_439_164_800)
        #expect(ISOTimestamp.seconds("2015-08-10T18:00") == 1_439_229_600)
        #expect(ISOTimestamp.seconds("2015-13-10") == nil)
        #expect(ISOTimestamp.seconds("10 اغسطس 2015") == nil)
        #expect(ISOTimestamp.format(1_795_946_683) == "2026-11-29T10:04Z")
    }

    @Test("links from the page's directory to the output root")
    func relativePaths() {
        #expect(RelativePath.components(from: "/srv/out", to: "/srv/out") == [])
        #expect(RelativePath.components(from: "/srv/pages", to: "/srv/out") == ["..", "out"])
        #expect(RelativePath.components(from: "/tmp", to: "/srv/out/x") == ["..", "srv", "out", "x"])
    }
}
