// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `statistics`: the document's `stats`: scalars, words (Arabic and Latin word tokens), sentences,
/// paragraphs, and the share of letters that are Arabic script. Runs after the steps it counts.
public struct StatisticsAnalyzer: ArticleAnalyzer {
    public let name = "statistics"

    public init() {}

    public func analyze(_ analysis: inout ArticleAnalysis) {
        var letters = 0
        var arabicLetters = 0
        for scalar in analysis.scalars where AlphabeticScalarTable.isAlphabetic(scalar) {
            letters += 1
            if ScalarClass.isArabicLetter(scalar.value) { arabicLetters += 1 }
        }
        analysis.document.stats = .init(
            characters: analysis.scalars.count,
            words: analysis.tokens.count { $0.kind == .arabicWord || $0.kind == .latinWord },
            sentences: analysis.document.sentences.count, paragraphs: analysis.document.paragraphs.count,
            arabicRatio: letters == 0 ? 0 : Double(arabicLetters) / Double(letters))
    }
}
