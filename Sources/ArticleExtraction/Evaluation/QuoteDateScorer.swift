// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Scores extracted quotations and dates against ``QuoteDateLabels``.
///
/// Matching: a predicted and a labelled item match when their spans overlap (share at least one
/// scalar); each is matched at most once, pairs taken by decreasing overlap. Quotation precision,
/// recall and F1 count matched pairs; speaker accuracy is the share of matched quotations whose
/// `speaker_canonical` matches the label's speaker (``SpeakerNameMatcher``); direct/reported and
/// verb agreement are reported likewise. Dates: clock times (precision `time`) are left out, as
/// the guidelines do not label them; value accuracy is the share of matched dates whose value
/// equals the label's (`null` equal to `null`).
public struct QuoteDateScorer: Sendable {
    public let extractor: ArticleExtractor
    public let matcher: SpeakerNameMatcher

    public init(extractor: ArticleExtractor, matcher: SpeakerNameMatcher = .init()) {
        self.extractor = extractor
        self.matcher = matcher
    }

    /// The source record the scorer gives the extractor (the labelled file's name).
    static func source(_ name: String) -> ArticleDocument.Source {
        ArticleDocument.Source(
            path: name, name: name, bytes: 1, sha256: String(repeating: "0", count: 64), format: "plain",
            encoding: "utf-8", receivedAt: "")
    }

    /// The document of `article` with the label's reference date as its metadata publication date,
    /// as the daemon would make it.
    public func document(for labels: QuoteDateLabels, article: ParsedArticle) -> ArticleDocument {
        var article = article
        article.published = labels.referenceDate
        return extractor.extract(article, source: Self.source(labels.file)).document
    }

    /// Adds the comparison of `document` with `labels` to `report`.
    public func score(_ document: ArticleDocument, against labels: QuoteDateLabels, into report: inout QuoteDateReport)
    {
        let quotePairs = Self.pairs(
            document.quotes.map { $0.start..<$0.end }, labels.quotes.map { $0.start..<$0.end })
        report.quotes.predicted += document.quotes.count
        report.quotes.labelled += labels.quotes.count
        report.quotes.matched += quotePairs.count
        var matchedPredicted = Set<Int>()
        var matchedLabelled = Set<Int>()
        for (p, l) in quotePairs {
            matchedPredicted.insert(p)
            matchedLabelled.insert(l)
            let predicted = document.quotes[p]
            let label = labels.quotes[l]
            let speakerOK = matcher.matches(predicted.speakerCanonical, label.speaker)
            if speakerOK { report.speakersCorrect += 1 }
            if predicted.direct == label.direct { report.directCorrect += 1 }
            if predicted.verbStart == label.verbStart { report.verbCorrect += 1 }
            if !speakerOK {
                report.errors.append(
                    .init(
                        file: labels.file, kind: "speaker", position: label.speakerPosition,
                        detail: "\(predicted.speakerCanonical ?? "nil") != \(label.speaker) [verb \(label.verb)]",
                        start: label.start))
            }
        }
        for (i, q) in document.quotes.enumerated() where !matchedPredicted.contains(i) {
            report.errors.append(
                .init(
                    file: labels.file, kind: "quote-fp", position: q.direct ? "direct" : "reported",
                    detail: "\(q.verb) | \(q.speakerCanonical ?? "nil") | \(q.text.prefix(60))", start: q.start))
        }
        for (i, q) in labels.quotes.enumerated() where !matchedLabelled.contains(i) {
            let text = Self.slice(document.text, q.start, q.end)
            report.errors.append(
                .init(
                    file: labels.file, kind: "quote-fn", position: q.speakerPosition,
                    detail: "\(q.verb) | \(q.speaker) | \(text.prefix(60))", start: q.start))
        }

        let predictedDates = document.dates.filter { $0.precision != "time" }
        let datePairs = Self.pairs(predictedDates.map { $0.start..<$0.end }, labels.dates.map { $0.start..<$0.end })
        report.dates.predicted += predictedDates.count
        report.dates.labelled += labels.dates.count
        report.dates.matched += datePairs.count
        matchedPredicted = []
        matchedLabelled = []
        for (p, l) in datePairs {
            matchedPredicted.insert(p)
            matchedLabelled.insert(l)
            if predictedDates[p].value == labels.dates[l].value {
                report.dateValuesCorrect += 1
            } else {
                report.errors.append(
                    .init(
                        file: labels.file, kind: "date-value", position: labels.dates[l].precision ?? "vague",
                        detail:
                            "\(predictedDates[p].text) = \(predictedDates[p].value ?? "nil") != \(labels.dates[l].value ?? "nil")",
                        start: labels.dates[l].start))
            }
        }
        for (i, d) in predictedDates.enumerated() where !matchedPredicted.contains(i) {
            report.errors.append(
                .init(
                    file: labels.file, kind: "date-fp", position: d.precision ?? "vague",
                    detail: "\(d.text) = \(d.value ?? "nil")", start: d.start))
        }
        for (i, d) in labels.dates.enumerated() where !matchedLabelled.contains(i) {
            report.errors.append(
                .init(
                    file: labels.file, kind: "date-fn", position: d.precision ?? "vague",
                    detail: "\(Self.slice(document.text, d.start, d.end)) = \(d.value ?? "nil")", start: d.start))
        }
    }

    /// The scalars `[start, end)` of `text`.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = text.unicodeScalars
        guard start >= 0, end <= scalars.count, start < end else { return "" }
        let a = scalars.index(scalars.startIndex, offsetBy: start)
        let b = scalars.index(a, offsetBy: end - start)
        return String(scalars[a..<b])
    }

    /// One-to-one pairs `(predicted, labelled)` of overlapping ranges, by decreasing overlap.
    static func pairs(_ predicted: [Range<Int>], _ labelled: [Range<Int>]) -> [(Int, Int)] {
        var candidates: [(overlap: Int, p: Int, l: Int)] = []
        for (p, a) in predicted.enumerated() {
            for (l, b) in labelled.enumerated() {
                let overlap = min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)
                if overlap > 0 { candidates.append((overlap, p, l)) }
            }
        }
        candidates.sort { ($0.overlap, -$0.p) > ($1.overlap, -$1.p) }
        var usedP = Set<Int>()
        var usedL = Set<Int>()
        var result: [(Int, Int)] = []
        for c in candidates where !usedP.contains(c.p) && !usedL.contains(c.l) {
            usedP.insert(c.p)
            usedL.insert(c.l)
            result.append((c.p, c.l))
        }
        return result
    }
}
