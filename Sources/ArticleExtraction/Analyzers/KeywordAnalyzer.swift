// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `keywords`: the terms that characterise the article (``KeywordExtractor``: TF-IDF against the
/// SaudiNewsNet document frequencies in `Resources/keywords/`), as the document's `keywords`;
/// leaves every term's weight in ``ArticleAnalysis/termWeights`` for the summary.
public struct KeywordAnalyzer: ArticleAnalyzer {
    public let name = "keywords"
    public let extractor: KeywordExtractor
    /// Cuts the title into tokens (the `tokens` step's tokenizer).
    public let tokenizer: Tokenizer

    public init(extractor: KeywordExtractor, tokenizer: Tokenizer) {
        self.extractor = extractor
        self.tokenizer = tokenizer
    }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        let title = analysis.article.title.map { tokenizer.tokens(in: ScalarText.scalars(of: $0)) } ?? []
        let (keywords, weights) = extractor.keywords(
            tokens: analysis.tokens, types: analysis.tokenTypes, scalars: analysis.scalars, mentions: analysis.mentions,
            title: title)
        analysis.document.keywords = keywords
        analysis.termWeights = weights
    }
}
