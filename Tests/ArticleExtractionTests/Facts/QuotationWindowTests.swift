// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// Long inputs are resolved window by window (``QuotationWindows``), so that quotation finding
/// stays linear in the input's length; an article short enough is one window.
struct QuotationWindowTests {
    static let tokenizer = Tokenizer()

    /// `count` paragraphs of `words` words each, and their tokens and paragraph ranges.
    static func text(paragraphs count: Int, words: Int) -> (tokens: [Token], paragraphs: [ScalarRange]) {
        let paragraph = Array(repeating: "كلمة", count: words).joined(separator: " ")
        let text = Array(repeating: paragraph, count: count).joined(separator: "\n")
        let scalars = ScalarText.scalars(of: text)
        let length = paragraph.unicodeScalars.count
        let ranges = (0..<count).map { ScalarRange(start: $0 * (length + 1), end: $0 * (length + 1) + length) }
        return (tokenizer.tokens(in: scalars), ranges)
    }

    @Test("a text within the limit is one window")
    func oneWindow() {
        let (tokens, paragraphs) = Self.text(paragraphs: 3, words: 10)
        #expect(QuotationWindows.windows(tokens, paragraphs: paragraphs, limit: 30) == [0..<30])
    }

    @Test("a longer text is cut at paragraph starts, each window within the limit, covering every token once")
    func paragraphCuts() {
        let (tokens, paragraphs) = Self.text(paragraphs: 7, words: 10)
        #expect(
            QuotationWindows.windows(tokens, paragraphs: paragraphs, limit: 25) == [0..<20, 20..<40, 40..<60, 60..<70])
        #expect(QuotationWindows.windows(tokens, paragraphs: paragraphs, limit: 30) == [0..<30, 30..<60, 60..<70])
    }

    @Test("a paragraph longer than the limit is cut at the limit")
    func longParagraph() {
        let (tokens, paragraphs) = Self.text(paragraphs: 2, words: 25)
        #expect(
            QuotationWindows.windows(tokens, paragraphs: paragraphs, limit: 10) == [
                0..<10, 10..<20, 20..<25, 25..<35, 35..<45, 45..<50,
            ])
    }

    @Test("an input of many articles gives each article's quotations, in order, with their speakers")
    func longInput() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let article = """
            وقال الناطق باسم الجيش أحمد المسماري، الخميس، إن الوضع هادئ.
            وأكد محمد العتيبي أن المشروع اكتمل بنسبة كبيرة.
            """
        let one = ExtractionFixtures.document(article, published: "2020-06-04", extractor: extractor)
        #expect(one.quotes.map(\.speakerCanonical) == ["أحمد المسماري", "محمد العتيبي"])
        // Each article is about 25 tokens: 600 of them are about two windows' worth.
        let copies = 600
        let long = Array(repeating: article, count: copies).joined(separator: "\n")
        let document = ExtractionFixtures.document(long, published: "2020-06-04", extractor: extractor)
        #expect(document.quotes.count == 2 * copies)
        #expect(
            document.quotes.map(\.speakerCanonical)
                == Array(repeating: ["أحمد المسماري", "محمد العتيبي"], count: copies).flatMap { $0 })
        let length = article.unicodeScalars.count + 1
        let shifted = (0..<copies).flatMap { n in one.quotes.map { $0.start + n * length } }
        #expect(document.quotes.map(\.start) == shifted)
    }
}
