// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Runs an ordered list of ``ArticleAnalyzer``s over one parsed article and returns its
/// ``ArticleDocument``, with the time of each step in `pipeline.stage_ms` under the step's name
/// and the time of them all under `extract`.
///
/// Pure and `Sendable`: one instance is shared by all extract workers. Build the daemon's list
/// with ``ArticleExtractorFactory``.
public struct ArticleExtractor: Sendable {
    /// The steps, in running order.
    public let analyzers: [any ArticleAnalyzer]
    /// What the steps are timed with.
    public let clock: StageClock

    /// An extractor running `analyzers` in order. Their names must be unique.
    public init(analyzers: [any ArticleAnalyzer], clock: StageClock = .monotonic) {
        precondition(Set(analyzers.map(\.name)).count == analyzers.count, "analyzer names must be unique")
        self.analyzers = analyzers
        self.clock = clock
    }

    /// One extraction: the document, the nanoseconds of each step, and the tokens cut.
    public struct Extraction: Sendable {
        public var document: ArticleDocument
        public var timings: StageTimings
        /// Tokens the `tokens` step cut (0 without one): the unit of tagging throughput.
        public var tokenCount: Int
    }

    /// The document for `article` read from `source`. `stageMs` holds the milliseconds of the
    /// steps before extraction (`read`, `decode`, `parse`); the document's `stage_ms` is those, then
    /// each analyzer's, then `extract`. Never fails: an article with no words still gets a document
    /// with empty lists.
    public func extract(
        _ article: ParsedArticle, source: ArticleDocument.Source, stageMs: StageMilliseconds = [:]
    ) -> Extraction {
        var analysis = ArticleAnalysis(article: article, source: source)
        var timings = StageTimings()
        let start = clock.now()
        var last = start
        for analyzer in analyzers {
            analyzer.analyze(&analysis)
            let now = clock.now()
            timings.charge(analyzer.name, now &- last)
            last = now
        }
        var document = analysis.document
        document.pipeline.stageMs = stageMs
        for stage in timings.stages {
            document.pipeline.stageMs[stage.name] = StageTimings.milliseconds(stage.nanoseconds)
        }
        document.pipeline.stageMs["extract"] = StageTimings.milliseconds(last &- start)
        return Extraction(document: document, timings: timings, tokenCount: analysis.tokens.count)
    }
}
