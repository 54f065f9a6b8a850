// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The trained recogniser: tags an article with a ``NERModel`` (``NERTagger``) and makes the
/// document's mentions from the spans (``MentionBuilder``).
///
/// `pipeline.model` is the model's name (e.g. `perceptron-ner-1`). Pure and `Sendable`: one
/// instance serves every extract worker.
public struct PerceptronEntityRecognizer: EntityRecognizing {
    /// The model this recogniser runs.
    public let nerModel: NERModel
    /// The gazetteer and rule recogniser whose tags the model reads (``NERFeatureGroups/rules``).
    public let rules: GazetteerEntityRecognizer?
    private let tagger: NERTagger
    private let names: NERNameMatcher

    /// - Parameter rules: the rule recogniser over the project's gazetteer, for a model trained
    ///   with ``NERFeatureGroups/rules`` (without it such a model sees every rule tag as `O`).
    public init(model: NERModel, rules: GazetteerEntityRecognizer? = nil) {
        nerModel = model
        self.rules = rules
        tagger = NERTagger(model: model)
        names = NERNameMatcher(lexicon: model.lexicon)
    }

    public var model: String { nerModel.name }

    public func mentions(in tokens: [Token], scalars: [Unicode.Scalar]) -> [EntityMention] {
        guard !tokens.isEmpty else { return [] }
        let tagging = tagging(tokens, scalars: scalars)
        return MentionBuilder.mentions(tokens: tokens, scalars: scalars, tagging: tagging, names: names)
    }

    /// The tagger's view of an article.
    func tagging(_ tokens: [Token], scalars: [Unicode.Scalar]) -> NERTagging {
        let ruleMentions =
            nerModel.groups.contains(.rules) ? rules?.mentions(in: tokens, scalars: scalars) ?? [] : []
        return tagger.tag(tokens, scalars: scalars, rules: ruleMentions)
    }
}
