// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArticleExtraction

/// The scorer's matching rule and the loose speaker comparison.
struct QuoteDateScorerTests {
    @Test("pairs are one-to-one by overlap, the largest overlap first; touching spans do not overlap")
    func pairs() {
        let pairs = QuoteDateScorer.pairs([0..<10, 8..<20, 30..<40], [5..<15, 40..<45])
        #expect(pairs.map { [$0.0, $0.1] } == [[1, 0]])
    }

    @Test("speaker names match loosely: normalised, titles dropped, the words of one among the other's")
    func names() {
        let m = SpeakerNameMatcher()
        #expect(m.matches("الجبير", "عادل بن أحمد الجبير"))
        #expect(m.matches("الشيخ عبدالعزيز آل الشيخ", "عبدالعزيز بن عبدالله آل الشيخ"))
        #expect(m.matches("الحذيفى", "عبده الحذيفي"))
        #expect(m.matches("الدكتور زهير الحارثي", "زهير الحارثي"))
        #expect(m.matches("عبد الله البدري", "عبدالله البدري"))
        #expect(!m.matches("سيرجي لافروف", "عادل بن أحمد الجبير"))
        #expect(!m.matches("بن", "عادل بن أحمد الجبير"))
        #expect(!m.matches(nil, "الجبير"))
    }

    @Test("the report's figures: precision, recall, F1 and accuracies from the counts")
    func report() {
        var r = QuoteDateReport()
        r.quotes = .init(predicted: 10, labelled: 8, matched: 6)
        r.speakersCorrect = 3
        #expect(r.quotes.precision == 0.6)
        #expect(r.quotes.recall == 0.75)
        #expect(abs(r.quotes.f1 - 2 * 0.6 * 0.75 / 1.35) < 1e-12)
        #expect(r.speakerAccuracy == 0.5)
        #expect(QuoteDateReport().quotes.f1 == 0)
    }
}
