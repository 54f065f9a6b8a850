// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArticleExtraction
import Foundation
import SystemPackage
import Testing

@testable import Pipeline

/// The read and extract stages as `watcherd process` runs them.
struct OneShotProcessorTests {
    static let extractor = try? ArticleExtractorFactory.make(
        resourceDirectory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ArticleExtraction/Resources").path)

    private func document(_ name: String, _ content: String) throws -> Result<ArticleDocument, ArticleFailure> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("oneshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        // Close-on-exec, so that a child another test spawns meanwhile does not hold it open for
        // writing (which the read stage's lease check reports as `busy`); a fork caught between
        // the open and the exec holds it for a moment, so `busy` is polled away.
        let fd = try FileDescriptor.open(
            FilePath(url.path), .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: .ownerReadWrite)
        try fd.closeAfter { _ = try fd.writeAll(Array(content.utf8)) }
        let extractor = try #require(Self.extractor)
        let deadline = Date().addingTimeInterval(20)
        while true {
            let result = OneShotProcessor.document(for: FilePath(url.path), extractor: extractor)
            if case .failure(let failure) = result, failure.code == .busy, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            return result
        }
    }

    @Test("a JSON article's url, published, source and lang reach the document's metadata")
    func jsonMetadata() throws {
        let json = #"""
            {"title": "هدنة", "body": "أعلن المتحدث وقف إطلاق النار.", "url": "https://example.org/a",
             "published": "2020-06-04", "source": {"name": "وكالة"}, "lang": "ar"}
            """#
        let document = try document("a.json", json).get()
        #expect(
            document.metadata
                == .init(url: "https://example.org/a", published: "2020-06-04", source: "وكالة", lang: "ar"))
        #expect(document.title == "هدنة")
        #expect(document.source.format == "json")
    }

    @Test("an HTML page records its rule in source.extraction and its JSON-LD metadata; plain text has no rule")
    func htmlExtractionRule() throws {
        let html = """
            <html lang="ar" dir="rtl"><head><title>هدنة - الموقع</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"هدنة في طرابلس",
            "datePublished":"2020-06-04","author":{"@type":"Person","name":"سالم"}}</script></head>
            <body><nav><a href="/">الرئيسية</a></nav><article><h1>هدنة في طرابلس</h1>
            <p>أعلن المتحدث باسم الحكومة وقف إطلاق النار في طرابلس اعتبارا من منتصف الليل، وفق بيان رسمي.</p>
            </article><footer>جميع الحقوق محفوظة</footer></body></html>
            """
        let document = try document("a.html", html).get()
        #expect(document.source.format == "html")
        #expect(document.source.extraction == "article-element")
        #expect(
            document.text
                == "أعلن المتحدث باسم الحكومة وقف إطلاق النار في طرابلس اعتبارا من منتصف الليل، وفق بيان رسمي.")
        #expect(document.metadata?.author == "سالم")
        #expect(document.metadata?.published == "2020-06-04")
        #expect(try self.document("a.txt", "عنوان\n\nنص.").get().source.extraction == nil)
        #expect(FailureCode(ArticleParseError.Code.parseTimeout) == .parseTimeout)
        #expect(FailureCode(ArticleParseError.Code.parseWorkLimit).rawValue == "parse-work-limit")
    }

    @Test("stage_ms holds read, decode, parse, every analyzer by name, and extract")
    func stageTimings() throws {
        let document = try document("a.txt", "عنوان\n\nنص المقال في طرابلس.").get()
        let names = try #require(Self.extractor).analyzers.map(\.name)
        #expect(document.pipeline.stageMs.names == ["read", "decode", "parse"] + names + ["extract"])
        #expect(document.metadata == nil)
    }

    @Test("an undecodable input fails with its typed code and the decode stage")
    func typedFailure() throws {
        switch try document("e.txt", " \n") {
        case .success: Issue.record("a blank file must fail")
        case .failure(let failure):
            #expect(failure.code == .empty && failure.stage == .decode)
            #expect(failure.description.hasPrefix("decode/empty: "))
        }
    }
}
