// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// One extraction step: reads what earlier steps left in an ``ArticleAnalysis`` and adds its own
/// findings (working values for later steps, fields of the document for the output).
///
/// Analyzers are pure and `Sendable`: one list is shared by every extract worker, and each
/// `analyze(_:)` call sees only its own article. ``ArticleExtractor`` runs them in order and charges
/// the time of each to its ``name`` in the document's `pipeline.stage_ms`.
public protocol ArticleAnalyzer: Sendable {
    /// The step's name in `pipeline.stage_ms` and in benchmark reports (`"tokens"`, `"entities"`...).
    /// Unique within one extractor.
    var name: String { get }

    /// Adds this step's findings to `analysis`.
    func analyze(_ analysis: inout ArticleAnalysis)
}
