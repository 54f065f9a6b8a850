import ArabicText

/// `keywords`: the terms that characterise the article (``KeywordExtractor``: TF-IDF against the
/// SaudiNewsNet document frequencies in `Resources/keywords/`), as the document's `keywords`;
/// leaves every term's weight in ``ArticleAnalysis/termWeights`` for the summary.
public struct KeywordAnalyzer: ArticleAnalyzer {
    public let name = "keywords"
    public let extractor: KeywordExtractor

    public init(extractor: KeywordExtractor) { self.extractor = extractor }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        let (keywords, weights) = extractor.keywords(
            tokens: analysis.tokens, scalars: analysis.scalars, mentions: analysis.mentions)
        analysis.document.keywords = keywords
        analysis.termWeights = weights
    }
}
