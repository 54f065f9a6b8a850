// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArticleExtraction
import Foundation
import Glibc
import Pipeline

/// Measures the extraction path of articles already read, per step, on the calling thread (one
/// core): for each article what the daemon runs between reading the file and writing its document
/// (``ArticleDecoder/decode(_:)``, ``ArticleParser/parse(_:fileExtension:)``, every analyzer of the
/// ``ArticleExtractor``, and `ExtractStage.encode`), without the file I/O.
///
/// Pure: the caller reads the files (with their SHA-256, as the read stage does) and prints the
/// ``Report``; `watcherd-bench-extract` does both.
enum ExtractionBenchmark {
    /// One input as read: its file name, its extension (the parser's format hint, as
    /// `FilePath.extension` gives it), its bytes and their lower-case hex SHA-256.
    struct Article: Sendable {
        var name: String
        var fileExtension: String?
        var bytes: [UInt8]
        var sha256: String
    }

    /// What one step cost over the whole run.
    struct StageFigure: Sendable, Equatable {
        var name: String
        /// Milliseconds over all passes.
        var ms: Double
        /// `ms` over the sum of every step's milliseconds, 0...1.
        var share: Double
        /// Mean milliseconds per article processed.
        var msPerArticle: Double
    }

    /// The figures of one run; ``json`` is what `watcherd-bench-extract` prints.
    struct Report: Sendable {
        /// Inputs given (one pass).
        var files: Int
        /// Their total size in bytes (one pass).
        var bytes: Int
        /// How many times every input was processed.
        var passes: Int
        /// `files × passes`.
        var articles: Int
        /// Inputs that failed to decode (empty, binary, undecodable), one pass: the daemon writes a
        /// failure record for them. Their decode time is counted; they produce no tokens.
        var failed: Int
        /// Wall-clock seconds (monotonic) of all passes.
        var seconds: Double
        /// CPU seconds the measuring thread used in that time (CLOCK_THREAD_CPUTIME_ID): close to
        /// `seconds` on an idle machine, less when other load took the core.
        var cpuSeconds: Double
        var articlesPerSecond: Double
        /// Input megabytes (10^6 bytes) per second.
        var megabytesPerSecond: Double
        /// Tokens cut from the parsed texts (one pass).
        var tokens: Int
        var tokensPerSecond: Double
        /// `decode`, `parse`, every analyzer by name, `encode`, in running order.
        var stages: [StageFigure]

        /// One JSON object on one line (no newline), keys in this order: `files`, `bytes`,
        /// `repeat` (``passes``), `articles`, `failed`, `threads` (always 1), `seconds`,
        /// `cpu_seconds`, `articles_per_s`, `mb_per_s`, `tokens`, `tokens_per_s`, and `stages`: an
        /// object keyed by step name in running order, each `{"ms", "share", "ms_per_article"}`.
        var json: String {
            let stageFields = stages.map { figure in
                "\"\(figure.name)\":{\"ms\":\(figure.ms),\"share\":\(figure.share),"
                    + "\"ms_per_article\":\(figure.msPerArticle)}"
            }
            let fields: [(String, String)] = [
                ("files", "\(files)"), ("bytes", "\(bytes)"), ("repeat", "\(passes)"), ("articles", "\(articles)"),
                ("failed", "\(failed)"), ("threads", "1"), ("seconds", "\(seconds)"), ("cpu_seconds", "\(cpuSeconds)"),
                ("articles_per_s", "\(articlesPerSecond)"), ("mb_per_s", "\(megabytesPerSecond)"),
                ("tokens", "\(tokens)"), ("tokens_per_s", "\(tokensPerSecond)"),
                ("stages", "{" + stageFields.joined(separator: ",") + "}"),
            ]
            return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    /// Runs every article through the extraction path `passes` times (at least once), in order.
    ///
    /// - Returns: the figures; rates are over all passes, `seconds` is the wall time of the loop
    ///   (which the step times split, up to the clock reads between articles).
    static func run(_ articles: [Article], extractor: ArticleExtractor, passes: Int = 1) -> Report {
        let passes = max(passes, 1)
        let receivedAt = Timestamp.now()
        var timings = StageTimings()
        var tokens = 0
        var failed = 0
        var checksum = 0
        let cpuStart = threadCPUNanoseconds()
        let start = System.monotonicNanoseconds()
        for pass in 0..<passes {
            for article in articles {
                var lap = System.monotonicNanoseconds()
                func charge(_ name: String) {
                    let now = System.monotonicNanoseconds()
                    timings.charge(name, now - lap)
                    lap = now
                }
                let decoded: DecodedText
                do {
                    decoded = try ArticleDecoder.decode(article.bytes)
                } catch {
                    charge("decode")
                    if pass == 0 { failed += 1 }
                    continue
                }
                charge("decode")
                guard let parsed = try? ArticleParser.parse(decoded, fileExtension: article.fileExtension) else {
                    charge("parse")
                    if pass == 0 { failed += 1 }
                    continue
                }
                charge("parse")
                let source = ArticleDocument.Source(
                    path: article.name, name: article.name, bytes: article.bytes.count, sha256: article.sha256,
                    format: parsed.format.rawValue, encoding: decoded.encoding.rawValue, receivedAt: receivedAt)
                let extraction = extractor.extract(parsed, source: source)
                timings.add(extraction.timings)
                if pass == 0 { tokens += extraction.tokenCount }
                lap = System.monotonicNanoseconds()
                checksum &+= (try? ExtractStage.encode(extraction.document))?.count ?? 0
                charge("encode")
            }
        }
        let seconds = Double(System.monotonicNanoseconds() - start) / 1e9
        let cpuSeconds = Double(threadCPUNanoseconds() - cpuStart) / 1e9
        keep(checksum)
        let processed = articles.count * passes
        let bytes = articles.reduce(0) { $0 + $1.bytes.count }
        let total = max(timings.total, 1)
        let stages = timings.stages.map { stage in
            StageFigure(
                name: stage.name, ms: rounded(Double(stage.nanoseconds) / 1e6, 3),
                share: rounded(Double(stage.nanoseconds) / Double(total), 4),
                msPerArticle: rounded(Double(stage.nanoseconds) / 1e6 / Double(max(processed, 1)), 4))
        }
        let perSecond = { (count: Double) in seconds > 0 ? rounded(count / seconds, 1) : 0 }
        return Report(
            files: articles.count, bytes: bytes, passes: passes, articles: processed, failed: failed,
            seconds: rounded(seconds, 6), cpuSeconds: rounded(cpuSeconds, 6),
            articlesPerSecond: perSecond(Double(processed)),
            megabytesPerSecond: seconds > 0 ? rounded(Double(bytes * passes) / 1e6 / seconds, 3) : 0,
            tokens: tokens, tokensPerSecond: perSecond(Double(tokens * passes)), stages: stages)
    }

    /// CPU time of the calling thread, nanoseconds.
    private static func threadCPUNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    private static func rounded(_ value: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// An opaque use of the results, so that the optimiser cannot drop the measured work.
    @inline(never)
    static func keep(_ value: Int) {
        withExtendedLifetime(value) {}
    }
}
