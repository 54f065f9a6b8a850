// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// `entities`: named-entity mentions from an ``EntityRecognizing`` recogniser over the tokens,
/// written as the document's `entities` (surface and normalised text, offsets, confidence,
/// canonical name) and `entity_index` (one entry per canonical name and type, in order of first
/// mention, with its mention count and the titles seen before it). Records the recogniser in
/// `pipeline.model`.
public struct EntityAnalyzer: ArticleAnalyzer {
    public let name = "entities"
    public let recognizer: any EntityRecognizing
    /// The normaliser of the `normalized` fields (the tokenizer's).
    public let normalizer: ArabicNormalizer

    public init(recognizer: any EntityRecognizing, normalizer: ArabicNormalizer) {
        self.recognizer = recognizer
        self.normalizer = normalizer
    }

    public func analyze(_ analysis: inout ArticleAnalysis) {
        let mentions = recognizer.mentions(in: analysis.tokens, scalars: analysis.scalars)
        analysis.mentions = mentions
        analysis.document.pipeline.model = recognizer.model
        analysis.document.entities = mentions.map { mention in
            let surface = analysis.text(mention.range)
            return ArticleDocument.Entity(
                type: mention.type.rawValue, text: surface, normalized: normalizer.normalize(surface),
                start: mention.range.start, end: mention.range.end, confidence: mention.confidence,
                canonical: mention.canonical)
        }
        var index: [String: ArticleDocument.EntityIndexEntry] = [:]
        var order: [String] = []
        for mention in mentions {
            let key = mention.type.rawValue + "\u{1F}" + mention.canonical
            if index[key] == nil {
                order.append(key)
                index[key] = .init(canonical: mention.canonical, type: mention.type.rawValue, mentions: 0, titles: [])
            }
            index[key]!.mentions += 1
            if let title = mention.title, !index[key]!.titles.contains(title) { index[key]!.titles.append(title) }
        }
        analysis.document.entityIndex = order.map { index[$0]! }
    }
}
