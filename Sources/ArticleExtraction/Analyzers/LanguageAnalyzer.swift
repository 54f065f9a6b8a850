// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `language`: the document's `language` from the text's letters (``LanguageIdentifier``).
public struct LanguageAnalyzer: ArticleAnalyzer {
    public let name = "language"

    public init() {}

    public func analyze(_ analysis: inout ArticleAnalysis) {
        analysis.document.language = LanguageIdentifier.identify(analysis.scalars)
    }
}
