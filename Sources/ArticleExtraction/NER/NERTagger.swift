// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Runs a ``NERModel`` over the tokens of an article: the first stage tags each line (Viterbi),
/// the second stage tags it again with the first stage's view of the whole article
/// (``NERDocumentFeatures``), and forward-backward over the final stage gives each span its
/// probability. Lines are decoded on their own, so no span crosses a line break.
///
/// Speed: a token's own features, and its features as each kind of neighbour, are a function of
/// the token alone; they are scored once per distinct token of the article (same surface and
/// kind) and the sums reused, so that a repeated token costs only its pair features; the model's
/// frequent words (``NERModel/frequentWords``) are scored once, when the tagger is made, and the
/// other types once per stream, in the ``NERTypeCache`` every copy of the tagger shares. The
/// scores are the same as feature by feature (up to float rounding), and the same with or without
/// the caches. `Sendable`; its only shared state is that cache; allocates per article, never per
/// token.
struct NERTagger: Sendable {
    let model: NERModel
    private let transitions1: NERTransitions.Constrained
    private let transitions2: NERTransitions.Constrained?
    /// Scores of the line boundary in each neighbour role.
    private let boundaryRoles: [NERScores]
    /// The frequent words by type key (``typeKey(_:)``): index into ``cachedInfos``.
    private let cached: HashedTable<Int32>
    private let cachedInfos: [NERTokenInfo]
    /// Five scores per cached word: own, then as each neighbour role.
    private let cachedScores: [NERScores]
    /// Scores of the small-valued pair features, by value (``NERPairTables``).
    private let pairTables: NERPairTables
    /// The other types met so far (`nil`: every article works out its own).
    let typeCache: NERTypeCache?

    /// - Parameters:
    ///   - tokenizer: the tokenizer the daemon cuts articles with (the model's frequent words are
    ///     cut by it once, here).
    ///   - typeCacheGeneration: types in one generation of the shared ``NERTypeCache`` (0: no
    ///     cache).
    init(model: NERModel, tokenizer: Tokenizer = Tokenizer(), typeCacheGeneration: Int = 16_384) {
        self.model = model
        typeCache = typeCacheGeneration > 0 ? NERTypeCache(generationCapacity: typeCacheGeneration) : nil
        transitions1 = model.transitions1.constrained
        transitions2 = model.transitions2?.constrained
        var cached = HashedTable<Int32>(capacity: model.frequentWords.count, empty: -1)
        var infos: [NERTokenInfo] = []
        var scores: [NERScores] = []
        var tables: NERPairTables?
        boundaryRoles = model.weights.withRecords { records in
            var sink = NERScoreSink(table: model.table, records: records)
            for word in model.frequentWords {
                let tokens = tokenizer.tokens(in: Array(word.unicodeScalars))
                guard tokens.count == 1, cached.value(for: Self.typeKey(tokens[0])) == nil else { continue }
                let info = NERFeatureExtractor.info(for: tokens[0], lexicon: model.lexicon, seen: model.seen)
                cached.set(Self.typeKey(tokens[0]), Int32(infos.count))
                infos.append(info)
                scores += [NERScores](repeating: .zero, count: 5)
                Self.scoreType(info, tokens[0], model, &sink, into: &scores, at: scores.count - 5)
            }
            tables = NERPairTables(groups: model.groups, sink: &sink)
            return NERFeatureExtractor.Role.allCases.map { role in
                NERFeatureExtractor.neighbourFeatures(
                    .boundary, role, groups: model.groups, lexicon: model.lexicon, into: &sink)
                return sink.take()
            }
        }
        pairTables = tables!
        self.cached = cached
        cachedInfos = infos
        cachedScores = scores
    }

    /// Key of a token's type: its surface and kind.
    @inline(__always)
    private static func typeKey(_ token: Token) -> UInt64 {
        let key = FeatureHash.combine(FeatureHash.word(token.surface), UInt64(NERFeatureExtractor.kindCode(token.kind)))
        return key == 0 ? 1 : key
    }

    /// Writes the scores of a type's own features and of its features as each neighbour role
    /// into `out[at..<at + 5]`.
    @inline(__always)
    private static func scoreType(
        _ info: NERTokenInfo, _ token: Token, _ model: NERModel, _ sink: inout NERScoreSink,
        into out: inout [NERScores], at base: Int
    ) {
        NERFeatureExtractor.ownFeatures(info, token, groups: model.groups, lexicon: model.lexicon, into: &sink)
        out[base] = sink.take()
        for role in NERFeatureExtractor.Role.allCases {
            NERFeatureExtractor.neighbourFeatures(info, role, groups: model.groups, lexicon: model.lexicon, into: &sink)
            out[base + 1 + role.rawValue] = sink.take()
        }
    }

    /// Tags `tokens` (from ``Tokenizer`` over `scalars`). With `tokenConfidence`, every token also
    /// gets the marginal probability of its final tag (``NERTagging/tokenConfidence``).
    ///
    /// `rules` are the rule recogniser's mentions over the same tokens, for a model that uses them
    /// (``NERFeatureGroups/rules``).
    func tag(
        _ tokens: [Token], scalars: [Unicode.Scalar], rules: [EntityMention] = [], confidence: Bool = true,
        tokenConfidence: Bool = false
    ) -> NERTagging {
        let k = NERTransitions.tags
        let n = tokens.count
        let lines = NERFeatureExtractor.lines(in: tokens, scalars: scalars)
        let groups = model.groups
        let lexicon = model.lexicon
        // Distinct tokens (types), their facts and their five type scores: from the frequent-word
        // cache, else from the stream's type cache, else worked out here (and then cached).
        var typeIndex = HashedTable<Int32>(capacity: n, empty: -1)
        var typeOf = [Int32](repeating: 0, count: n)
        var typeKeys: [UInt64] = []
        var typeFirst: [Int] = []
        for (i, token) in tokens.enumerated() {
            let key = Self.typeKey(token)
            typeOf[i] = typeIndex.value(for: key) {
                typeFirst.append(i)
                typeKeys.append(key)
                return Int32(typeKeys.count - 1)
            }
        }
        var typeInfos = [NERTokenInfo](repeating: .boundary, count: typeKeys.count)
        var typeScores = [NERScores](repeating: .zero, count: typeKeys.count * 5)
        var unseen: [Int] = []
        for t in typeKeys.indices {
            guard let c = cached.value(for: typeKeys[t]).map(Int.init) else {
                unseen.append(t)
                continue
            }
            typeInfos[t] = cachedInfos[c]
            for r in 0..<5 { typeScores[t * 5 + r] = cachedScores[c * 5 + r] }
        }
        let missing = typeCache?.fetch(typeKeys, wanted: unseen, infos: &typeInfos, scores: &typeScores) ?? unseen
        for t in missing {
            typeInfos[t] = NERFeatureExtractor.info(for: tokens[typeFirst[t]], lexicon: lexicon, seen: model.seen)
        }
        if !missing.isEmpty {
            model.weights.withRecords { records in
                var sink = NERScoreSink(table: model.table, records: records)
                for t in missing {
                    Self.scoreType(typeInfos[t], tokens[typeFirst[t]], model, &sink, into: &typeScores, at: t * 5)
                }
            }
            typeCache?.store(typeKeys, new: missing, infos: typeInfos, scores: typeScores)
        }
        var infos = typeOf.map { typeInfos[Int($0)] }
        if lexicon.phrases.count > 0 {
            for line in lines { NERFeatureExtractor.markPhrases(&infos, line, lexicon) }
        }
        if groups.contains(.rules) { NERFeatureExtractor.markRules(&infos, tokens, rules) }
        var emissions1 = [Float](repeating: 0, count: n * k)
        var emissions2 = [Float](repeating: 0, count: model.transitions2 == nil ? 0 : n * k)
        model.weights.withRecords { records in
            var sink = NERScoreSink(table: model.table, records: records)
            typeScores.withUnsafeBufferPointer { ts in
                infos.withUnsafeBufferPointer { info in
                    emissions1.withUnsafeMutableBufferPointer { e1 in
                        emissions2.withUnsafeMutableBufferPointer { e2 in
                            for line in lines {
                                for i in line {
                                    var s = ts[Int(typeOf[i]) * 5]
                                    s +=
                                        i - 1 >= line.lowerBound
                                        ? ts[Int(typeOf[i - 1]) * 5 + 1] : boundaryRoles[0]
                                    s +=
                                        i - 2 >= line.lowerBound
                                        ? ts[Int(typeOf[i - 2]) * 5 + 2] : boundaryRoles[1]
                                    s +=
                                        i + 1 < line.upperBound
                                        ? ts[Int(typeOf[i + 1]) * 5 + 3] : boundaryRoles[2]
                                    s +=
                                        i + 2 < line.upperBound
                                        ? ts[Int(typeOf[i + 2]) * 5 + 4] : boundaryRoles[3]
                                    let p1 = i - 1 >= line.lowerBound ? info[i - 1] : .boundary
                                    let n1 = i + 1 < line.upperBound ? info[i + 1] : .boundary
                                    // The pair features in ``NERFeatureExtractor/pairFeatures``'s
                                    // order, so that the sums are the same to the last bit.
                                    NERFeatureExtractor.bigramFeatures(p1, info[i], n1, into: &sink)
                                    pairTables.add(p1, info[i], n1, to: &sink.scores)
                                    NERFeatureExtractor.clusterBigramFeature(
                                        p1, info[i], groups: groups, lexicon: lexicon, into: &sink)
                                    s += sink.take()
                                    s.writeStage1(e1, at: i * k)
                                    if !e2.isEmpty { s.writeStage2(e2, at: i * k) }
                                }
                            }
                        }
                    }
                }
            }
        }
        var viterbi = NERViterbi()
        var stage1 = [UInt8](repeating: 0, count: n)
        decode(&viterbi, emissions1, lines, transitions1, into: &stage1)
        guard let transitions2, let t2 = model.transitions2 else {
            return finish(
                lines, infos, stage1, stage1, emissions1, model.transitions1, confidence, tokenConfidence)
        }
        let document = infos.withUnsafeBufferPointer { NERDocumentFeatures(infos: $0, lines: lines, tags: stage1) }
        model.weights.withRecords { records in
            var sink = NERScoreSink(table: model.table, records: records)
            emissions2.withUnsafeMutableBufferPointer { e2 in
                for line in lines {
                    for i in line {
                        document.features(at: i, line: line, into: &sink)
                        let s = sink.take()
                        for t in 0..<8 { e2[i * k + t] += s.head2[t] }
                        e2[i * k + 8] += s.last2
                    }
                }
            }
        }
        var tags = [UInt8](repeating: 0, count: n)
        decode(&viterbi, emissions2, lines, transitions2, into: &tags)
        return finish(lines, infos, stage1, tags, emissions2, t2, confidence, tokenConfidence)
    }

    private func decode(
        _ viterbi: inout NERViterbi, _ emissions: [Float], _ lines: [Range<Int>],
        _ transitions: NERTransitions.Constrained, into tags: inout [UInt8]
    ) {
        let k = NERTransitions.tags
        emissions.withUnsafeBufferPointer { e in
            tags.withUnsafeMutableBufferPointer { out in
                for line in lines {
                    viterbi.decode(
                        UnsafeBufferPointer(rebasing: e[(line.lowerBound * k)..<(line.upperBound * k)]),
                        count: line.count, transitions, into: UnsafeMutableBufferPointer(rebasing: out[line]))
                }
            }
        }
    }

    /// Spans of `tags` with their probabilities.
    private func finish(
        _ lines: [Range<Int>], _ infos: [NERTokenInfo], _ stage1: [UInt8], _ tags: [UInt8], _ emissions: [Float],
        _ transitions: NERTransitions, _ confidence: Bool, _ tokenConfidence: Bool
    ) -> NERTagging {
        let k = NERTransitions.tags
        var spans: [(span: IOB2Span, confidence: Double)] = []
        var forwardBackward =
            confidence || tokenConfidence ? NERForwardBackward(transitions, temperature: model.temperature) : nil
        var tokenProbabilities = [Double](repeating: 1, count: tokenConfidence ? tags.count : 0)
        var lineTags: [EntityTag] = []
        for line in lines {
            lineTags.removeAll(keepingCapacity: true)
            for i in line { lineTags.append(EntityTag(index: Int(tags[i]))) }
            let lineSpans = IOB2Span.spans(in: lineTags)
            guard !lineSpans.isEmpty || tokenConfidence else { continue }
            if forwardBackward != nil {
                emissions.withUnsafeBufferPointer { e in
                    forwardBackward!.run(
                        UnsafeBufferPointer(rebasing: e[(line.lowerBound * k)..<(line.upperBound * k)]),
                        count: line.count)
                }
                if tokenConfidence {
                    for i in line {
                        tokenProbabilities[i] = forwardBackward!.marginal(i - line.lowerBound, Int(tags[i]))
                    }
                }
            }
            for s in lineSpans {
                let p = forwardBackward?.spanProbability(start: s.start, end: s.end, type: s.type) ?? 1
                spans.append(
                    (IOB2Span(type: s.type, start: s.start + line.lowerBound, end: s.end + line.lowerBound), p))
            }
        }
        return NERTagging(
            lines: lines, infos: infos, stage1: stage1, tags: tags, spans: spans, tokenConfidence: tokenProbabilities)
    }
}
