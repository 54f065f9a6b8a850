// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// Long inputs are tagged window by window (``PerceptronEntityRecognizer/windowLimit``,
/// ``TokenWindows``), so that the tagger's working memory is bounded by a window; an article is
/// one window and keeps its mentions.
struct NERWindowTests {
    static let article = """
        أعلن الناطق باسم قوات القيادة العامة، اللواء أحمد المسماري، اليوم الخميس، إعادة تمركز القوات خارج العاصمة طرابلس.
        وأكد المسماري في بيان أن الوزير سامح شكري التقى رئيس الحكومة في القاهرة.
        """

    @Test("windows are packed greedily at the allowed cuts, each within the limit, covering every token once")
    func packing() {
        #expect(TokenWindows.windows(count: 30, cuts: [10, 20], limit: 30) == [0..<30])
        #expect(TokenWindows.windows(count: 70, cuts: [20, 40, 60], limit: 25) == [0..<20, 20..<40, 40..<60, 60..<70])
        #expect(
            TokenWindows.windows(count: 70, cuts: [10, 20, 30, 40, 50, 60], limit: 30) == [0..<30, 30..<60, 60..<70])
        // A stretch longer than the limit is cut at the limit.
        #expect(
            TokenWindows.windows(count: 50, cuts: [25], limit: 10) == [
                0..<10, 10..<20, 20..<25, 25..<35, 35..<45, 45..<50,
            ])
        #expect(TokenWindows.windows(count: 0, cuts: [], limit: 10) == [0..<0])
    }

    @Test("an input of several articles tagged one article per window gives each article's own mentions, shifted")
    func windowedMentions() throws {
        let recognizer = try ShippedModel.recognizer.get()
        let tokenizer = Tokenizer()
        let oneScalars = ScalarText.scalars(of: Self.article)
        let oneTokens = tokenizer.tokens(in: oneScalars)
        let one = recognizer.mentions(in: oneTokens, scalars: oneScalars)
        #expect(one.contains { $0.type == .person && $0.canonical == "أحمد المسماري" })
        #expect(one.contains { $0.type == .location && $0.canonical == "طرابلس" })

        let copies = 5
        let long = Array(repeating: Self.article, count: copies).joined(separator: "\n")
        let scalars = ScalarText.scalars(of: long)
        let tokens = tokenizer.tokens(in: scalars)
        #expect(tokens.count == copies * oneTokens.count)
        let windowed = recognizer.mentions(in: tokens, scalars: scalars, windowLimit: oneTokens.count)
        let shift = oneScalars.count + 1
        let expected = (0..<copies).flatMap { k in
            one.map { m in
                "\(m.type) \(m.range.start + k * shift)..<\(m.range.end + k * shift) \(m.canonical) \(m.title ?? "-") \(m.confidence)"
            }
        }
        let got = windowed.map { m in
            "\(m.type) \(m.range.start)..<\(m.range.end) \(m.canonical) \(m.title ?? "-") \(m.confidence)"
        }
        #expect(got == expected)
    }
}
