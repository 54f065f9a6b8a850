// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// The publication date: metadata in its common forms, else a dateline, else the arrival time.
struct PublicationDateTests {
    @Test(
        "metadata dates in ISO 8601 and common forms give the day as written and an ISO text",
        arguments: [
            ("2020-06-04", "2020-06-04", "2020-06-04"),
            ("2015-07-21 02:51:32", "2015-07-21", "2015-07-21T02:51:32"),
            ("2015-07-21T02:51:32Z", "2015-07-21", "2015-07-21T02:51:32Z"),
            ("2015-07-21T23:51:32.120+03:00", "2015-07-21", "2015-07-21T23:51:32+03:00"),
            ("Tue, 21 Jul 2015 02:51:32 +0300", "2015-07-21", "2015-07-21T02:51:32+03:00"),
            ("July 21, 2015", "2015-07-21", "2015-07-21"),
            ("21/07/2015", "2015-07-21", "2015-07-21"),
            ("2015/07/21", "2015-07-21", "2015-07-21"),
            ("21 يوليو 2015", "2015-07-21", "2015-07-21"),
            ("1437436292", "2015-07-20", "2015-07-20T23:51:32Z"),
            ("1437436292000", "2015-07-20", "2015-07-20T23:51:32Z"),
        ])
    func metadataForms(text: String, day: String, iso: String) throws {
        let parsed = try #require(PublicationDateParser.parse(text))
        #expect(parsed.day.isoDay == day)
        #expect(parsed.iso == iso)
    }

    @Test("text that is not a date is not parsed", arguments: ["", "yesterday", "2015-13-40", "قريبا"])
    func notDates(text: String) {
        #expect(PublicationDateParser.parse(text) == nil)
    }

    static func source(receivedAt: String) -> ArticleDocument.Source {
        ArticleDocument.Source(
            path: "a.txt", name: "a.txt", bytes: 1, sha256: String(repeating: "0", count: 64), format: "plain",
            encoding: "utf-8", receivedAt: receivedAt)
    }

    @Test("metadata wins over a dateline, a dateline over the arrival time; relative dates follow it")
    func precedence() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let text = "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\nوصل الوفد أمس إلى المدينة."
        let received = Self.source(receivedAt: "2026-11-29T10:04:43.120Z")

        let withMetadata = extractor.extract(
            ParsedArticle(title: nil, text: text, format: .json, published: "2015-08-12"), source: received
        ).document
        #expect(withMetadata.published == .init(value: "2015-08-12", source: .metadata))
        #expect(withMetadata.dates.last?.value == "2015-08-11")

        let withDateline = extractor.extract(ParsedArticle(title: nil, text: text, format: .plain), source: received)
            .document
        #expect(withDateline.published == .init(value: "2015-08-10", source: .dateline))
        #expect(withDateline.dates.map(\.value) == ["2015-08-10", "2015-08-10", "2015-08-09"])

        let plain = extractor.extract(
            ParsedArticle(title: nil, text: "وصل الوفد أمس إلى المدينة.", format: .plain), source: received
        ).document
        #expect(plain.published == .init(value: "2026-11-29T10:04:43.120Z", source: .received))
        #expect(plain.dates.map(\.value) == ["2026-11-28"])
    }

    @Test("a date further into the first paragraph is not a dateline")
    func notADateline() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let text = "قال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن الاتفاق الموقع في 10 أغسطس 2015 سيطبق."
        let document = extractor.extract(
            ParsedArticle(title: nil, text: text, format: .plain),
            source: Self.source(receivedAt: "2026-11-29T10:04:43Z")
        ).document
        #expect(document.published?.source == .received)
    }
}
