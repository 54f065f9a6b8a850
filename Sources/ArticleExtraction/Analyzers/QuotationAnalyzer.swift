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

    /// Finds and resolves quotations window by window (``QuotationWindows``): an article is one
    /// window; a very long input is cut at paragraph starts, so that its cost stays linear.
    public func analyze(_ analysis: inout ArticleAnalysis) {
        let tokens = analysis.tokens
        let windows = QuotationWindows.windows(tokens, paragraphs: analysis.paragraphs)
        guard windows.count > 1 else {
            analysis.document.quotes = quotes(tokens, analysis.paragraphs, analysis.mentions, analysis.scalars)
            return
        }
        var quotes: [ArticleDocument.Quote] = []
        let paragraphs = analysis.paragraphs
        let mentions = analysis.mentions
        var p = 0
        var m = 0
        for window in windows {
            // The paragraphs and mentions inside the window, both in text order.
            let start = tokens[window.lowerBound].range.start
            let end = tokens[window.upperBound - 1].range.end
            while p < paragraphs.count && paragraphs[p].end <= start { p += 1 }
            var lastParagraph = p
            while lastParagraph < paragraphs.count && paragraphs[lastParagraph].start < end { lastParagraph += 1 }
            while m < mentions.count && mentions[m].range.start < start { m += 1 }
            var lastMention = m
            while lastMention < mentions.count && mentions[lastMention].range.end <= end { lastMention += 1 }
            quotes += self.quotes(
                Array(tokens[window]), Array(paragraphs[p..<lastParagraph]), Array(mentions[m..<lastMention]),
                analysis.scalars)
            m = lastMention
        }
        analysis.document.quotes = quotes
    }

    private func quotes(
        _ tokens: [Token], _ paragraphs: [ScalarRange], _ mentions: [EntityMention], _ scalars: [Unicode.Scalar]
    ) -> [ArticleDocument.Quote] {
        let view = QuotationTokens(tokens: tokens, paragraphs: paragraphs, mentions: mentions, verbs: verbs)
        let candidates = QuotationFinder().candidates(in: view)
        var resolver = SpeakerResolver(view: view, scalars: scalars, normalizer: normalizer, hints: hints)
        return resolver.quotes(for: candidates)
    }
}
