// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Reads IOB2 files in the CoNLL / ANERcorp layout: one `token TAG` per line (the tag after the
/// last space or tab), a blank line between sentences. `\r\n` line ends and a UTF-8 BOM are
/// accepted; tags are `O`, `B-X`, `I-X` with X one of PERS (PER), LOC, ORG, MISC.
///
/// Pure: parses text the caller has read (``parse(_:)``).
public enum IOB2Corpus {
    /// The sentences of `text`, in order (empty sentences dropped).
    ///
    /// Throws ``NERError`` `ner-corpus-format` naming the 1-based line of the first line that is
    /// not `token TAG` or whose tag is unknown.
    public static func parse(_ text: String) throws(NERError) -> [IOB2Sentence] {
        var sentences: [IOB2Sentence] = []
        var tokens: [String] = []
        var tags: [EntityTag] = []
        var lineNumber = 0
        // Split on the scalar: as Characters, "\r\n" is one grapheme that never equals "\n".
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !tokens.isEmpty { sentences.append(IOB2Sentence(tokens: tokens, tags: tags)) }
                tokens = []
                tags = []
                continue
            }
            guard let cut = line.lastIndex(where: { $0 == " " || $0 == "\t" }) else {
                throw NERError(.corpusFormat, "line \(lineNumber): expected `token TAG`, found no separator")
            }
            let token = line[..<cut].trimmingSuffixBlanks()
            let label = line[line.index(after: cut)...]
            guard !token.isEmpty else { throw NERError(.corpusFormat, "line \(lineNumber): empty token") }
            guard let tag = EntityTag(label: label) else {
                throw NERError(.corpusFormat, "line \(lineNumber): unknown tag \"\(label)\"")
            }
            tokens.append(String(token))
            tags.append(tag)
        }
        if !tokens.isEmpty { sentences.append(IOB2Sentence(tokens: tokens, tags: tags)) }
        return sentences
    }

    /// The IOB2 text of `sentences`: `token TAG` lines, a blank line after each sentence.
    public static func format(_ sentences: [IOB2Sentence]) -> String {
        var out = ""
        for sentence in sentences {
            for (token, tag) in zip(sentence.tokens, sentence.tags) { out += token + " " + tag.label + "\n" }
            out += "\n"
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingSuffixBlanks() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
