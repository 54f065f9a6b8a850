// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Span-level precision, recall and F1 as CoNLL's `conlleval` computes them: a predicted span
/// counts as correct only when a gold span has the same class and the same first and last token.
/// Figures per class and micro-averaged over all classes; token accuracy beside them.
public struct ConllScorer: Sendable {
    /// Counts of one class (or of all, for ``micro``).
    public struct Counts: Sendable, Equatable {
        /// Predicted spans that match a gold span exactly.
        public var correct = 0
        public var predicted = 0
        public var gold = 0

        public init(correct: Int = 0, predicted: Int = 0, gold: Int = 0) {
            self.correct = correct
            self.predicted = predicted
            self.gold = gold
        }

        /// `correct / predicted`, 0 when nothing was predicted.
        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        /// `correct / gold`, 0 when there is no gold span.
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        /// Harmonic mean of precision and recall, 0 when both are 0.
        public var f1: Double {
            let p = precision
            let r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    /// Counts by ``EntityType/classIndex``.
    public private(set) var byClass = [Counts](repeating: Counts(), count: EntityType.allCases.count)
    /// Tokens scored, and those whose predicted tag equals the gold tag.
    public private(set) var tokens = 0
    public private(set) var correctTokens = 0

    public init() {}

    /// Counts of `type`.
    public func counts(_ type: EntityType) -> Counts { byClass[type.classIndex] }

    /// Counts over all classes.
    public var micro: Counts {
        byClass.reduce(into: Counts()) {
            $0.correct += $1.correct
            $0.predicted += $1.predicted
            $0.gold += $1.gold
        }
    }

    /// Fraction of tokens tagged right (``tokens`` 0 gives 0).
    public var accuracy: Double { tokens == 0 ? 0 : Double(correctTokens) / Double(tokens) }

    /// Adds one sequence (a sentence or a document; spans never cross sequences).
    public mutating func add(gold: [EntityTag], predicted: [EntityTag]) {
        precondition(gold.count == predicted.count, "one predicted tag per gold tag")
        tokens += gold.count
        correctTokens += zip(gold, predicted).count { $0 == $1 }
        add(gold: IOB2Span.spans(in: gold), predicted: IOB2Span.spans(in: predicted))
    }

    /// Adds the spans of one sequence.
    public mutating func add(gold: [IOB2Span], predicted: [IOB2Span]) {
        let goldSet = Set(gold)
        for span in gold { byClass[span.type.classIndex].gold += 1 }
        for span in predicted {
            byClass[span.type.classIndex].predicted += 1
            if goldSet.contains(span) { byClass[span.type.classIndex].correct += 1 }
        }
    }

    /// Adds another scorer's counts.
    public mutating func merge(_ other: ConllScorer) {
        for k in byClass.indices {
            byClass[k].correct += other.byClass[k].correct
            byClass[k].predicted += other.byClass[k].predicted
            byClass[k].gold += other.byClass[k].gold
        }
        tokens += other.tokens
        correctTokens += other.correctTokens
    }

    /// A conlleval-like table: one line per class and one for all, precision, recall and F1 in
    /// percent with two decimals, and the span counts.
    public var report: String {
        func line(_ name: String, _ c: Counts) -> String {
            func pct(_ x: Double) -> String { String(format2: x * 100) }
            let label = name.padding(toLength: 6, withPad: " ", startingAt: 0)
            return "\(label) precision \(pct(c.precision))  recall \(pct(c.recall))  F1 \(pct(c.f1))"
                + "  (correct \(c.correct), predicted \(c.predicted), gold \(c.gold))"
        }
        var lines = ["tokens \(tokens), token accuracy \(String(format2: accuracy * 100))%"]
        for type in EntityType.allCases { lines.append(line(type.corpusLabel, counts(type))) }
        lines.append(line("micro", micro))
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// `x` with two decimals (no Foundation).
    init(format2 x: Double) {
        let v = (x * 100).rounded() / 100
        var s = String(v)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < 2 { s += String(repeating: "0", count: 2 - decimals) }
        } else {
            s += ".00"
        }
        self = s
    }
}
