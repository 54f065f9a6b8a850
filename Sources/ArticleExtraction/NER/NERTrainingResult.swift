// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What ``NERTrainer`` made: the model, and its figures on the development set.
public struct NERTrainingResult: Sendable {
    public var model: NERModel
    /// The development set measured through the document path (``NEREvaluator``) with the model
    /// as stored (quantised).
    public var development: NEREvaluation
    /// Micro-F1 on the development set (the tokenizer's tokens) after each stage, by name.
    public var stageF1: [(stage: String, f1: Double)]
}
