// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import TestSupport
import Testing

@testable import ArticleExtraction

/// The evaluation path on a small hand-made IOB2 file, with a recogniser whose answers are known.
@Suite("NER evaluation through the document path")
struct NEREvaluatorTests {
    /// Tags every occurrence of the listed words (whole tokens or inside them) with their type.
    struct ListRecognizer: EntityRecognizing {
        let words: [(String, EntityType, Double)]
        var model: String { "list-1" }
        func mentions(in tokens: [Token], scalars: [Unicode.Scalar]) -> [EntityMention] {
            var found: [EntityMention] = []
            for (word, type, confidence) in words {
                let w = Array(word.unicodeScalars)
                var i = 0
                while i + w.count <= scalars.count {
                    if Array(scalars[i..<(i + w.count)]) == w {
                        found.append(
                            EntityMention(
                                type: type, range: ScalarRange(start: i, end: i + w.count), confidence: confidence,
                                canonical: word, title: nil))
                        i += w.count
                    } else {
                        i += 1
                    }
                }
            }
            return found.sorted { $0.range.start < $1.range.start }
        }
    }

    static let file = """
        وقال O
        جورج B-PERS
        بوش I-PERS
        بواشنطن B-LOC
        إن O
        الأمم B-ORG
        المتحدة I-ORG
        . O

        وزار O
        بوش B-PERS
        باريس B-LOC
        وعمان B-LOC
        """

    @Test("spans found in the text are scored on the corpus tokens they overlap, sentence by sentence")
    func counts() throws {
        let sentences = try IOB2Corpus.parse(Self.file)
        // واشنطن (inside بواشنطن) is right; بوش alone is right in sentence 2 but wrong in sentence 1
        // (gold is جورج بوش); الأمم alone is too short; عمان is right (inside وعمان); باريس is missed.
        let recognizer = ListRecognizer(words: [
            ("بوش", .person, 0.9), ("واشنطن", .location, 0.8), ("الأمم", .organization, 0.4),
            ("عمان", .location, 0.95),
        ])
        let extractor = try ArticleExtractorFactory.make(
            recognizer: recognizer, resourceDirectory: ExtractionFixtures.resourceDirectory)
        for perDocument in [1, 20] {
            let evaluation = NEREvaluator.evaluate(
                sentences, extractor: extractor, sentencesPerDocument: perDocument, training: sentences)
            #expect(evaluation.documents == (perDocument == 1 ? 2 : 1))
            #expect(evaluation.sentences == 2)
            #expect(evaluation.scorer.counts(.person) == .init(correct: 1, predicted: 2, gold: 2))
            #expect(evaluation.scorer.counts(.location) == .init(correct: 2, predicted: 2, gold: 3))
            #expect(evaluation.scorer.counts(.organization) == .init(correct: 0, predicted: 1, gold: 1))
            #expect(evaluation.scorer.micro == .init(correct: 3, predicted: 5, gold: 6))
            // Confidences travel with the spans: 0.9 wrong, 0.8 right, 0.4 wrong, 0.9 right, 0.95 right.
            let bands = evaluation.bands([0, 0.5, 0.85, 1])
            #expect(bands.map(\.count) == [1, 1, 3])
            #expect(bands.map(\.correct) == [0, 1, 2])
            // Every gold string occurs in the "training" file (the same one).
            #expect(evaluation.unseenGold == 0)
        }
        let unseen = NEREvaluator.evaluate(
            sentences, extractor: extractor, training: [IOB2Sentence(tokens: ["بوش"], tags: [.begin(.person)])])
        // Of the six gold spans only بوش (sentence 2) occurs in that training file; found: 2 of 5.
        #expect(unseen.unseenGold == 5)
        #expect(unseen.unseenFound == 2)
        #expect(unseen.neverEntityGold == 5)
    }
}
