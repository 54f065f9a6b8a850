// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// `dates`: the date and time expressions of the text (``DateRecognizer``), resolved against the
/// publication date of the `published` step, as the document's `dates`; records their tokens in
/// ``ArticleAnalysis/dateTokens``. Runs after `quotes`: `اليوم` inside a quotation is vague.
public struct DateAnalyzer: ArticleAnalyzer {
    public let name = "dates"
    public let recognizer: DateRecognizer

    public init(recognizer: DateRecognizer) { self.recognizer = recognizer }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        let quotes = SpanCover(analysis.document.quotes.map { ScalarRange(start: $0.start, end: $0.end) })
        let found = recognizer.expressions(
            in: analysis.tokens, types: analysis.tokenTypes, scalars: analysis.scalars,
            reference: analysis.publication, isQuoted: { offset in quotes.contains(offset) })
        var covered = IndexSet()
        var k = 0
        let tokens = analysis.tokens
        for e in found {
            while k < tokens.count && tokens[k].range.end <= e.range.start { k += 1 }
            var j = k
            while j < tokens.count && tokens[j].range.start < e.range.end {
                covered.insert(j)
                j += 1
            }
        }
        analysis.dateTokens = covered
        analysis.document.dates = found.map { e in
            ArticleDocument.DateMention(
                text: analysis.text(e.range), start: e.range.start, end: e.range.end, value: e.value,
                precision: e.precision?.rawValue, calendar: e.calendar.rawValue, relative: e.relative)
        }
    }
}
