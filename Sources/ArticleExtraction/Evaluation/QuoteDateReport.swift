// SPDX-License-Identifier: GPL-2.0-or-later

/// The figures of one run of ``QuoteDateScorer`` over a labelled set, and the errors behind them.
public struct QuoteDateReport: Sendable, Equatable {
    /// Counts for precision, recall and F1.
    public struct Counts: Sendable, Equatable {
        public var predicted = 0
        public var labelled = 0
        public var matched = 0

        public var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
        public var recall: Double { labelled == 0 ? 0 : Double(matched) / Double(labelled) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// One disagreement: a missed or spurious item, or a wrong speaker or value.
    public struct Error: Sendable, Equatable {
        public var file: String
        /// `quote-fp`, `quote-fn`, `speaker`, `date-fp`, `date-fn`, `date-value`.
        public var kind: String
        /// The label's speaker position or date precision (or the prediction's, for a spurious one).
        public var position: String
        public var detail: String
        public var start: Int
    }

    public var articles = 0
    public var quotes = Counts()
    public var speakersCorrect = 0
    public var directCorrect = 0
    public var verbCorrect = 0
    public var dates = Counts()
    public var dateValuesCorrect = 0
    public var errors: [Error] = []

    public init() {}

    /// Share of matched quotations attributed to the labelled speaker.
    public var speakerAccuracy: Double { quotes.matched == 0 ? 0 : Double(speakersCorrect) / Double(quotes.matched) }
    /// Share of matched dates with the labelled value.
    public var dateValueAccuracy: Double {
        dates.matched == 0 ? 0 : Double(dateValuesCorrect) / Double(dates.matched)
    }

    /// The figures as a small plain-text table.
    public var summary: String {
        func f(_ x: Double) -> String {
            let r = (x * 1000).rounded() / 1000
            var s = String(r)
            while s.count < 5 { s += "0" }
            return s
        }
        return """
            quote-date evaluation: \(articles) articles; spans match when they overlap (one-to-one, largest overlap first)
            quotations  predicted \(quotes.predicted)  labelled \(quotes.labelled)  matched \(quotes.matched)  \
            P \(f(quotes.precision))  R \(f(quotes.recall))  F1 \(f(quotes.f1))
            speakers    correct \(speakersCorrect)/\(quotes.matched) = \(f(speakerAccuracy)) (names normalised, \
            titles dropped, the words of one among the other's)
                        direct/reported agree \(directCorrect)/\(quotes.matched), verb agrees \(verbCorrect)/\(quotes.matched)
            dates       predicted \(dates.predicted)  labelled \(dates.labelled)  matched \(dates.matched)  \
            P \(f(dates.precision))  R \(f(dates.recall))  F1 \(f(dates.f1))  (clock times not scored)
            date values correct \(dateValuesCorrect)/\(dates.matched) = \(f(dateValueAccuracy))
            """
    }
}
