// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A named-entity recogniser: finds person, location, organisation and other names in the tokens
/// of one text. ``EntityAnalyzer`` runs the one the configuration chose.
///
/// Implementations are pure and `Sendable` (one instance serves every extract worker) and load
/// whatever they need (gazetteers, a trained model) before they are built.
public protocol EntityRecognizing: Sendable {
    /// The recogniser and its version, written as the document's `pipeline.model`
    /// (e.g. `gazetteer-rules-1`).
    var model: String { get }

    /// Mentions in `tokens` (cut by ``Tokenizer`` from `scalars`), ordered by start offset and
    /// non-overlapping; each within one line and excluding proclitics.
    func mentions(in tokens: [Token], scalars: [Unicode.Scalar]) -> [EntityMention]
}
