// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import TestSupport
import Testing

@testable import ArticleExtraction

@Suite("IOB2 files and spans")
struct IOB2Tests {
    @Test("a file of token TAG lines with blank lines between sentences parses into sentences")
    func parse() throws {
        let text = "\u{FEFF}فرانكفورت B-LOC\r\n(د O\n\nاتحاد B-ORG\nصناعة I-ORG\nالسيارات I-ORG\n\n\nبوش B-PER\n"
        let sentences = try IOB2Corpus.parse(text)
        #expect(sentences.count == 3)
        #expect(sentences[0].tokens == ["فرانكفورت", "(د"])
        #expect(sentences[0].tags == [.begin(.location), .outside])
        #expect(sentences[1].tags == [.begin(.organization), .inside(.organization), .inside(.organization)])
        #expect(sentences[2].tags == [.begin(.person)])
        #expect(try IOB2Corpus.parse(IOB2Corpus.format(sentences)) == sentences)
    }

    @Test(
        "a line without a tag or with an unknown tag fails naming its line",
        arguments: [("a O\nb\n", "line 2"), ("a O\nb B-FOO\n", "line 2"), ("a X-LOC\n", "line 1")])
    func parseErrors(text: String, line: String) {
        #expect {
            try IOB2Corpus.parse(text)
        } throws: { error in
            guard let error = error as? NERError else { return false }
            return error.code == .corpusFormat && error.cause.hasPrefix(line)
        }
    }

    @Test("spans are read as conlleval reads them: B opens, I continues its class, I after O or another class opens")
    func spans() {
        func tags(_ labels: String) -> [EntityTag] { labels.split(separator: " ").map { EntityTag(label: $0)! } }
        #expect(
            IOB2Span.spans(in: tags("B-PERS I-PERS O B-LOC B-LOC I-LOC"))
                == [
                    IOB2Span(type: .person, start: 0, end: 2), IOB2Span(type: .location, start: 3, end: 4),
                    IOB2Span(type: .location, start: 4, end: 6),
                ])
        // IOB1 leftovers: I- opening a span, and I- of another class breaking one.
        #expect(
            IOB2Span.spans(in: tags("I-ORG I-ORG O I-MISC B-PERS I-LOC I-LOC"))
                == [
                    IOB2Span(type: .organization, start: 0, end: 2), IOB2Span(type: .misc, start: 3, end: 4),
                    IOB2Span(type: .person, start: 4, end: 5), IOB2Span(type: .location, start: 5, end: 7),
                ])
        #expect(IOB2Span.spans(in: tags("O O")).isEmpty)
        #expect(
            IOB2Span.tags(of: IOB2Span.spans(in: tags("I-ORG I-ORG O I-MISC")), count: 4)
                == tags("B-ORG I-ORG O B-MISC"))
    }

    @Test("IOB2 allows I-X only after B-X or I-X")
    func constraint() {
        #expect(!EntityTag.allows(nil, .inside(.person)))
        #expect(!EntityTag.allows(.outside, .inside(.person)))
        #expect(!EntityTag.allows(.begin(.location), .inside(.person)))
        #expect(EntityTag.allows(.begin(.person), .inside(.person)))
        #expect(EntityTag.allows(.inside(.person), .inside(.person)))
        #expect(EntityTag.allows(.inside(.person), .begin(.person)))
        #expect(
            EntityTag.all.map(\.label) == [
                "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
            ])
    }
}
