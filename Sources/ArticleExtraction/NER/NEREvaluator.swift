// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Measures a recogniser on an IOB2 corpus the way users get its output (`watcherd ner eval`):
/// consecutive sentences make one document (one sentence per line, tokens joined by a space,
/// ``CorpusDocument``), each document goes through the same ``ArticleExtractor`` the daemon runs,
/// and the document's entity spans are mapped back onto the corpus tokens they overlap. Spans are
/// then scored against the gold tags with conlleval's rules (``ConllScorer``), sentence by
/// sentence.
///
/// Corpus tokens keep their proclitics (`بواشنطن B-LOC`) where the document's spans do not
/// (`واشنطن`): mapping by overlap makes them the same span.
public enum NEREvaluator {
    /// - Parameters:
    ///   - training: the training file's sentences, for the recall on spans never seen there;
    ///     `nil` skips it.
    public static func evaluate(
        _ sentences: [IOB2Sentence], extractor: ArticleExtractor, sentencesPerDocument: Int = 20,
        training: [IOB2Sentence]? = nil
    ) -> NEREvaluation {
        var evaluation = NEREvaluation()
        let seen = training.map(TrainingStrings.init)
        for document in CorpusDocument.documents(sentences, sentencesPerDocument: sentencesPerDocument) {
            let article = extractor.extract(
                ParsedArticle(title: nil, text: document.text, format: .plain),
                source: .init(
                    path: "eval", name: "eval", bytes: document.text.utf8.count,
                    sha256: String(repeating: "0", count: 64), format: "plain", encoding: "utf-8", receivedAt: "")
            ).document
            evaluation.model = article.pipeline.model
            let entities = article.entities.compactMap { entity -> (EntityType, ScalarRange, Double)? in
                EntityType(rawValue: entity.type).map {
                    ($0, ScalarRange(start: entity.start, end: entity.end), entity.confidence)
                }
            }
            let (predicted, owners) = document.tagsAndOwners(forSpans: entities.map { ($0.0, $0.1) })
            evaluation.documents += 1
            for k in document.sentences.indices {
                let range = document.sentenceStarts[k]..<document.sentenceStarts[k + 1]
                let gold = Array(document.goldTags[range])
                let guess = Array(predicted[range])
                evaluation.sentences += 1
                evaluation.scorer.add(gold: gold, predicted: guess)
                let goldSpans = IOB2Span.spans(in: gold)
                let guessSpans = Set(IOB2Span.spans(in: guess))
                let goldSet = Set(goldSpans)
                for span in IOB2Span.spans(in: guess) {
                    let owner = owners[range.lowerBound + span.start]
                    let confidence = owner >= 0 ? entities[owner].2 : 0
                    evaluation.predictions.append((confidence, goldSet.contains(span)))
                }
                if let seen {
                    let tokens = document.sentences[k].tokens
                    for span in goldSpans {
                        let words = Array(tokens[span.start..<span.end])
                        let found = guessSpans.contains(span)
                        if !seen.occurs(words) {
                            evaluation.unseenGold += 1
                            if found { evaluation.unseenFound += 1 }
                        }
                        if !seen.isEntity(words) {
                            evaluation.neverEntityGold += 1
                            if found { evaluation.neverEntityFound += 1 }
                        }
                    }
                }
            }
        }
        return evaluation
    }

    /// Hashes of every token n-gram of the training file (n up to ``maxLength``) and of its gold
    /// entity strings.
    struct TrainingStrings {
        static let maxLength = 16
        private var ngrams = Set<UInt64>()
        private var entities = Set<UInt64>()

        init(_ sentences: [IOB2Sentence]) {
            for sentence in sentences {
                let hashes = sentence.tokens.map { FeatureHash.word($0) }
                for i in hashes.indices {
                    var h = FeatureHash.offsetBasis
                    for j in i..<min(i + Self.maxLength, hashes.count) {
                        h = FeatureHash.combine(h, hashes[j])
                        ngrams.insert(h)
                    }
                }
                for span in IOB2Span.spans(in: sentence.tags) {
                    entities.insert(Self.hash(hashes[span.start..<span.end]))
                }
            }
        }

        private static func hash(_ words: ArraySlice<UInt64>) -> UInt64 {
            words.reduce(FeatureHash.offsetBasis) { FeatureHash.combine($0, $1) }
        }

        /// Whether `words` occur in this order anywhere in the training file.
        func occurs(_ words: [String]) -> Bool {
            words.count > Self.maxLength
                ? false : ngrams.contains(Self.hash(ArraySlice(words.map { FeatureHash.word($0) })))
        }

        /// Whether `words` are a gold entity's string in the training file.
        func isEntity(_ words: [String]) -> Bool {
            entities.contains(Self.hash(ArraySlice(words.map { FeatureHash.word($0) })))
        }
    }
}
