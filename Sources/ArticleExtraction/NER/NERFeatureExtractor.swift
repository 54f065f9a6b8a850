// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The feature templates of the first stage (and the token part of the second): for a token of
/// a line, the keys of every feature that fires, computed from the ``Token`` values the daemon
/// sees and the model's lexicon. Training and tagging call the same functions on the same kind
/// of input, so the model sees the same features in both.
///
/// Templates (value hashed with the template number, ``FeatureHash/feature(_:_:)``), by group
/// (``NERFeatureGroups``):
/// - lexical: bias; lexical form, normalised token, light stem, proclitics and shape of the
///   token; lexical forms at -2, -1, +1, +2; form bigrams with each neighbour; normalised forms
///   (with clitics: `وقال`) of the neighbours; proclitics and shapes of the neighbours;
/// - affixes: prefixes and suffixes of 1 to 4 letters of the lexical form;
/// - trigrams: letter trigrams of `^form$` (at most 12);
/// - gazetteer: list flags of the token and its neighbours, and the position in a listed name of
///   several words (longest match);
/// - cues: cue-list flags of the token, the two before and the one after;
/// - seen: share of the word's training occurrences per class (cross-validated for training),
///   whether it was never seen, the majority class of each neighbour;
/// - clusters: the token's cluster at every granularity, its neighbours' coarser clusters, and
///   the bigram of coarsest clusters with the previous token;
/// - frequency: frequency bucket of the token's and its neighbours' forms.
///
/// Source of the feature set: `../shared/NER-NOTES.md` (the route measured for ANERcorp with an
/// averaged perceptron), after Benajiba, Rosso and Benedí (2007/2008) for Arabic NER and
/// Ratinov and Roth (2009) for clusters, gazetteers and document context.
enum NERFeatureExtractor {
    enum Template {
        static let bias: UInt64 = 1
        static let form: UInt64 = 2
        static let normalized: UInt64 = 3
        static let stem: UInt64 = 4
        static let proclitics: UInt64 = 5
        static let shape: UInt64 = 6
        static let formPrev: UInt64 = 8
        static let formNext: UInt64 = 9
        static let formPrev2: UInt64 = 10
        static let formNext2: UInt64 = 11
        static let bigramPrev: UInt64 = 12
        static let bigramNext: UInt64 = 13
        static let normalizedPrev: UInt64 = 14
        static let normalizedNext: UInt64 = 15
        static let procliticsPrev: UInt64 = 16
        static let procliticsNext: UInt64 = 17
        static let shapePrev: UInt64 = 18
        static let shapeNext: UInt64 = 19
        static let prefix: UInt64 = 20  // + length
        static let suffix: UInt64 = 25  // + length
        static let trigram: UInt64 = 30
        static let gazetteer: UInt64 = 40
        static let gazetteerPrev: UInt64 = 41
        static let gazetteerNext: UInt64 = 42
        static let phrase: UInt64 = 43
        static let phrasePrev: UInt64 = 44
        static let phraseNext: UInt64 = 45
        static let cue: UInt64 = 50
        static let cuePrev: UInt64 = 51
        static let cuePrev2: UInt64 = 52
        static let cueNext: UInt64 = 53
        static let seen: UInt64 = 60
        static let unseen: UInt64 = 61
        static let seenPrev: UInt64 = 62
        static let seenNext: UInt64 = 63
        static let cluster: UInt64 = 70  // + level
        static let clusterPrev: UInt64 = 75  // + level
        static let clusterNext: UInt64 = 77  // + level
        static let clusterBigram: UInt64 = 79
        static let frequency: UInt64 = 80
        static let frequencyPrev: UInt64 = 81
        static let frequencyNext: UInt64 = 82
        static let rule: UInt64 = 85
        static let rulePrev: UInt64 = 86
        static let ruleNext: UInt64 = 87
        static let clusterPrevFine: UInt64 = 88
        static let clusterNextFine: UInt64 = 89
        static let clusterPrev2: UInt64 = 90
        static let clusterNext2: UInt64 = 91
    }

    /// ``TokenKind`` as a number: Arabic word 0, Latin word 1, number 2, punctuation 3, other
    /// word 4, URL 5, symbol 6.
    static func kindCode(_ kind: TokenKind) -> UInt8 {
        switch kind {
        case .arabicWord: 0
        case .latinWord: 1
        case .number: 2
        case .punctuation: 3
        case .otherWord: 4
        case .url: 5
        case .symbol: 6
        }
    }

    /// The tokens of each line of `scalars` (ranges of token indices, in order, empty lines left
    /// out): a line break (LF, CR, NEL, U+2028, U+2029) between two tokens ends a line. Spans are
    /// decoded within one line, so no entity crosses a line break.
    static func lines(in tokens: [Token], scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        scalars.withUnsafeBufferPointer { s in
            for i in tokens.indices.dropFirst() {
                var k = tokens[i - 1].range.end
                let end = tokens[i].range.start
                while k < end {
                    if ScalarClass.isLineBreak(s[k].value) {
                        lines.append(start..<i)
                        start = i
                        break
                    }
                    k += 1
                }
            }
        }
        if start < tokens.count { lines.append(start..<tokens.count) }
        return lines
    }

    /// The facts of every token (``NERTokenInfo``); `seen` gives the training counts by lexical
    /// form (``NERSeenCounts`` raw values), `nil` for none.
    static func infos(
        for tokens: [Token], lines: [Range<Int>], lexicon: NERLexicon, seen: NERPackedTable?
    ) -> [NERTokenInfo] {
        var infos = tokens.map { info(for: $0, lexicon: lexicon, seen: seen) }
        if lexicon.phrases.count > 0 {
            for line in lines { markPhrases(&infos, line, lexicon) }
        }
        return infos
    }

    /// The facts of one token, without its place in a listed name (``markPhrases(_:_:_:)``).
    @inline(__always)
    static func info(for token: Token, lexicon: NERLexicon, seen: NERPackedTable?) -> NERTokenInfo {
        let proclitics = NERProclitics(token)
        let (form, choice) = lexicon.lexicalForm(of: token, proclitics: proclitics)
        let length = withFormBytes(token, choice) { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return UInt8(min(n, 255))
        }
        return NERTokenInfo(
            form: form, normalized: FeatureHash.word(token.normalized),
            stem: FeatureHash.word(token.stem),
            word: lexicon.info(form),
            seen: NERSeenCounts(raw: seen?.value(for: form) ?? 0),
            proclitics: proclitics, choice: choice, kind: kindCode(token.kind), length: length, phrase: 0)
    }

    /// Marks the longest listed names of several words, left to right, within `line`.
    static func markPhrases(_ infos: inout [NERTokenInfo], _ line: Range<Int>, _ lexicon: NERLexicon) {
        var i = line.lowerBound
        while i < line.upperBound {
            guard infos[i].isWord else {
                i += 1
                continue
            }
            var hash = NERLexicon.phraseSeed
            var best: (end: Int, type: UInt8)?
            var j = i
            while j < line.upperBound, j - i < 8, infos[j].isWord {
                hash = NERLexicon.phraseStep(hash, infos[j].form)
                guard let flags = lexicon.phrase(hash) else { break }
                if j > i {
                    if flags.contains(.location) { best = (j + 1, 0) }
                    if flags.contains(.organization) { best = (j + 1, 1) }
                }
                guard flags.contains(.prefix) else { break }
                j += 1
            }
            if let best {
                for k in i..<best.end { infos[k].phrase = 1 + 2 * best.type + (k == i ? 0 : 1) }
                i = best.end
            } else {
                i += 1
            }
        }
    }

    /// Marks the tokens of `mentions` (from the rule recogniser over the same tokens) with their
    /// tags: `B-` on the first token a mention overlaps, `I-` on the others.
    static func markRules(_ infos: inout [NERTokenInfo], _ tokens: [Token], _ mentions: [EntityMention]) {
        var i = 0
        for mention in mentions {
            while i < tokens.count && tokens[i].range.end <= mention.range.start { i += 1 }
            var first = true
            var j = i
            while j < tokens.count && tokens[j].range.start < mention.range.end {
                infos[j].rule = UInt8((first ? EntityTag.begin(mention.type) : .inside(mention.type)).index)
                first = false
                j += 1
            }
        }
    }

    /// Calls `body` with the UTF-8 bytes of `token`'s lexical form for `choice`.
    @inline(__always)
    static func withFormBytes<R>(
        _ token: Token, _ choice: NERFormChoice, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        switch choice {
        case .base: FeatureHash.withUTF8(token.base, body)
        case .whole: FeatureHash.withUTF8(token.normalized, body)
        case .dropLetter:
            FeatureHash.withUTF8(token.base) { body(UnsafeBufferPointer(rebasing: $0[min(2, $0.count)...])) }
        }
    }

    /// Adds the keys of the features of token `i` (in `line`) to `sink`: the token's own
    /// features, those of each neighbour in its role, and those of pairs (in that order).
    @inline(__always)
    static func features<S: NERFeatureSink>(
        at i: Int, line: Range<Int>, tokens: [Token], infos: UnsafeBufferPointer<NERTokenInfo>,
        groups: NERFeatureGroups, lexicon: NERLexicon, into sink: inout S
    ) {
        let t = infos[i]
        let p1 = i - 1 >= line.lowerBound ? infos[i - 1] : .boundary
        let p2 = i - 2 >= line.lowerBound ? infos[i - 2] : .boundary
        let n1 = i + 1 < line.upperBound ? infos[i + 1] : .boundary
        let n2 = i + 2 < line.upperBound ? infos[i + 2] : .boundary
        ownFeatures(t, tokens[i], groups: groups, lexicon: lexicon, into: &sink)
        neighbourFeatures(p1, .previous, groups: groups, lexicon: lexicon, into: &sink)
        neighbourFeatures(p2, .secondPrevious, groups: groups, lexicon: lexicon, into: &sink)
        neighbourFeatures(n1, .next, groups: groups, lexicon: lexicon, into: &sink)
        neighbourFeatures(n2, .secondNext, groups: groups, lexicon: lexicon, into: &sink)
        pairFeatures(p1, t, n1, groups: groups, lexicon: lexicon, into: &sink)
    }

    /// Where a neighbour stands relative to the token tagged.
    enum Role: Int, CaseIterable {
        case previous = 0
        case secondPrevious = 1
        case next = 2
        case secondNext = 3
    }

    /// Features of the token itself: a function of the token alone (the tagger computes them
    /// once per distinct token of an article).
    @inline(__always)
    static func ownFeatures<S: NERFeatureSink>(
        _ t: NERTokenInfo, _ token: Token, groups: NERFeatureGroups, lexicon: NERLexicon, into sink: inout S
    ) {
        typealias T = Template
        sink.add(FeatureHash.feature(T.bias, 0))
        sink.add(FeatureHash.feature(T.form, t.form))
        sink.add(FeatureHash.feature(T.normalized, t.normalized))
        sink.add(FeatureHash.feature(T.stem, t.stem))
        sink.add(FeatureHash.feature(T.proclitics, UInt64(t.proclitics.code)))
        sink.add(FeatureHash.feature(T.shape, shape(t)))
        if t.isWord && (groups.contains(.affixes) || groups.contains(.trigrams)) {
            withFormBytes(token, t.choice) { bytes in letterFeatures(bytes, groups, &sink) }
        }
        if groups.contains(.gazetteer) { flagFeatures(T.gazetteer, t.word.gazetteer.rawValue, &sink) }
        if groups.contains(.cues) { flagFeatures(T.cue, t.word.cues.rawValue, &sink) }
        if groups.contains(.seen) && t.isWord {
            let total = t.seen.total
            if total == 0 {
                sink.add(FeatureHash.feature(T.unseen, 0))
            } else {
                for k in 0..<5 {
                    let c = t.seen.count(slot: k)
                    guard c > 0 else { continue }
                    let bucket: UInt64 = c == total ? 3 : 2 * c >= total ? 2 : 1
                    sink.add(FeatureHash.feature(T.seen, UInt64(k) << 2 | bucket))
                }

            }
        }
        if groups.contains(.clusters), let c = t.word.cluster {
            sink.add(FeatureHash.feature(T.cluster, UInt64(c)))
            for level in 0..<lexicon.parentLevels {
                sink.add(
                    FeatureHash.feature(T.cluster + 1 + UInt64(level), UInt64(lexicon.parent(of: c, level: level))))
            }
        }
        if groups.contains(.frequency) {
            sink.add(FeatureHash.feature(T.frequency, UInt64(t.word.frequencyBucket) << 8 | UInt64(t.kind)))
        }
    }

    /// Features of a neighbour `n` in `role`: a function of the neighbour alone.
    @inline(__always)
    static func neighbourFeatures<S: NERFeatureSink>(
        _ n: NERTokenInfo, _ role: Role, groups: NERFeatureGroups, lexicon: NERLexicon, into sink: inout S
    ) {
        typealias T = Template
        switch role {
        case .secondPrevious, .secondNext:
            let previous = role == .secondPrevious
            sink.add(FeatureHash.feature(previous ? T.formPrev2 : T.formNext2, n.form))
            if previous && groups.contains(.cues) { flagFeatures(T.cuePrev2, n.word.cues.rawValue, &sink) }
            if groups.contains(.clusters), lexicon.parentLevels >= 2, let c = n.word.cluster {
                let level = lexicon.parentLevels - 2
                sink.add(
                    FeatureHash.feature(
                        previous ? T.clusterPrev2 : T.clusterNext2, UInt64(lexicon.parent(of: c, level: level))))
            }
            return
        case .previous, .next:
            break
        }
        let previous = role == .previous
        sink.add(FeatureHash.feature(previous ? T.formPrev : T.formNext, n.form))
        sink.add(FeatureHash.feature(previous ? T.normalizedPrev : T.normalizedNext, n.normalized))
        sink.add(FeatureHash.feature(previous ? T.procliticsPrev : T.procliticsNext, UInt64(n.proclitics.code)))
        sink.add(FeatureHash.feature(previous ? T.shapePrev : T.shapeNext, shape(n)))
        if groups.contains(.gazetteer) {
            flagFeatures(previous ? T.gazetteerPrev : T.gazetteerNext, n.word.gazetteer.rawValue, &sink)
        }
        if groups.contains(.cues) { flagFeatures(previous ? T.cuePrev : T.cueNext, n.word.cues.rawValue, &sink) }
        if groups.contains(.seen) {
            sink.add(FeatureHash.feature(previous ? T.seenPrev : T.seenNext, majority(n.seen)))
        }
        if groups.contains(.clusters), let c = n.word.cluster {
            for level in 0..<min(2, lexicon.parentLevels) {
                let l = lexicon.parentLevels - 1 - level  // coarsest first
                let template = (previous ? T.clusterPrev : T.clusterNext) + UInt64(level)
                sink.add(FeatureHash.feature(template, UInt64(lexicon.parent(of: c, level: l))))
            }
            sink.add(FeatureHash.feature(previous ? T.clusterPrevFine : T.clusterNextFine, UInt64(c)))
        }
        if groups.contains(.frequency) {
            sink.add(FeatureHash.feature(previous ? T.frequencyPrev : T.frequencyNext, UInt64(n.word.frequencyBucket)))
        }
    }

    /// Features of the token with its neighbours: form bigrams, the coarsest-cluster bigram, and
    /// the positions in listed names of several words (which depend on the line).
    @inline(__always)
    static func pairFeatures<S: NERFeatureSink>(
        _ p1: NERTokenInfo, _ t: NERTokenInfo, _ n1: NERTokenInfo, groups: NERFeatureGroups, lexicon: NERLexicon,
        into sink: inout S
    ) {
        bigramFeatures(p1, t, n1, into: &sink)
        if groups.contains(.gazetteer) { phraseFeatures(p1.phrase, t.phrase, n1.phrase, into: &sink) }
        if groups.contains(.rules) { ruleFeatures(p1.rule, t.rule, n1.rule, into: &sink) }
        clusterBigramFeature(p1, t, groups: groups, lexicon: lexicon, into: &sink)
    }

    /// The form bigrams of the token with each neighbour.
    @inline(__always)
    static func bigramFeatures<S: NERFeatureSink>(
        _ p1: NERTokenInfo, _ t: NERTokenInfo, _ n1: NERTokenInfo, into sink: inout S
    ) {
        typealias T = Template
        sink.add(FeatureHash.feature(T.bigramPrev, FeatureHash.combine(p1.form, t.form)))
        sink.add(FeatureHash.feature(T.bigramNext, FeatureHash.combine(t.form, n1.form)))
    }

    /// The coarsest-cluster bigram of the token with the one before it (``NERFeatureGroups/clusters``).
    @inline(__always)
    static func clusterBigramFeature<S: NERFeatureSink>(
        _ p1: NERTokenInfo, _ t: NERTokenInfo, groups: NERFeatureGroups, lexicon: NERLexicon, into sink: inout S
    ) {
        typealias T = Template
        if groups.contains(.clusters) && lexicon.parentLevels > 0 {
            let coarsest = lexicon.parentLevels - 1
            let a = p1.word.cluster.map { UInt64(lexicon.parent(of: $0, level: coarsest)) + 1 } ?? 0
            let b = t.word.cluster.map { UInt64(lexicon.parent(of: $0, level: coarsest)) + 1 } ?? 0
            sink.add(FeatureHash.feature(T.clusterBigram, a << 16 | b))
        }
    }

    /// The listed-name position features (``NERTokenInfo/phrase`` of the token and its neighbours;
    /// a 0 adds nothing).
    @inline(__always)
    static func phraseFeatures<S: NERFeatureSink>(_ p1: UInt8, _ t: UInt8, _ n1: UInt8, into sink: inout S) {
        typealias T = Template
        if t != 0 { sink.add(FeatureHash.feature(T.phrase, UInt64(t))) }
        if p1 != 0 { sink.add(FeatureHash.feature(T.phrasePrev, UInt64(p1))) }
        if n1 != 0 { sink.add(FeatureHash.feature(T.phraseNext, UInt64(n1))) }
    }

    /// The rule recogniser's tags (``NERTokenInfo/rule``) of the token and its pairs with its
    /// neighbours.
    @inline(__always)
    static func ruleFeatures<S: NERFeatureSink>(_ p1: UInt8, _ t: UInt8, _ n1: UInt8, into sink: inout S) {
        typealias T = Template
        sink.add(FeatureHash.feature(T.rule, UInt64(t)))
        sink.add(FeatureHash.feature(T.rulePrev, UInt64(p1) << 8 | UInt64(t)))
        sink.add(FeatureHash.feature(T.ruleNext, UInt64(t) << 8 | UInt64(n1)))
    }

    /// Kind, length bucket and form choice.
    @inline(__always)
    private static func shape(_ t: NERTokenInfo) -> UInt64 {
        UInt64(t.kind) << 16 | UInt64(min(t.length, 12)) << 8 | UInt64(t.choice.rawValue)
    }

    /// The entity class that most of a word's training occurrences had (0 none or `O`, 1 + class).
    @inline(__always)
    private static func majority(_ seen: NERSeenCounts) -> UInt64 {
        let total = seen.total
        guard total > 0 else { return 0 }
        for k in 1..<5 where 2 * seen.count(slot: k) >= total { return UInt64(k) }
        return 5
    }

    @inline(__always)
    private static func flagFeatures<S: NERFeatureSink>(_ template: UInt64, _ flags: UInt16, _ sink: inout S) {
        var f = flags
        while f != 0 {
            let bit = f.trailingZeroBitCount
            sink.add(FeatureHash.feature(template, UInt64(bit)))
            f &= f - 1
        }
    }

    /// Affix and trigram features of a word's UTF-8 `bytes`.
    @inline(__always)
    private static func letterFeatures<S: NERFeatureSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ groups: NERFeatureGroups, _ sink: inout S
    ) {
        // Byte offsets of the first 24 scalars and the end.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 26) { starts in
            var n = 0
            for (k, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
                if n == 24 { break }
                starts[n] = k
                n += 1
            }
            let end = n == 24 && starts[23] < bytes.count ? bytesEnd(bytes, after: starts[23]) : bytes.count
            starts[n] = end
            let letters = n
            if groups.contains(.affixes) {
                for k in 1...4 where k < letters {
                    let prefix = FeatureHash.fnv(UnsafeBufferPointer(rebasing: bytes[0..<starts[k]]))
                    sink.add(FeatureHash.feature(Template.prefix + UInt64(k), prefix))
                    let suffix = FeatureHash.fnv(UnsafeBufferPointer(rebasing: bytes[starts[letters - k]..<end]))
                    sink.add(FeatureHash.feature(Template.suffix + UInt64(k), suffix))
                }
            }
            if groups.contains(.trigrams) && letters >= 2 {
                // Trigrams over ^ w $: the first and last carry a boundary mark in their seed.
                let count = min(letters, 12)
                for g in 0..<count {
                    // Letters g-1, g, g+1 of the word, with -1 = ^ and letters = $.
                    let lo = max(g - 1, 0)
                    let hi = min(g + 2, letters)
                    var seed = FeatureHash.offsetBasis
                    if g == 0 { seed ^= 0x5E }
                    if g + 1 >= letters { seed ^= 0x2400 }
                    let h = FeatureHash.fnv(UnsafeBufferPointer(rebasing: bytes[starts[lo]..<starts[hi]]), seed: seed)
                    sink.add(FeatureHash.feature(Template.trigram, h))
                }
            }
        }
    }

    /// End of the scalar starting at byte `start`.
    private static func bytesEnd(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
        var k = start + 1
        while k < bytes.count && bytes[k] & 0xC0 == 0x80 { k += 1 }
        return k
    }
}
