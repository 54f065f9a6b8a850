// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `numbers`: numbers and amounts (``NumberRecognizer``): digits, number words, scale words,
/// `5+5`, with their value and unit (percent, currency, measure). Runs after `dates`: numbers
/// inside a date or time expression are left to it.
public struct NumberAnalyzer: ArticleAnalyzer {
    public let name = "numbers"
    public let lexicon: NumberLexicon

    public init(lexicon: NumberLexicon) { self.lexicon = lexicon }

    /// With the lexicon normalised by `normalizer` (the tokenizer's).
    public init(normalizer: ArabicNormalizer) { self.lexicon = NumberLexicon(normalizer: normalizer) }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        let dates = analysis.dateTokens
        analysis.document.numbers = NumberRecognizer(lexicon: lexicon).mentions(
            in: analysis.tokens, types: analysis.tokenTypes, scalars: analysis.scalars, skip: { dates.contains($0) })
    }
}
