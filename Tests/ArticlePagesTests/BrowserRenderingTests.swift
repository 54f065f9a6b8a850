// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Foundation
import Pipeline
import SystemPackage
import TestSupport
import Testing

@testable import ArticlePages

/// The pages as a browser reads them: headless Chromium loads each page, the tests count in the
/// DOM it serialises, and screenshots go to `.build/pages-screenshots/`.
@Suite("Pages in headless Chromium", .serialized)
struct BrowserRenderingTests {
    static let extractor = try? ArticleExtractorFactory.make(
        resourceDirectory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ArticleExtraction/Resources").path)

    static func pageDocument(_ path: String) throws -> PageDocument {
        let result = OneShotProcessor.document(for: FilePath(path), extractor: try #require(extractor))
        let bytes = try ExtractStage.encode(try result.get())
        return try JSONDecoder().decode(PageDocument.self, from: Data(bytes))
    }

    static func write(_ html: String, _ name: String) throws -> URL {
        let url = Chromium.outputDirectory.appendingPathComponent(name)
        try Data(html.utf8).write(to: url)
        return url
    }

    @Test(
        "the sample article's page: entities by type, quotations with speakers, right to left",
        .enabled(if: SharedData.runnable && Chromium.runnable, SharedData.skipMessage))
    func samplePage() throws {
        let document = try Self.pageDocument(try SharedData.require(SharedData.sample).path)
        let page = try Self.write(ArticlePageRenderer().render(document), "sample-article.html")
        let dom = try Chromium.dumpDOM(page)
        #expect(dom.contains("<html lang=\"ar\" dir=\"rtl\">"))
        let count = document.text.unicodeScalars.count
        for kind in EntityKind.allCases {
            let expected = document.entities.filter {
                EntityKind(type: $0.type) == kind && $0.start >= 0 && $0.start < $0.end && $0.end <= count
            }.count
            let found = try Chromium.matches(
                "<bdi class=\"ent \(kind.cssClass)\" data-kind=\"entity\" data-type=\"[A-Z]+\"", in: dom
            ).count
            #expect(found == expected, "\(kind.rawValue): \(found) highlighted, \(expected) in the document")
        }
        #expect(document.entities.count > 20)
        let speakers = try Chromium.matches("<span class=\"q\" data-kind=\"quote\" data-speaker=\"([^\"]*)\"", in: dom)
        let expectedSpeakers = document.quotes.filter { $0.start >= 0 && $0.start < $0.end && $0.end <= count }
            .map { $0.speakerName ?? "" }
        #expect(speakers.sorted() == expectedSpeakers.sorted())
        #expect(speakers.contains("أحمد المسماري"))
        let labels = try Chromium.matches("<span class=\"who\" title=\"speaker\">([^<]*)</span>", in: dom)
        #expect(labels.count == expectedSpeakers.count)
        try Chromium.screenshot(
            page, to: Chromium.outputDirectory.appendingPathComponent("sample-article.png"), size: (1400, 2000))
        let first = try #require(document.entityIndex.firstIndex { $0.type == "PERSON" })
        try Chromium.screenshot(
            page, fragment: "#e\(first)",
            to: Chromium.outputDirectory.appendingPathComponent("sample-article-selected.png"), size: (1400, 1100))
    }

    @Test(
        "a hostile title and text run nothing (and the same payload unescaped does run: the check can fail)",
        .enabled(if: Chromium.runnable, "needs chromium"))
    func hostilePage() throws {
        let payload =
            "<script>document.body.setAttribute('data-pwned','script')</script>"
            + "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
            + "<a id=jl href=\"javascript:document.body.setAttribute('data-pwned','link')\">x</a>"
            + "<svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>"
        let text = "قال الوزير \(payload) في باريس"
        let document = PageFixtures.document(
            text: text, title: payload,
            entities: [PageFixtures.entity("LOCATION", "باريس", in: text, canonical: payload)],
            url: "javascript:document.body.setAttribute('data-pwned','url')")
        let page = try Self.write(ArticlePageRenderer().render(document), "hostile-article.html")
        let dom = try Chromium.dumpDOM(page)
        #expect(!dom.contains("data-pwned=\""))
        #expect(try Chromium.matches("<(script|img|svg)[ >]", in: dom).isEmpty)
        #expect(try Chromium.matches("<a [^>]*href=\"javascript:", in: dom).isEmpty)
        #expect(dom.contains("&lt;script&gt;document.body.setAttribute('data-pwned','script')&lt;/script&gt;"))
        // Positive control: the browser does run such a payload when it is not escaped.
        let raw = try Self.write("<!doctype html><html><body><p>x</p>\(payload)</body></html>", "hostile-control.html")
        #expect(try Chromium.dumpDOM(raw).contains("data-pwned=\""))
    }

    @Test(
        "a digest of 1,000 SaudiNewsNet documents: counts, rankings and show links in the DOM",
        .enabled(if: SharedData.runnable && Chromium.runnable, SharedData.skipMessage))
    func digestOfThousand() throws {
        let corpus = try SharedData.require(SharedData.saudiNewsNet)
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
            .filter { $0 != "SOURCE.txt" }.sorted()
        #expect(names.count == 1000)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pages-digest1000-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let extractor = try #require(Self.extractor)
        for (i, name) in names.enumerated() {
            let document = try OneShotProcessor.document(
                for: FilePath(corpus.appendingPathComponent(name).path), extractor: extractor
            ).get()
            try Data(try ExtractStage.encode(document)).write(to: out.appendingPathComponent(name + ".json"))
            // Show pages beside the ten newest documents (the article list keeps the newest 300).
            if i >= names.count - 10 {
                try Data("<html></html>".utf8).write(to: out.appendingPathComponent(name + ".html"))
            }
        }
        let read = try DocumentTreeReader.read(root: out.path)
        #expect(read.records.count == 1000 && read.unreadable.isEmpty)
        let summary = DigestAggregator.summarize(
            read.records, period: DigestPeriod(from: nil, now: Int(Date().timeIntervalSince1970)))
        let page = try Self.write(
            DigestPageRenderer(linkPrefix: [], rootLabel: "saudinewsnet (1,000)").render(summary), "digest-1000.html")
        let dom = try Chromium.dumpDOM(page)
        #expect(dom.contains("<span class=\"big\" data-count=\"articles\"><b>1000</b>articles</span>"))
        #expect(dom.contains("<span class=\"big\" data-count=\"quotes\"><b>\(summary.quotations)</b>quotations</span>"))
        #expect(summary.quotations > 100 && summary.persons.count == DigestAggregator.rankLimit)
        #expect(
            try Chromium.matches("<svg class=\"bar\"", in: dom).count
                == summary.persons.count + summary.places.count + summary.organisations.count + summary.speakers.count)
        #expect(try Chromium.matches("data-kind=\"show-link\"", in: dom).count >= 10)
        let speakerRows = try Chromium.matches("<tr data-speaker=\"([^\"]*)\"", in: dom)
        #expect(speakerRows == summary.speakers.map(\.name))
        try Chromium.screenshot(
            page, to: Chromium.outputDirectory.appendingPathComponent("digest-1000.png"), size: (1400, 2400))
    }
}
