// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import TestSupport
import Testing

@testable import ArticleExtraction

/// The seed article's hand-checked expectations for quotations, dates and numbers
/// (`samples/libya-ceasefire-ar.expected.json`), with its publication date 2020-06-04 as metadata.
@Suite(.enabled(if: SharedData.runnable, SharedData.skipMessage))
struct SampleArticleTests {
    struct Expected: Decodable {
        struct Quote: Decodable {
            var speaker: String
            var verbs: [String]
        }
        struct Date: Decodable {
            var text: String
            var value: String?
        }
        var quotes: [Quote]
        var dates: [Date]
        var numbers: [String]
    }

    static func load() throws -> (ArticleDocument, Expected) {
        let extractor = try #require(ExtractionFixtures.extractor)
        let text = String(decoding: try SharedData.bytes(SharedData.sample), as: UTF8.self)
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(try SharedData.bytes("samples/libya-ceasefire-ar.expected.json")))
        return (ExtractionFixtures.document(text, published: "2020-06-04", extractor: extractor), expected)
    }

    /// The verb forms a quotation counts for: its own verb, and for a participle (وطالب … مشيرا إلى
    /// أن) the finite verb of saying whose clause it continues, earlier in the same sentence.
    static func verbs(of quote: ArticleDocument.Quote, in document: ArticleDocument) -> [String] {
        let normalizer = ArabicNormalizer()
        var verbs = [normalizer.normalize(quote.verb)]
        if let sentence = document.sentences.first(where: { $0.start <= quote.verbStart && quote.verbStart < $0.end }) {
            let before = ScalarText.scalars(of: document.text)[sentence.start..<quote.verbStart]
            verbs += normalizer.normalize(scalars: before).split(separator: " ").map(String.init)
        }
        return verbs
    }

    @Test("each listed speaker has a quotation introduced by one of the listed verbs")
    func quotes() throws {
        let (document, expected) = try Self.load()
        let normalizer = ArabicNormalizer()
        for item in expected.quotes {
            let forms = Set(item.verbs.map { normalizer.normalize($0) })
            let matching = document.quotes.filter { q in
                q.speakerCanonical == item.speaker
                    && Self.verbs(of: q, in: document).contains { v in
                        forms.contains(v) || forms.contains(where: { v == "و" + $0 || v == "ف" + $0 })
                    }
            }
            #expect(!matching.isEmpty, "no quotation by \(item.speaker) with \(item.verbs)")
        }
    }

    @Test("each listed date is found with its value")
    func dates() throws {
        let (document, expected) = try Self.load()
        for item in expected.dates {
            #expect(
                document.dates.contains { $0.text == item.text && $0.value == item.value },
                "\(item.text) = \(item.value ?? "null") not in \(document.dates.map { "\($0.text)=\($0.value ?? "nil")" })"
            )
        }
    }

    @Test("each listed number expression is found")
    func numbers() throws {
        let (document, expected) = try Self.load()
        for item in expected.numbers {
            #expect(document.numbers.contains { $0.text == item }, "\(item) not in \(document.numbers.map(\.text))")
        }
    }
}
