// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

/// Invariants over every article in ../shared/data/articles/saudinewsnet (read in place).
@Suite("Corpus invariants (SaudiNewsNet, 1,000 articles)")
struct CorpusInvariantTests {
    @Test(
        "offsets in range and increasing, sentences cover the text without overlap, surfaces match, normalisation idempotent",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func invariants() throws {
        let dir = try SharedData.require(SharedData.saudiNewsNet)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasPrefix("snn_") && $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 1000)
        let normalizer = ArabicNormalizer()
        let tokenizer = Tokenizer(normalizer: normalizer)
        var failures = 0
        for name in files {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
            let decoded = try ArticleDecoder.decode(bytes)
            #expect(decoded.encoding == .utf8 || decoded.encoding == .utf8BOM, "\(name)")
            let article = try ArticleParser.parse(decoded, fileExtension: "txt")
            #expect(article.title != nil, "\(name): title line")
            let s = ScalarText.scalars(of: article.text)
            #expect(s == Array(article.text.unicodeScalars), "\(name): fast scalar decoding")
            let n = s.count
            var ok = true

            let paragraphs = ParagraphSegmenter.paragraphs(in: s)
            ok = ok && Self.ordered(paragraphs, n)
            let sentences = SentenceSegmenter.sentences(in: s)
            ok = ok && Self.ordered(sentences, n)
            // Every non-blank scalar lies in exactly one sentence, and each sentence in one paragraph.
            var covered = [Bool](repeating: false, count: n)
            for r in sentences { for k in r.range { covered[k] = true } }
            for k in 0..<n where !ScalarClass.isSpace(s[k].value) && !covered[k] { ok = false }
            var p = 0
            for r in sentences {
                while p < paragraphs.count && paragraphs[p].end <= r.start { p += 1 }
                if p == paragraphs.count || r.start < paragraphs[p].start || r.end > paragraphs[p].end { ok = false }
            }

            let tokens = tokenizer.tokens(in: s)
            ok = ok && Self.ordered(tokens.map(\.range), n)
            for t in tokens where t.surface != String(String.UnicodeScalarView(s[t.range.range])) { ok = false }
            for t in tokens where t.kind == .arabicWord && !t.normalized.hasSuffix(t.base) { ok = false }

            let once = normalizer.normalize(scalars: s)
            ok = ok && normalizer.normalize(once) == once

            if !ok {
                failures += 1
                Issue.record("invariant broken in \(name)")
            }
        }
        #expect(failures == 0)
    }

    /// Non-empty, within `[0, n)`, in increasing order and non-overlapping.
    static func ordered(_ ranges: [ScalarRange], _ n: Int) -> Bool {
        var last = 0
        for r in ranges {
            if r.start < last || r.end <= r.start || r.end > n { return false }
            last = r.end
        }
        return true
    }
}
