// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The trained recogniser: tags an article with a ``NERModel`` (``NERTagger``) and makes the
/// document's mentions from the spans (``MentionBuilder``).
///
/// `pipeline.model` is the model's name (e.g. `perceptron-ner-1`). `Sendable`: one instance serves
/// every extract worker; its only shared state is the tagger's type cache (``NERTypeCache``), which
/// changes its speed, not its output.
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

    /// Tokens the model tags at once: an article (the longest of the 1,000 SaudiNewsNet articles
    /// has 2,562 words) is one window, seen whole by the second stage and by person linking.
    static let windowLimit = 16_384

    /// The mentions in `tokens`. An input longer than ``windowLimit`` tokens is tagged window by
    /// window (whole lines, ``TokenWindows``), so the tagger's per-token arrays (about 200 bytes
    /// a token) are bounded by a window instead of growing with the input; the second stage and
    /// person linking then see one window at a time.
    public func mentions(in tokens: [Token], scalars: [Unicode.Scalar]) -> [EntityMention] {
        mentions(in: tokens, scalars: scalars, windowLimit: Self.windowLimit)
    }

    func mentions(in tokens: [Token], scalars: [Unicode.Scalar], windowLimit: Int) -> [EntityMention] {
        guard !tokens.isEmpty else { return [] }
        guard tokens.count > windowLimit else {
            return MentionBuilder.mentions(
                tokens: tokens, scalars: scalars, tagging: tagging(tokens, scalars: scalars), names: names)
        }
        let lines = NERFeatureExtractor.lines(in: tokens, scalars: scalars)
        let windows = TokenWindows.windows(
            count: tokens.count, cuts: lines.dropFirst().map(\.lowerBound), limit: windowLimit)
        var mentions: [EntityMention] = []
        for window in windows {
            let slice = Array(tokens[window])
            let tagging = tagging(slice, scalars: scalars)
            mentions += MentionBuilder.mentions(tokens: slice, scalars: scalars, tagging: tagging, names: names)
        }
        return mentions
    }

    /// The tagger's view of an article.
    func tagging(_ tokens: [Token], scalars: [Unicode.Scalar]) -> NERTagging {
        let ruleMentions =
            nerModel.groups.contains(.rules) ? rules?.mentions(in: tokens, scalars: scalars) ?? [] : []
        return tagger.tag(tokens, scalars: scalars, rules: ruleMentions)
    }
}
