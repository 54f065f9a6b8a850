// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Testing

@testable import ArticlePages

@Suite("Article page")
struct ArticlePageTests {
    static let text =
        "أعلن اللواء أحمد المسماري اليوم الخميس في طرابلس: «سنلتزم بوقف إطلاق النار». وقال المسماري إن الجيش الوطني الليبي مستعد."

    static func document() -> PageDocument {
        let text = Self.text
        let quote = PageFixtures.span(of: "«سنلتزم بوقف إطلاق النار»", in: text)
        let reported = PageFixtures.span(of: "الجيش الوطني الليبي مستعد", in: text)
        let date = PageFixtures.span(of: "اليوم الخميس", in: text)
        var document = PageFixtures.document(
            text: text,
            entities: [
                PageFixtures.entity("PERSON", "أحمد المسماري", in: text),
                PageFixtures.entity("LOCATION", "طرابلس", in: text),
                PageFixtures.entity("ORGANIZATION", "الجيش الوطني الليبي", in: text),
            ],
            quotes: [
                PageDocument.Quote(
                    speaker: "أحمد المسماري", speakerCanonical: "أحمد المسماري", speakerType: "PERSON", verb: "أعلن",
                    text: "«سنلتزم بوقف إطلاق النار»", start: quote.start, end: quote.end, direct: true),
                PageDocument.Quote(
                    speaker: "المسماري", speakerCanonical: "أحمد المسماري", speakerType: "PERSON", verb: "وقال",
                    text: "الجيش الوطني الليبي مستعد", start: reported.start, end: reported.end, direct: false),
            ],
            dates: [
                PageDocument.DateMention(
                    text: "اليوم الخميس", start: date.start, end: date.end, value: "2020-06-04", precision: "day",
                    calendar: "gregorian", relative: true)
            ])
        let second = PageFixtures.span(of: "المسماري إن", in: text)
        document.entities.append(
            PageDocument.Entity(
                type: "PERSON", text: "المسماري", start: second.start, end: second.start + 8, confidence: 0.5,
                canonical: "أحمد المسماري"))
        document.entityIndex[0].mentions = 2
        document.entityIndex[0].titles = ["اللواء"]
        document.sentences = [ScalarSpan(start: 0, end: 76), ScalarSpan(start: 77, end: text.unicodeScalars.count)]
        document.summary = [1]
        document.keywords = [PageDocument.Keyword(term: "وقف إطلاق النار", score: 3.25)]
        return document
    }

    @Test("entities by type, quotations with their speakers, dates with ISO value and calendar, hover titles")
    func highlights() {
        let html = ArticlePageRenderer().render(Self.document())
        #expect(html.components(separatedBy: "data-kind=\"entity\" data-type=\"PERSON\"").count - 1 == 2)
        #expect(html.components(separatedBy: "data-kind=\"entity\" data-type=\"LOCATION\"").count - 1 == 1)
        #expect(html.components(separatedBy: "data-kind=\"entity\" data-type=\"ORGANIZATION\"").count - 1 == 1)
        #expect(html.contains("title=\"PERSON · أحمد المسماري · confidence 0.88\""))
        #expect(html.contains("title=\"PERSON · أحمد المسماري · confidence 0.50\""))
        #expect(html.components(separatedBy: "data-kind=\"quote\" data-speaker=\"أحمد المسماري\"").count - 1 == 2)
        #expect(html.contains("<span class=\"who\" title=\"speaker\">أحمد المسماري</span>«سنلتزم"))
        #expect(html.contains("quotation · reported · speaker: أحمد المسماري · verb: وقال"))
        #expect(
            html.contains(
                "<time class=\"date\" data-kind=\"date\" title=\"date · 2020-06-04 · gregorian calendar · day · relative to the publication date\" datetime=\"2020-06-04\">اليوم الخميس</time>"
            ))
        // The organisation lies inside the reported quotation.
        #expect(html.contains("data-kind=\"quote\" data-speaker=\"أحمد المسماري\" title=\"quotation · reported"))
        #expect(html.contains("<li>وقال المسماري إن الجيش الوطني الليبي مستعد.</li>"))
        #expect(html.contains("title=\"score 3.250\">وقف إطلاق النار</bdi>"))
    }

    @Test("the panel lists the entity index, and its entries mark their mentions with :target")
    func panel() {
        let html = ArticlePageRenderer().render(Self.document())
        #expect(
            html.contains(
                "<i class=\"anchor\" id=\"e0\"></i><i class=\"anchor\" id=\"e1\"></i><i class=\"anchor\" id=\"e2\"></i>"
            ))
        #expect(
            html.contains(
                "<a href=\"#e0\" id=\"p0\" data-kind=\"index\" title=\"PERSON · 2 mentions\"><bdi>أحمد المسماري</bdi> <span class=\"muted\">×2 · <bdi>اللواء</bdi>"
            ))
        #expect(html.contains("#e0:target~.layout [data-e=\"0\"],#e0:target~.layout #p0,"))
        #expect(html.components(separatedBy: " data-e=\"0\">").count - 1 == 2)
        #expect(html.components(separatedBy: " data-e=\"2\">").count - 1 == 1)
    }

    @Test("a document written before dates, quotations, keywords, summary and published renders")
    func olderDocument() throws {
        let json = """
            {"schema_version":1,"id":"sha256:ab","source":{"path":"x.txt","name":"x.txt","bytes":3,"sha256":"ab",\
            "format":"plain","encoding":"utf-8","received_at":"2026-11-20T10:00:00Z"},\
            "language":{"code":"ar","script":"Arab","confidence":0.9},"title":null,"text":"زار ماكرون باريس",\
            "paragraphs":[{"start":0,"end":16}],"sentences":[{"start":0,"end":16}],\
            "entities":[{"type":"PERSON","text":"ماكرون","normalized":"ماكرون","start":4,"end":10,"confidence":0.9,\
            "canonical":"ماكرون"}],"numbers":[],"stats":{"characters":16,"words":3,"sentences":1,"paragraphs":1,\
            "arabic_ratio":1},"pipeline":{"version":"0.1","model":"m","normalization":"n","stage_ms":{}}}
            """
        let document = try JSONDecoder().decode(PageDocument.self, from: Data(json.utf8))
        #expect(document.dates.isEmpty && document.quotes.isEmpty && document.keywords.isEmpty)
        #expect(document.entityIndex.isEmpty && document.published == nil && document.metadata == .init())
        let html = ArticlePageRenderer().render(document)
        #expect(html.contains("زار <bdi class=\"ent per\""))
        #expect(html.contains("ماكرون</bdi> باريس"))
        #expect(html.contains("<title>x.txt</title>"))
        #expect(!html.contains("<h2>Quotations</h2>"))
        let record = try JSONDecoder().decode(DigestRecord.self, from: Data(json.utf8))
        #expect(record.quotes.isEmpty && record.keywords.isEmpty && record.receivedAt == "2026-11-20T10:00:00Z")
    }
}
