// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `summary`: the indices of the three sentences that best represent the article
/// (``SentenceRanker``, with the term weights of the `keywords` step), never a dateline or caption.
public struct SummaryAnalyzer: ArticleAnalyzer {
    public let name = "summary"
    public let ranker: SentenceRanker

    public init(ranker: SentenceRanker = .init()) { self.ranker = ranker }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        let dates = analysis.dateTokens
        analysis.document.summary = ranker.summary(
            sentences: analysis.sentences, tokens: analysis.tokens, types: analysis.tokenTypes,
            weights: analysis.termWeights,
            dateTokens: { dates.contains($0) },
            locations: analysis.mentions.filter { $0.type == .location }.map(\.range))
    }
}
