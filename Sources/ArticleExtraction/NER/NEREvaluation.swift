// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Figures of a recogniser on an IOB2 file, measured as users get them (``NEREvaluator``).
public struct NEREvaluation: Sendable {
    /// conlleval span figures, per class and micro-averaged.
    public var scorer = ConllScorer()
    /// The `pipeline.model` of the documents (the recogniser and its version).
    public var model = ""
    public var documents = 0
    public var sentences = 0
    /// Gold spans whose token string never occurs in the training file, and how many of them
    /// were found exactly (only when training sentences were given).
    public var unseenGold = 0
    public var unseenFound = 0
    /// Gold spans whose string is never an entity in the training file, and how many were found.
    public var neverEntityGold = 0
    public var neverEntityFound = 0
    /// Predicted spans by confidence: (confidence, correct).
    public var predictions: [(confidence: Double, correct: Bool)] = []

    public init() {}

    /// Recall on ``unseenGold``.
    public var unseenRecall: Double { unseenGold == 0 ? 0 : Double(unseenFound) / Double(unseenGold) }
    public var neverEntityRecall: Double {
        neverEntityGold == 0 ? 0 : Double(neverEntityFound) / Double(neverEntityGold)
    }

    /// One band of the confidence table.
    public struct Band: Sendable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var correct: Int
        public var meanConfidence: Double
        public var precision: Double { count == 0 ? 0 : Double(correct) / Double(count) }
    }

    /// Precision of the predicted spans by confidence band (`[lower, upper)`, the last closed).
    public func bands(_ edges: [Double] = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0]) -> [Band] {
        (0..<(edges.count - 1)).map { k in
            let lo = edges[k]
            let hi = edges[k + 1]
            let inBand = predictions.filter {
                $0.confidence >= lo && ($0.confidence < hi || k == edges.count - 2 && $0.confidence <= hi)
            }
            let mean = inBand.isEmpty ? 0 : inBand.map(\.confidence).reduce(0, +) / Double(inBand.count)
            return Band(
                lower: lo, upper: hi, count: inBand.count, correct: inBand.count { $0.correct }, meanConfidence: mean)
        }
    }

    /// The conlleval table, the unseen-span recall and the confidence bands, as text.
    public var report: String {
        var lines = [
            "documents \(documents), sentences \(sentences)",
            scorer.report,
        ]
        if unseenGold > 0 || neverEntityGold > 0 {
            lines.append(
                "recall on gold spans whose string never occurs in the training file: "
                    + "\(String(format2: unseenRecall * 100))% (\(unseenFound) of \(unseenGold))")
            lines.append(
                "recall on gold spans whose string is never an entity in the training file: "
                    + "\(String(format2: neverEntityRecall * 100))% (\(neverEntityFound) of \(neverEntityGold))")
        }
        lines.append("precision by confidence band (predicted spans):")
        for band in bands() where band.count > 0 {
            lines.append(
                "  [\(String(format2: band.lower)), \(String(format2: band.upper))): \(band.count) spans, "
                    + "mean confidence \(String(format2: band.meanConfidence)), "
                    + "precision \(String(format2: band.precision * 100))%")
        }
        return lines.joined(separator: "\n")
    }
}
