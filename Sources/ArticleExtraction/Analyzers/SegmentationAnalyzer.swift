// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `segment`: paragraph and sentence ranges (``ParagraphSegmenter``, ``SentenceSegmenter``).
public struct SegmentationAnalyzer: ArticleAnalyzer {
    public let name = "segment"

    public init() {}

    public func analyze(_ analysis: inout ArticleAnalysis) {
        analysis.document.paragraphs = ParagraphSegmenter.paragraphs(in: analysis.scalars)
        analysis.document.sentences = SentenceSegmenter.sentences(in: analysis.scalars)
    }
}
