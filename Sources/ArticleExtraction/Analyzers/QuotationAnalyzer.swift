// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `quotes`: quotations with their speakers, verbs and spans (``QuotationFinder`` for the
/// quotations, ``SpeakerResolver`` for who said them, with the entity mentions of the `entities`
/// step, whatever recogniser made them), as the document's `quotes`.
public struct QuotationAnalyzer: ArticleAnalyzer {
    public let name = "quotes"
    public let verbs: SpeechVerbLexicon
    public let normalizer: ArabicNormalizer
    /// Hints for names the entity recogniser missed (``NameHints``).
    public let hints: NameHints

    public init(verbs: SpeechVerbLexicon, normalizer: ArabicNormalizer, hints: NameHints = .none) {
        self.verbs = verbs
        self.normalizer = normalizer
        self.hints = hints
    }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        let view = QuotationTokens(
            tokens: analysis.tokens, paragraphs: analysis.paragraphs, mentions: analysis.mentions, verbs: verbs)
        let candidates = QuotationFinder().candidates(in: view)
        var resolver = SpeakerResolver(view: view, scalars: analysis.scalars, normalizer: normalizer, hints: hints)
        analysis.document.quotes = resolver.quotes(for: candidates)
    }
}
