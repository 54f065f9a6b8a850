// SPDX-License-Identifier: GPL-2.0-or-later

/// Measures the throughput of the text layer: decode + normalise + segment + tokenise.
///
/// Pure: it takes the articles' bytes already read (the caller, `text-bench bench DIR` in main.swift
/// of this folder, does the file I/O; see tools/text-peer/README.md) and times, on the calling
/// thread (one core), for each article: `ArticleDecoder.decode`, the scalar array,
/// `ArabicNormalizer.normalize(scalars:)` of the whole text, `ParagraphSegmenter`,
/// `SentenceSegmenter` and `Tokenizer.tokens` (every token gets its normalised form, proclitics
/// and light stem; a token repeated within an article copies its first occurrence's analysis, as
/// the tokenizer always does). Articles that fail to decode count towards `bytes` but yield no tokens.
public enum TextThroughputBenchmark {
    /// Runs the text layer over `articles` once.
    ///
    /// - Returns: `bytes` processed (sum of input sizes), wall-clock `seconds` (monotonic clock),
    ///   and the number of `tokens` produced. Throughput in MB/s is `Double(bytes) / 1e6 / seconds`.
    public static func run(articles: [[UInt8]]) -> (bytes: Int, seconds: Double, tokens: Int) {
        let normalizer = ArabicNormalizer()
        let tokenizer = Tokenizer(normalizer: normalizer)
        var bytes = 0
        var tokens = 0
        var checksum = 0
        let clock = ContinuousClock()
        let start = clock.now
        for article in articles {
            bytes += article.count
            guard let decoded = try? ArticleDecoder.decode(article) else { continue }
            let scalars = ScalarText.scalars(of: decoded.text)
            checksum &+= normalizer.normalize(scalars: scalars).utf8.count
            checksum &+= ParagraphSegmenter.paragraphs(in: scalars).count
            checksum &+= SentenceSegmenter.sentences(in: scalars).count
            tokens += tokenizer.tokens(in: scalars).count
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        keep(checksum)
        return (bytes, seconds, tokens)
    }

    /// An opaque use of the results, so that the optimiser cannot drop the measured work.
    @inline(never)
    static func keep(_ value: Int) {
        withExtendedLifetime(value) {}
    }
}
