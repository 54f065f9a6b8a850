// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import TestSupport
import Testing

@testable import ArticleExtraction

@Suite("Corpus documents: text, projection onto tokens, spans back onto corpus tokens")
struct CorpusDocumentTests {
    static let sentences = [
        IOB2Sentence(
            tokens: ["وصل", "بوش", "بواشنطن", "«القاعدة»", "(د"],
            tags: [.outside, .begin(.person), .begin(.location), .begin(.organization), .outside]),
        IOB2Sentence(tokens: ["الأمم", "المتحدة"], tags: [.begin(.organization), .inside(.organization)]),
    ]

    @Test("the text has one sentence per line, tokens joined by a space, and every token's scalar range")
    func text() {
        let document = CorpusDocument(sentences: Self.sentences)
        #expect(document.text == "وصل بوش بواشنطن «القاعدة» (د\nالأمم المتحدة")
        let scalars = Array(document.text.unicodeScalars)
        for (k, range) in document.tokenRanges.enumerated() {
            let token = (Self.sentences[0].tokens + Self.sentences[1].tokens)[k]
            #expect(String(String.UnicodeScalarView(scalars[range.range])) == token)
        }
        #expect(document.sentenceStarts == [0, 5, 7])
        #expect(CorpusDocument.documents(Self.sentences, sentencesPerDocument: 1).map(\.sentences.count) == [1, 1])
    }

    @Test("gold tags go to the tokenizer's tokens: punctuation at a token's edges is O, clitics stay with the name")
    func projection() {
        let document = CorpusDocument(sentences: Self.sentences)
        let tokens = Tokenizer().tokens(in: Array(document.text.unicodeScalars))
        #expect(
            tokens.map(\.surface) == ["وصل", "بوش", "بواشنطن", "«", "القاعدة", "»", "(", "د", "الأمم", "المتحدة"])
        #expect(
            document.projectedTags(onto: tokens)
                == [
                    .outside, .begin(.person), .begin(.location), .outside, .begin(.organization), .outside,
                    .outside, .outside, .begin(.organization), .inside(.organization),
                ])
    }

    @Test("document spans map onto every corpus token they overlap; a claimed token stays with the first span")
    func mappingBack() {
        let document = CorpusDocument(sentences: Self.sentences)
        // واشنطن inside بواشنطن (offsets 9..<15), القاعدة inside «القاعدة», and a span over both
        // words of the second line.
        let text = Array(document.text.unicodeScalars)
        func range(of word: String) -> ScalarRange {
            let w = Array(word.unicodeScalars)
            let start = (0...(text.count - w.count)).first { Array(text[$0..<($0 + w.count)]) == w }!
            return ScalarRange(start: start, end: start + w.count)
        }
        let spans: [(type: EntityType, range: ScalarRange)] = [
            (.location, range(of: "واشنطن")), (.misc, range(of: "واشنطن")), (.organization, range(of: "القاعدة")),
            (.organization, range(of: "الأمم المتحدة")),
        ]
        let (tags, owners) = document.tagsAndOwners(forSpans: spans)
        #expect(
            tags == [
                .outside, .outside, .begin(.location), .begin(.organization), .outside,
                .begin(.organization), .inside(.organization),
            ])
        #expect(owners == [-1, -1, 0, 2, -1, 3, 3])
    }
}
