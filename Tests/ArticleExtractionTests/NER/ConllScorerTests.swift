// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import TestSupport
import Testing

@testable import ArticleExtraction

@Suite("conlleval scoring")
struct ConllScorerTests {
    /// Two sentences with gold and predicted tags side by side (a hand-made conlleval input).
    /// Sentence 1: gold PERS(0-2) LOC(3) ORG(5-7); predicted PERS(0-2) right, LOC(3) as ORG,
    /// ORG(5-6) too short. Sentence 2: gold MISC(0) LOC(2); predicted MISC(0) right, LOC(2)
    /// right, and a PERS(4) that is not gold.
    static let file = """
        جورج B-PERS B-PERS
        بوش I-PERS I-PERS
        في O O
        واشنطن B-LOC B-ORG
        مع O O
        الأمم B-ORG B-ORG
        المتحدة I-ORG O
        . O O

        الأولمبياد B-MISC B-MISC
        في O O
        بكين B-LOC B-LOC
        قال O O
        أحمد O B-PERS
        """

    @Test("counts, precision, recall and F1 per class and micro-averaged match the hand count")
    func handCounted() throws {
        var scorer = ConllScorer()
        for block in Self.file.split(separator: "\n\n") {
            let rows = block.split(separator: "\n").map { $0.split(separator: " ") }
            scorer.add(
                gold: rows.map { EntityTag(label: $0[1])! }, predicted: rows.map { EntityTag(label: $0[2])! })
        }
        #expect(scorer.counts(.person) == .init(correct: 1, predicted: 2, gold: 1))
        #expect(scorer.counts(.location) == .init(correct: 1, predicted: 1, gold: 2))
        #expect(scorer.counts(.organization) == .init(correct: 0, predicted: 2, gold: 1))
        #expect(scorer.counts(.misc) == .init(correct: 1, predicted: 1, gold: 1))
        let micro = scorer.micro
        #expect(micro == .init(correct: 3, predicted: 6, gold: 5))
        #expect(micro.precision == 0.5)
        #expect(micro.recall == 0.6)
        #expect(abs(micro.f1 - 6.0 / 11.0) < 1e-12)
        #expect(scorer.tokens == 13)
        #expect(scorer.correctTokens == 10)
        #expect(
            scorer.report.contains("micro  precision 50.00  recall 60.00  F1 54.55  (correct 3, predicted 6, gold 5)"))
        #expect(ConllScorer.Counts().f1 == 0)
    }
}
