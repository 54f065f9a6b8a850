// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import Testing

@testable import ArticleExtraction

/// Keyword terms, the document-frequency table, TF-IDF choice and the summary.
struct KeywordTests {
    static let tokenizer = Tokenizer()

    static func tokens(_ text: String) -> [Token] { tokenizer.tokens(in: ScalarText.scalars(of: text)) }

    @Test("terms are stems of content words and adjacent pairs; function words and verbs of saying are left out")
    func terms() {
        var keys: [String] = []
        KeywordTerms.keys(KeywordTerms.words(Self.tokens("وقال إن الحكومة الليبية في طرابلس"))) { key, _, _ in
            keys.append(key)
        }
        #expect(keys == ["حكوم", "حكوم ليب", "ليب", "طرابلس"])  // الليبية: light10 takes يه
    }

    @Test("the table round-trips through its file form; smoothed IDF; a malformed line fails with its number")
    func table() throws {
        var counter = DocumentFrequencyCounter()
        counter.add(Self.tokens("الحكومة الليبية"))
        counter.add(Self.tokens("الحكومة المصرية"))
        counter.add(Self.tokens("الحكومة"))
        let table = counter.table(minimumWord: 1, minimumPair: 1)
        #expect(table.documents == 3)
        #expect(table.counts["حكوم"] == 3)
        #expect(table.counts["حكوم ليب"] == 1)
        let parsed = try DocumentFrequencies.parse(table.serialized(comment: ["test"]), path: "t.tsv")
        #expect(parsed == table)
        #expect(abs(parsed.idf("حكوم") - 1.0) < 1e-12)
        #expect(abs(parsed.idf("غائب") - (log(4.0) + 1)) < 1e-12)
        #expect(throws: ResourceError.self) {
            try DocumentFrequencies.parse("# documents\t3\nبلا عدد\n", path: "t.tsv")
        }
        #expect(throws: ResourceError.self) { try DocumentFrequencies.parse("حكوم\t3\n", path: "t.tsv") }
    }

    @Test("the shipped table is the SaudiNewsNet one and stays under 5 MiB")
    func shippedTable() throws {
        let table = try DocumentFrequencies.load(from: ExtractionFixtures.resourceDirectory)
        #expect(table.documents > 30_000)
        #expect(table.counts.count > 50_000)
        let size = try FileManagerSize.bytes(
            ExtractionFixtures.resourceDirectory + "/keywords/document-frequencies.tsv")
        #expect(size < 5 << 20)
    }

    @Test("keywords: rare repeated terms and entities first, a phrase replaces its words, scores finite and positive")
    func keywords() throws {
        // The verb رحبت and the adjective الليبية are common in the background; صامدة is in none of it.
        let welcomed = try #require(KeywordTerms.words(Self.tokens("ورحبت")).first?.key.string)
        let table = DocumentFrequencies(
            documents: 1000, counts: ["حكوم": 500, "وفاق": 20, "حكوم وفاق": 10, "ليب": 300, welcomed: 50, "هدن": 5])
        let extractor = KeywordExtractor(frequencies: table, limit: 3)
        let text = "أعلنت حكومة الوفاق الهدنة. وقالت حكومة الوفاق إن الهدنة صامدة. ورحبت الحكومة الليبية بالهدنة."
        let (keywords, weights) = extractor.keywords(
            tokens: Self.tokens(text), scalars: ScalarText.scalars(of: text), mentions: [])
        #expect(keywords.map(\.term) == ["الهدنة", "حكومة الوفاق", "صامدة"])
        #expect(keywords.allSatisfy { $0.score.isFinite && $0.score > 0 })
        #expect(keywords.map(\.score) == keywords.map(\.score).sorted(by: >))
        #expect(weights["هدن"] != nil)
    }

    @Test("the summary takes the best sentences in text order, never a dateline or a caption")
    func summary() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let text = """
            الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس
            أعلنت وزارة الصحة إطلاق حملة وطنية للتطعيم ضد الحصبة في جميع مناطق المملكة خلال الأسبوع المقبل.
            وقال وكيل الوزارة إن حملة التطعيم تستهدف مليوني طفل في المدارس والمراكز الصحية.
            صورة من الحملة
            وأضاف أن فرق التطعيم ستزور المدارس والمراكز الصحية في القرى والمدن طوال أيام الحملة.
            وكانت الوزارة قد نفذت حملة مماثلة العام الماضي شملت المدارس في المدن الكبيرة.
            """
        let document = ExtractionFixtures.document(text, extractor: extractor)
        #expect(document.sentences.count == 6)
        #expect(document.summary.count == 3)
        #expect(!document.summary.contains(0))  // the dateline
        #expect(!document.summary.contains(3))  // the caption
        #expect(document.summary.contains(1))  // the lead
        #expect(document.summary == document.summary.sorted())
    }
}
