// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `tokens`: the article's tokens with their normalised forms, proclitics, base forms and light
/// stems (``Tokenizer``), for every later step; records the normalisation profile in
/// `pipeline.normalization`.
public struct TokenAnalyzer: ArticleAnalyzer {
    public let name = "tokens"
    public let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        analysis.tokens = tokenizer.tokens(in: analysis.scalars)
        analysis.document.pipeline.normalization = tokenizer.normalizer.profile.name
    }
}
