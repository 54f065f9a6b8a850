// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Consecutive IOB2 sentences made into one article text the way users give text to the daemon:
/// one sentence per line, its tokens joined by one space. Keeps where each corpus token lies in
/// that text, so that tags can go from corpus tokens to the ``Tokenizer``'s tokens (to train) and
/// entity spans found in the text can go back to corpus tokens (to score).
public struct CorpusDocument: Sendable {
    /// The sentences, in order.
    public let sentences: [IOB2Sentence]
    /// The text: sentences joined by `\n`, tokens by a space.
    public let text: String
    /// Scalar range of every corpus token in ``text``, sentence after sentence.
    public let tokenRanges: [ScalarRange]
    /// Gold tag of every corpus token, in the same order.
    public let goldTags: [EntityTag]
    /// Index in ``tokenRanges`` of each sentence's first token, and the token count at the end.
    public let sentenceStarts: [Int]

    public init(sentences: [IOB2Sentence]) {
        self.sentences = sentences
        var text = ""
        var ranges: [ScalarRange] = []
        var tags: [EntityTag] = []
        var starts: [Int] = []
        var offset = 0
        for (k, sentence) in sentences.enumerated() {
            if k > 0 {
                text += "\n"
                offset += 1
            }
            starts.append(ranges.count)
            for (i, token) in sentence.tokens.enumerated() {
                if i > 0 {
                    text += " "
                    offset += 1
                }
                let count = token.unicodeScalars.count
                ranges.append(ScalarRange(start: offset, end: offset + count))
                text += token
                offset += count
            }
            tags += sentence.tags
        }
        starts.append(ranges.count)
        self.text = text
        self.tokenRanges = ranges
        self.goldTags = tags
        self.sentenceStarts = starts
    }

    /// Splits `sentences` into documents of `size` consecutive sentences (the last may be shorter).
    public static func documents(_ sentences: [IOB2Sentence], sentencesPerDocument size: Int) -> [CorpusDocument] {
        precondition(size >= 1, "at least one sentence per document")
        return stride(from: 0, to: sentences.count, by: size).map {
            CorpusDocument(sentences: Array(sentences[$0..<min($0 + size, sentences.count)]))
        }
    }

    /// The gold tags carried over to `tokens` (the ``Tokenizer``'s tokens of ``text``).
    ///
    /// A corpus token may be cut into several tokens (`(د` into `(` and `د`, `«القاعدة»` into three).
    /// Punctuation and symbol tokens at its edges get `O`; its first other token gets the corpus
    /// token's tag and the others `I-` of its class. Corpus tokens keep their proclitics
    /// (`بواشنطن B-LOC`): the whole token carries the tag here; where the name starts inside it is
    /// decided when mentions are made (``MentionBuilder``).
    public func projectedTags(onto tokens: [Token]) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: tokens.count)
        var c = 0
        var i = 0
        while i < tokens.count {
            while c < tokenRanges.count && tokenRanges[c].end <= tokens[i].range.start { c += 1 }
            guard c < tokenRanges.count, tokenRanges[c].start <= tokens[i].range.start else {
                i += 1
                continue
            }
            // Tokens [i, j) lie in corpus token c.
            var j = i
            while j < tokens.count && tokens[j].range.start < tokenRanges[c].end { j += 1 }
            let tag = goldTags[c]
            if let type = tag.type {
                var first = i
                var last = j - 1
                while first < last && Self.isEdge(tokens[first]) { first += 1 }
                while last > first && Self.isEdge(tokens[last]) { last -= 1 }
                tags[first] = tag
                if first < last { for k in (first + 1)...last { tags[k] = .inside(type) } }
            }
            i = j
        }
        return tags
    }

    /// Tags on the corpus tokens for entity spans found in ``text`` (scalar ranges, in order,
    /// not overlapping): every corpus token a span overlaps gets the span's class, `B-` on the
    /// first of them and `I-` on the others. A corpus token already claimed by an earlier span
    /// keeps it (two entities inside one corpus token count as the first).
    public func tags(forSpans spans: [(type: EntityType, range: ScalarRange)]) -> [EntityTag] {
        tagsAndOwners(forSpans: spans).tags
    }

    /// ``tags(forSpans:)``, and for each corpus token the index in `spans` of the span that
    /// claimed it (-1 for none).
    public func tagsAndOwners(
        forSpans spans: [(type: EntityType, range: ScalarRange)]
    ) -> (tags: [EntityTag], owners: [Int]) {
        var tags = [EntityTag](repeating: .outside, count: tokenRanges.count)
        var owners = [Int](repeating: -1, count: tokenRanges.count)
        var c = 0
        for (index, span) in spans.enumerated() where !span.range.isEmpty {
            while c > 0 && tokenRanges[c - 1].end > span.range.start { c -= 1 }
            while c < tokenRanges.count && tokenRanges[c].end <= span.range.start { c += 1 }
            var first = true
            var k = c
            while k < tokenRanges.count && tokenRanges[k].start < span.range.end {
                if owners[k] < 0 {
                    tags[k] = first ? .begin(span.type) : .inside(span.type)
                    owners[k] = index
                    first = false
                }
                k += 1
            }
        }
        return (tags, owners)
    }

    private static func isEdge(_ token: Token) -> Bool { token.kind == .punctuation || token.kind == .symbol }
}
