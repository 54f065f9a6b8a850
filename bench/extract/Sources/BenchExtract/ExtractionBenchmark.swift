import Glibc

/// Measures the extraction path of articles already read, per stage, on the calling thread (one
/// core): for each article what the daemon runs between reading the file and writing its document
/// (``ArticleDecoder/decode(_:)``, ``ArticleParser/parse(_:fileExtension:)``,
/// ``ArticleExtractor/document(for:meter:)``, `ExtractStage.encode`), without the file I/O.
///
/// Pure: the caller reads the files (with their SHA-256, as the read stage does) and prints the
/// ``Report``; `watcherd bench-extract` does both.
public enum ExtractionBenchmark {
    /// One input as read: its file name, its extension (the parser's format hint, as
    /// `FilePath.extension` gives it), its bytes and their lower-case hex SHA-256.
    public struct Article: Sendable {
        public var name: String
        public var fileExtension: String?
        public var bytes: [UInt8]
        public var sha256: String

        public init(name: String, fileExtension: String?, bytes: [UInt8], sha256: String) {
            self.name = name
            self.fileExtension = fileExtension
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// What one stage cost over the whole run.
    public struct StageFigure: Sendable, Equatable {
        public var stage: ExtractionStage
        /// Milliseconds over all passes.
        public var ms: Double
        /// `ms` over the sum of every stage's milliseconds, 0...1.
        public var share: Double
        /// Mean milliseconds per article processed.
        public var msPerArticle: Double
    }

    /// The figures of one run; ``json`` is what `watcherd bench-extract` prints.
    public struct Report: Sendable {
        /// Inputs given (one pass).
        public var files: Int
        /// Their total size in bytes (one pass).
        public var bytes: Int
        /// How many times every input was processed.
        public var passes: Int
        /// `files × passes`.
        public var articles: Int
        /// Inputs that failed to decode (empty, binary, undecodable), one pass: the daemon writes a
        /// failure record for them. Their decode time is counted; they produce no tokens.
        public var failed: Int
        /// Wall-clock seconds (monotonic) of all passes.
        public var seconds: Double
        /// CPU seconds the measuring thread used in that time (CLOCK_THREAD_CPUTIME_ID): close to
        /// `seconds` on an idle machine, less when other load took the core.
        public var cpuSeconds: Double
        public var articlesPerSecond: Double
        /// Input megabytes (10^6 bytes) per second.
        public var megabytesPerSecond: Double
        /// Tokens cut from the parsed texts (one pass).
        public var tokens: Int
        public var tokensPerSecond: Double
        /// Every ``ExtractionStage``, in order.
        public var stages: [StageFigure]

        /// One JSON object on one line (no newline), keys in this order: `files`, `bytes`,
        /// `repeat` (``passes``), `articles`, `failed`, `threads` (always 1), `seconds`,
        /// `cpu_seconds`, `articles_per_s`, `mb_per_s`, `tokens`, `tokens_per_s`, and `stages`: an object keyed
        /// by stage name in running order, each `{"ms", "share", "ms_per_article"}`.
        public var json: String {
            let stageFields = stages.map { figure in
                "\"\(figure.stage.name)\":{\"ms\":\(figure.ms),\"share\":\(figure.share),"
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
    ///   (which the stage times split, up to the clock reads between articles).
    public static func run(_ articles: [Article], extractor: ArticleExtractor, passes: Int = 1) -> Report {
        let passes = max(passes, 1)
        let receivedAt = Timestamp.now()
        var meter = ExtractionMeter()
        var failed = 0
        var checksum = 0
        let cpuStart = threadCPUNanoseconds()
        let start = System.monotonicNanoseconds()
        for pass in 0..<passes {
            for article in articles {
                meter.start()
                let lapStart = System.monotonicNanoseconds()
                let decoded: DecodedText
                do {
                    decoded = try ArticleDecoder.decode(article.bytes)
                } catch {
                    meter.lap(.decode)
                    if pass == 0 { failed += 1 }
                    continue
                }
                meter.lap(.decode)
                let decodeMs = System.millisecondsSince(lapStart)
                let parsed = ArticleParser.parse(decoded, fileExtension: article.fileExtension)
                meter.lap(.parse)
                let extractStart = System.monotonicNanoseconds()
                var document = extractor.document(
                    for: .init(
                        text: parsed.text, title: parsed.title, format: parsed.format.rawValue,
                        encoding: decoded.encoding.rawValue, sourcePath: article.name, sourceName: article.name,
                        bytes: article.bytes.count, sha256: article.sha256, receivedAt: receivedAt,
                        stageMs: ["read": 0, "decode": decodeMs]),
                    meter: &meter)
                document.pipeline.stageMs["extract"] = System.millisecondsSince(extractStart)
                checksum &+= ExtractStage.encode(document).count
                meter.lap(.encode)
            }
        }
        let seconds = Double(System.monotonicNanoseconds() - start) / 1e9
        let cpuSeconds = Double(threadCPUNanoseconds() - cpuStart) / 1e9
        keep(checksum)
        let processed = articles.count * passes
        let bytes = articles.reduce(0) { $0 + $1.bytes.count }
        let tokens = meter.tokens / passes
        let total = max(meter.totalNanoseconds, 1)
        let stages = ExtractionStage.allCases.map { stage in
            StageFigure(
                stage: stage, ms: rounded(Double(meter[stage]) / 1e6, 3),
                share: rounded(Double(meter[stage]) / Double(total), 4),
                msPerArticle: rounded(Double(meter[stage]) / 1e6 / Double(max(processed, 1)), 4))
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
