// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `published`: the publication date that relative dates are resolved against, from the input's
/// metadata (`metadata.published`, see ``PublicationDateParser``), else from a dateline among the
/// first tokens of the text (`الطائف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`: a day written
/// out in full; the Gregorian one when both calendars are given), else from the time the daemon
/// took the file (`source.received_at`). Writes the document's `published` and leaves the day in
/// ``ArticleAnalysis/publication``.
public struct PublicationAnalyzer: ArticleAnalyzer {
    public let name = "published"
    public let recognizer: DateRecognizer

    /// How many tokens from the start of the text a dateline's date may start after.
    public static let datelineReach = 8

    public init(recognizer: DateRecognizer) { self.recognizer = recognizer }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        if let text = analysis.metadata?.published,
            let parsed = PublicationDateParser.parse(text, lexicon: recognizer.lexicon)
        {
            analysis.publication = parsed.day
            analysis.document.published = .init(value: parsed.iso, source: .metadata)
        } else if let day = dateline(analysis) {
            analysis.publication = day
            analysis.document.published = .init(value: day.isoDay, source: .dateline)
        } else if let parsed = PublicationDateParser.parse(
            analysis.document.source.receivedAt, lexicon: recognizer.lexicon)
        {
            analysis.publication = parsed.day
            analysis.document.published = .init(value: analysis.document.source.receivedAt, source: .received)
        }
    }

    /// The day of a dateline opening the text: a day-precision date written out in full, starting
    /// within ``datelineReach`` tokens of the first paragraph's start; the Gregorian one when the
    /// line gives both.
    func dateline(_ analysis: ArticleAnalysis) -> CalendarDay? {
        guard let first = analysis.paragraphs.first else { return nil }
        let head = Array(analysis.tokens.prefix { $0.range.start < first.end }.prefix(Self.datelineReach + 12))
        let found = recognizer.expressions(in: head, scalars: analysis.scalars, reference: nil)
        let limit = head.count > Self.datelineReach ? head[Self.datelineReach].range.start : first.end
        let written = found.filter { $0.precision == .day && !$0.relative && $0.range.start < limit + 40 }
        guard let firstDate = written.first, firstDate.range.start < limit else { return nil }
        return (written.first { $0.calendar == .gregorian } ?? firstDate).day
    }
}
