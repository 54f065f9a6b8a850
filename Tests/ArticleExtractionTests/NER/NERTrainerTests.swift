// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import TestSupport
import Testing

@testable import ArticleExtraction

/// Training on a small made-up corpus: reproducible, stored and read back unchanged.
@Suite("NER training and the model file")
struct NERTrainerTests {
    /// 80 sentences from templates: persons, places and organisations in fixed frames.
    static let corpus: [IOB2Sentence] = {
        let persons = [
            ["أحمد", "المسماري"], ["سامح", "شكري"], ["خليفة", "حفتر"], ["فائز", "السراج"], ["جورج", "بوش"],
        ]
        let places = ["طرابلس", "القاهرة", "جنيف", "برلين", "بغداد", "دمشق", "باريس", "لندن"]
        let orgs = [["مجلس", "الأمن"], ["الأمم", "المتحدة"], ["حلف", "الناتو"], ["جامعة", "الدول", "العربية"]]
        var out: [IOB2Sentence] = []
        for k in 0..<80 {
            let p = persons[k % persons.count]
            let l = places[(k * 3) % places.count]
            let o = orgs[(k * 7) % orgs.count]
            var tokens = ["وقال"] + p + ["في"] + [l] + ["إن"] + o + ["سيجتمع", "غدا", "."]
            var tags: [EntityTag] = [
                .outside, .begin(.person), .inside(.person), .outside, .begin(.location), .outside,
            ]
            tags += [.begin(.organization)] + Array(repeating: .inside(.organization), count: o.count - 1)
            tags += [.outside, .outside, .outside]
            if k % 4 == 0 {
                tokens += ["وزار", p[1], l]
                tags += [.outside, .begin(.person), .begin(.location)]
            }
            out.append(IOB2Sentence(tokens: tokens, tags: tags))
        }
        return out
    }()

    static func options(seed: UInt64) -> NERTrainingOptions {
        var options = NERTrainingOptions()
        options.seed = seed
        options.folds = 2
        options.sentencesPerDocument = 5
        options.devFraction = 0.2
        options.maxEpochs = 4
        options.minimumCount = 1
        return options
    }

    static func train(seed: UInt64) throws -> NERTrainingResult {
        var gazetteer = NERGazetteerLists()
        gazetteer.locations = ["طرابلس", "القاهرة"]
        gazetteer.firstNames = ["أحمد", "سامح"]
        return try NERTrainer.train(
            NERTrainingInput(sentences: corpus, source: "made-up", gazetteer: gazetteer, unlabeled: nil),
            options: options(seed: seed), log: { _ in })
    }

    @Test("the same seed gives the same model file; the file reads back to the same model")
    func reproducible() throws {
        let first = try Self.train(seed: 3)
        let again = try Self.train(seed: 3)
        let bytes = NERModelCodec.encode(first.model)
        #expect(bytes == NERModelCodec.encode(again.model))
        let read = try NERModelCodec.decode(bytes)
        #expect(NERModelCodec.encode(read) == bytes)
        #expect(read.name == "perceptron-ner-1")
        #expect(read.groups == .all)
        #expect(read.temperature == first.model.temperature)
        // The held-out sentences follow the training frames: the model gets them all.
        #expect(first.development.scorer.micro.f1 == 1)
    }

    @Test("a trained model tags a new sentence of a seen frame through the extractor")
    func tagsThroughTheExtractor() throws {
        let model = try Self.train(seed: 1).model
        let extractor = try ArticleExtractorFactory.make(
            recognizer: PerceptronEntityRecognizer(model: model),
            resourceDirectory: ExtractionFixtures.resourceDirectory)
        let text = "وقال سامح شكري في برلين إن مجلس الأمن سيجتمع غدا ."
        let document = extractor.extract(
            ParsedArticle(title: nil, text: text, format: .plain),
            source: .init(
                path: "t", name: "t", bytes: 1, sha256: String(repeating: "0", count: 64), format: "plain",
                encoding: "utf-8", receivedAt: "")
        ).document
        #expect(document.entities.map(\.text) == ["سامح شكري", "برلين", "مجلس الأمن"])
        #expect(document.entities.map(\.type) == ["PERSON", "LOCATION", "ORGANIZATION"])
        #expect(document.pipeline.model == "perceptron-ner-1")
        #expect(document.entities.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
    }

    @Test("a corpus too small for the folds and the development set is refused")
    func tooSmall() {
        #expect {
            try NERTrainer.train(
                NERTrainingInput(
                    sentences: Array(Self.corpus.prefix(6)), source: "tiny", gazetteer: NERGazetteerLists(),
                    unlabeled: nil),
                options: Self.options(seed: 1), log: { _ in })
        } throws: { ($0 as? NERError)?.code == .emptyCorpus }
    }

    @Test(
        "bytes that are not a model, or a cut-off model, fail with ner-model-format; another version with ner-model-version"
    )
    func badFiles() throws {
        let bytes = NERModelCodec.encode(try Self.train(seed: 2).model)
        for bad in [Array("not a model".utf8), Array(bytes.prefix(bytes.count / 2)), bytes + [0]] {
            #expect {
                try NERModelCodec.decode(bad)
            } throws: { ($0 as? NERError)?.code == .modelFormat }
        }
        var otherVersion = bytes
        otherVersion[8] = 99
        #expect {
            try NERModelCodec.decode(otherVersion)
        } throws: { ($0 as? NERError)?.code == .modelVersion }
    }
}
