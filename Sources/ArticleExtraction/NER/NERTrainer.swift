// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// Trains the two-stage model (``NERModel``) on an IOB2 corpus, reproducibly.
///
/// 1. The last ``NERTrainingOptions/devFraction`` of the sentences is the development set; both
///    parts are cut into documents of ``NERTrainingOptions/sentencesPerDocument`` sentences, one
///    sentence per line, tokenized by the daemon's ``Tokenizer``, and the gold tags carried over
///    to its tokens (``CorpusDocument/projectedTags(onto:)``).
/// 2. The lexicon (``NERLexiconBuilder``): frequencies and clusters from the unlabelled corpus
///    when given (else frequencies of the training part), gazetteers, cue words.
/// 3. "Seen" counts by cross-validation: training documents fall in ``NERTrainingOptions/folds``
///    contiguous folds; a token's counts come from the other folds.
/// 4. First stage: averaged perceptron (``NERPerceptronTrainer``), pass count chosen on the
///    development set; then one first-stage model per fold, trained on the other folds, tags its
///    fold, so that the second stage learns from first-stage tags made as on new text.
/// 5. Second stage: the same features plus ``NERDocumentFeatures``, trained likewise.
/// 6. Rows with weights are kept, keyed by 32 bits and quantised (``NERStageWeights``); the
///    temperature of the confidences is fitted on the development set (lowest log loss of
///    "the span is right"); the development set is measured through the document path.
public enum NERTrainer {
    /// Trains a model. `log` receives progress and figures, one line at a time.
    ///
    /// Throws ``NERError`` `ner-empty-corpus` when the split leaves too little to train or check on.
    public static func train(
        _ input: NERTrainingInput, options: NERTrainingOptions, log: (String) -> Void
    ) throws(NERError) -> NERTrainingResult {
        let total = input.sentences.count
        let devCount = Int((Double(total) * options.devFraction).rounded())
        guard devCount >= 1, total - devCount >= options.folds * options.sentencesPerDocument else {
            throw NERError(
                .emptyCorpus, path: input.source,
                "\(total) sentences: too few for a development set and \(options.folds) folds")
        }
        let trainSentences = Array(input.sentences[..<(total - devCount)])
        let devSentences = Array(input.sentences[(total - devCount)...])
        let tokenizer = Tokenizer()
        var train = CorpusDocument.documents(trainSentences, sentencesPerDocument: options.sentencesPerDocument)
            .map { Prepared($0, tokenizer) }
        var dev = CorpusDocument.documents(devSentences, sentencesPerDocument: options.sentencesPerDocument)
            .map { Prepared($0, tokenizer) }
        func spanCount(_ s: [IOB2Sentence]) -> Int { s.reduce(0) { $0 + IOB2Span.spans(in: $1.tags).count } }
        log(
            "data: \(input.source): \(total) sentences; training part \(trainSentences.count) sentences, "
                + "\(trainSentences.reduce(0) { $0 + $1.tokens.count }) tokens, \(spanCount(trainSentences)) spans "
                + "(\(train.count) documents); development set (last \(devCount) sentences) "
                + "\(devSentences.reduce(0) { $0 + $1.tokens.count }) tokens, \(spanCount(devSentences)) spans")

        // Lexicon.
        let groups = options.groups
        let counts: [UInt64: Int32]
        if let unlabeled = input.unlabeled {
            counts = unlabeled.counts
            for line in unlabeled.description { log("unlabelled: " + line) }
        } else {
            var c: [UInt64: Int32] = [:]
            for doc in train { for token in doc.tokens { c[FeatureHash.word(token.normalized), default: 0] += 1 } }
            counts = c
            log("unlabelled: none (frequencies from the training part, no clusters)")
        }
        let lexicon = NERLexiconBuilder.build(
            counts: counts, minimumCount: options.minimumCount,
            clusters: groups.contains(.clusters) ? input.unlabeled?.clusters ?? [:] : [:],
            parents: input.unlabeled?.parents ?? [], levels: input.unlabeled?.levels ?? 0,
            gazetteer: groups.contains(.gazetteer) ? input.gazetteer : NERGazetteerLists(), tokenizer: tokenizer)
        log(
            "lexicon: \(lexicon.words.count) word forms, \(lexicon.phrases.count) name-prefix entries, "
                + "\(lexicon.parentLevels + (lexicon.clusterParents.isEmpty ? 0 : 1)) cluster levels; "
                + "gazetteer \(input.gazetteer.count) names" + (groups.contains(.gazetteer) ? "" : " (not used)"))
        for source in input.gazetteer.sources { log("gazetteer: " + source) }
        log("feature groups: \(groups.listDescription)")

        let rules = groups.contains(.rules) ? input.rules : nil
        if groups.contains(.rules) && rules == nil { log("rules: no rule recogniser given; rule tags are all O") }
        for k in train.indices { train[k].makeInfos(lexicon, rules: rules) }
        for k in dev.indices { dev[k].makeInfos(lexicon, rules: rules) }
        var surfaces: [String: Int] = [:]
        for doc in train { for token in doc.tokens { surfaces[token.surface, default: 0] += 1 } }
        let frequentWords = surfaces.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(options.frequentWords).map(\.key)
        var context = Context(
            lexicon: lexicon, groups: groups, options: options, gold: train.count,
            seen: seenTable(train) { _ in true }, frequentWords: frequentWords)

        var stages = trainStages(&train, &dev, pseudoTags: [], context, log: log)
        var model = assemble(stages, context, dev, log: log)
        var stageF1 = stages.stageF1
        if let texts = input.selfTraining, !texts.isEmpty, options.selfTrainingTokens > 0 {
            // One round of self-training: lines the model tags confidently join the training data.
            let pseudo = pseudoLabelled(texts, model, rules, &context, tokenizer, log: log)
            train += pseudo.documents
            stages = trainStages(&train, &dev, pseudoTags: pseudo.stage1, context, log: log)
            model = assemble(stages, context, dev, log: log)
            stageF1 += stages.stageF1.map { ("self-trained " + $0.0, $0.1) }
        }
        let extractor = ArticleExtractorFactory.entities(
            recognizer: PerceptronEntityRecognizer(model: model, rules: rules), tokenizer: tokenizer)
        let development = NEREvaluator.evaluate(
            devSentences, extractor: extractor, sentencesPerDocument: options.sentencesPerDocument,
            training: trainSentences)
        stageF1.append(("stored model, document path (development set, corpus tokens)", development.scorer.micro.f1))
        log("development set through the document path (stored model):")
        for line in development.report.split(separator: "\n") { log("  " + line) }
        var notes = [
            "\(options.name): averaged-perceptron two-stage IOB2 tagger (watcherd ner train)",
            "training data: \(input.source), first \(trainSentences.count) sentences (last \(devCount) held out)",
            "feature groups: \(groups.listDescription)",
            "seed \(options.seed), folds \(options.folds), ensemble \(options.ensemble), passes stage 1 "
                + "\(stages.epochs1)" + (stages.epochs2 == nil ? "" : ", stage 2 \(stages.epochs2!)"),
            "development micro-F1 (document path): \(percent(development.scorer.micro.f1))",
        ]
        notes += input.unlabeled?.description.map { "unlabelled: " + $0 } ?? ["unlabelled: none"]
        if context.pseudoTokens > 0 {
            notes.append("self-training: \(context.pseudoTokens) tokens of confidently tagged unlabelled text")
        }
        notes += input.gazetteer.sources.map { "gazetteer: " + $0 }
        model = model.with(notes: notes)
        return NERTrainingResult(model: model, development: development, stageF1: stageF1)
    }

    /// What every stage reads.
    struct Context {
        let lexicon: NERLexicon
        let groups: NERFeatureGroups
        let options: NERTrainingOptions
        /// Training documents `0..<gold` carry gold tags; later ones are pseudo-labelled.
        let gold: Int
        /// Counts over all gold training documents.
        let seen: NERPackedTable
        /// The most frequent surface forms of the gold training documents.
        let frequentWords: [String]
        var pseudoTokens = 0

        /// Fold of gold document `d`.
        func fold(_ d: Int) -> Int { d * options.folds / gold }
    }

    /// What ``trainStages(_:_:pseudoTags:_:log:)`` made.
    struct Stages {
        var keys: [UInt64]
        var weights1: [Float]
        var transitions1: NERTransitions
        var epochs1: Int
        var weights2: [Float]?
        var transitions2: NERTransitions?
        var epochs2: Int?
        var stageF1: [(String, Double)]
    }

    /// Trains both stages on `train` (gold documents first; pseudo-labelled ones after, with
    /// their first-stage tags in `pseudoTags`), choosing pass counts on `dev`.
    static func trainStages(
        _ train: inout [Prepared], _ dev: inout [Prepared], pseudoTags: [[UInt8]], _ context: Context,
        log: (String) -> Void
    ) -> Stages {
        let options = context.options
        let groups = context.groups
        let lexicon = context.lexicon
        let folds = options.folds
        let foldSeen = (0..<folds).map { k in seenTable(train) { $0 < context.gold && context.fold($0) != k } }
        for d in train.indices { train[d].setSeen(d < context.gold ? foldSeen[context.fold(d)] : context.seen) }
        for d in dev.indices { dev[d].setSeen(context.seen) }

        var interner = NERFeatureInterner()
        var train1 = NERTrainingData()
        var sequenceDoc: [Int] = []
        var docStart: [Int] = []
        for (d, doc) in train.enumerated() {
            docStart.append(train1.tokenCount)
            let before = train1.sequences.count
            doc.append(to: &train1, groups: groups, lexicon: lexicon, interner: &interner)
            sequenceDoc += Array(repeating: d, count: train1.sequences.count - before)
        }
        interner.frozen = true
        var dev1 = NERTrainingData()
        for doc in dev { doc.append(to: &dev1, groups: groups, lexicon: lexicon, interner: &interner) }
        interner.frozen = false
        let features1 = interner.count
        func kept(_ count: Int) -> [Bool] {
            (0..<count).map { interner.counts[$0] >= Int32(options.minimumFeatureCount) }
        }
        if options.minimumFeatureCount > 1 {
            let keep = kept(features1)
            train1 = train1.keeping(keep)
            dev1 = dev1.keeping(keep)
        }
        log(
            "stage 1: \(features1) features over \(train1.tokenCount) training tokens"
                + (options.minimumFeatureCount > 1
                    ? ", \(kept(features1).count { $0 }) seen at least \(options.minimumFeatureCount) times" : ""))
        let all = Array(train1.sequences.indices)
        let fit1 = fit(train1, all, featureCount: features1, options, seed: options.seed, dev: dev1, log: log)
        var stageF1 = [("stage 1 (development set, tokenizer tokens)", fit1.f1)]
        log("stage 1: best after \(fit1.epochs) passes, development F1 \(percent(fit1.f1))")
        var stages = Stages(
            keys: [], weights1: fit1.weights, transitions1: fit1.transitions, epochs1: fit1.epochs, weights2: nil,
            transitions2: nil, epochs2: nil, stageF1: [])
        if groups.contains(.document) {
            // First-stage tags of the gold documents by cross-validation (pseudo-labelled
            // documents are in every fold's training data and keep the tags they came with).
            var cvTags = [UInt8](repeating: 0, count: train1.tokenCount)
            for k in 0..<folds {
                let others = all.filter { sequenceDoc[$0] >= context.gold || context.fold(sequenceDoc[$0]) != k }
                let model = fit(
                    train1, others, featureCount: features1, options, seed: options.seed &+ UInt64(k + 1), dev: nil,
                    epochs: fit1.epochs, log: log)
                let tags = NERPerceptronTrainer.decode(train1, weights: model.weights, transitions: model.transitions)
                for s in all where sequenceDoc[s] < context.gold && context.fold(sequenceDoc[s]) == k {
                    for i in train1.sequences[s] { cvTags[i] = tags[i] }
                }
            }
            var devTags1 = [[UInt8]]()
            let devDecoded = NERPerceptronTrainer.decode(dev1, weights: fit1.weights, transitions: fit1.transitions)
            var offset = 0
            for doc in dev {
                devTags1.append(Array(devDecoded[offset..<(offset + doc.tokens.count)]))
                offset += doc.tokens.count
            }
            var train2 = NERTrainingData()
            for (d, doc) in train.enumerated() {
                let tags =
                    d < context.gold
                    ? Array(cvTags[docStart[d]..<(docStart[d] + doc.tokens.count)]) : pseudoTags[d - context.gold]
                doc.appendStage2(to: &train2, tags: tags, groups: groups, lexicon: lexicon, interner: &interner)
            }
            log("stage 1: cross-validated tags of the gold training documents: F1 \(percent(f1(train1, cvTags)))")
            interner.frozen = true
            var dev2 = NERTrainingData()
            for (d, doc) in dev.enumerated() {
                doc.appendStage2(to: &dev2, tags: devTags1[d], groups: groups, lexicon: lexicon, interner: &interner)
            }
            log("stage 2: \(interner.count - features1) document features added")
            if options.minimumFeatureCount > 1 {
                let keep = kept(interner.count)
                train2 = train2.keeping(keep)
                dev2 = dev2.keeping(keep)
            }
            let fit2 = fit(
                train2, Array(train2.sequences.indices), featureCount: interner.count, options,
                seed: options.seed &+ 100, dev: dev2, log: log)
            stageF1.append(("stage 2 (development set, tokenizer tokens)", fit2.f1))
            log("stage 2: best after \(fit2.epochs) passes, development F1 \(percent(fit2.f1))")
            stages.weights2 = fit2.weights
            stages.transitions2 = fit2.transitions
            stages.epochs2 = fit2.epochs
        }
        stages.weights1 += [Float](repeating: 0, count: (interner.count - features1) * NERTransitions.tags)
        stages.keys = interner.keys
        stages.stageF1 = stageF1
        return stages
    }

    /// The stored model of `stages`, with its temperature fitted on `dev`.
    static func assemble(_ stages: Stages, _ context: Context, _ dev: [Prepared], log: (String) -> Void) -> NERModel {
        let compact = compactRows(
            keys: stages.keys, stages.weights1, stages.weights2, threshold: context.options.pruneBelow)
        let model = NERModel(
            name: context.options.name, groups: context.groups, temperature: 1, notes: [],
            frequentWords: context.frequentWords, lexicon: context.lexicon,
            seen: context.seen, table: NERRowTable(keys: compact.keys),
            weights: NERRowWeights(stage1: compact.stage1, stage2: compact.stage2),
            transitions1: stages.transitions1, transitions2: stages.transitions2)
        log("model: \(model.featureCount) feature rows kept of \(stages.keys.count)")
        var best = (bias: Float(0), f1: devF1(model, dev))
        for step in 1...20 {
            for bias in [Float(step), -Float(step)] where bias >= -8 {
                let score = devF1(model.with(outsideBias: bias), dev)
                if score > best.f1 + 1e-9 { best = (bias, score) }
            }
        }
        log(
            "decoding: outside bias \(best.bias) (development F1 \(percent(best.f1)), \(percent(devF1(model, dev))) without)"
        )
        let biased = model.with(outsideBias: best.bias)
        let temperature = calibrate(biased, dev)
        log("confidence: temperature \(String(format2: temperature)) (lowest log loss on the development set)")
        return biased.with(temperature: temperature)
    }

    /// Span micro-F1 of `model` on the development documents (tokenizer tokens).
    static func devF1(_ model: NERModel, _ dev: [Prepared]) -> Double {
        let tagger = NERTagger(model: model)
        var scorer = ConllScorer()
        for doc in dev {
            let tagging = tagger.tag(doc.tokens, scalars: doc.scalars, rules: doc.ruleMentions, confidence: false)
            for line in doc.lines {
                scorer.add(
                    gold: doc.gold[line].map { EntityTag(index: Int($0)) },
                    predicted: tagging.tags[line].map { EntityTag(index: Int($0)) })
            }
        }
        return scorer.micro.f1
    }

    /// Documents of `texts` whose lines `model` tags with every token's tag at least
    /// ``NERTrainingOptions/selfTrainingThreshold`` probable and at least one entity, up to
    /// ``NERTrainingOptions/selfTrainingTokens`` tokens; with the first-stage tags of each document.
    static func pseudoLabelled(
        _ texts: [String], _ model: NERModel, _ rules: GazetteerEntityRecognizer?, _ context: inout Context,
        _ tokenizer: Tokenizer, log: (String) -> Void
    ) -> (documents: [Prepared], stage1: [[UInt8]]) {
        let tagger = NERTagger(model: model)
        var documents: [Prepared] = []
        var stage1: [[UInt8]] = []
        var tokens = 0
        var lines = 0
        for text in texts where tokens < context.options.selfTrainingTokens {
            let scalars = ScalarText.scalars(of: text)
            let words = tokenizer.tokens(in: scalars)
            guard !words.isEmpty else { continue }
            let ruleMentions = rules?.mentions(in: words, scalars: scalars) ?? []
            let tagging = tagger.tag(
                words, scalars: scalars, rules: ruleMentions, confidence: false, tokenConfidence: true)
            let chosen = tagging.lines.filter { line in
                line.allSatisfy { tagging.tokenConfidence[$0] >= context.options.selfTrainingThreshold }
                    && line.contains { tagging.tags[$0] != 0 }
            }
            guard !chosen.isEmpty else { continue }
            var doc = Prepared(scalars: scalars, tokens: words, lines: tagging.lines, gold: tagging.tags)
            doc.trainingLines = chosen
            doc.makeInfos(context.lexicon, rules: rules)
            documents.append(doc)
            stage1.append(tagging.stage1)
            tokens += chosen.reduce(0) { $0 + $1.count }
            lines += chosen.count
        }
        context.pseudoTokens = tokens
        log("self-training: \(lines) lines, \(tokens) tokens from \(documents.count) unlabelled articles")
        return (documents, stage1)
    }

    static func percent(_ x: Double) -> String { String(format2: x * 100) }

    // MARK: - Documents

    /// One training or development document, tokenized, with gold tags on its tokens.
    struct Prepared {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        let lines: [Range<Int>]
        /// Gold tag index per token (valid IOB2 within each line).
        let gold: [UInt8]
        /// The lines that are training sequences (all, except in pseudo-labelled documents).
        var trainingLines: [Range<Int>]
        var infos: [NERTokenInfo] = []

        init(_ document: CorpusDocument, _ tokenizer: Tokenizer) {
            let scalars = Array(document.text.unicodeScalars)
            let tokens = tokenizer.tokens(in: scalars)
            let lines = NERFeatureExtractor.lines(in: tokens, scalars: scalars)
            let projected = document.projectedTags(onto: tokens)
            var gold = [UInt8](repeating: 0, count: tokens.count)
            for line in lines {
                let valid = IOB2Span.tags(of: IOB2Span.spans(in: Array(projected[line])), count: line.count)
                for (k, tag) in valid.enumerated() { gold[line.lowerBound + k] = UInt8(tag.index) }
            }
            self.init(scalars: scalars, tokens: tokens, lines: lines, gold: gold)
        }

        init(scalars: [Unicode.Scalar], tokens: [Token], lines: [Range<Int>], gold: [UInt8]) {
            self.scalars = scalars
            self.tokens = tokens
            self.lines = lines
            self.gold = gold
            self.trainingLines = lines
        }

        /// Rule tags of the document, kept for the model's tagger during calibration.
        var ruleMentions: [EntityMention] = []

        mutating func makeInfos(_ lexicon: NERLexicon, rules: GazetteerEntityRecognizer?) {
            infos = NERFeatureExtractor.infos(for: tokens, lines: lines, lexicon: lexicon, seen: nil)
            if let rules {
                ruleMentions = rules.mentions(in: tokens, scalars: scalars)
                NERFeatureExtractor.markRules(&infos, tokens, ruleMentions)
            }
        }

        mutating func setSeen(_ seen: NERPackedTable) {
            for k in infos.indices { infos[k].seen = NERSeenCounts(raw: seen.value(for: infos[k].form)) }
        }

        /// Appends the first-stage features and gold tags of every training line.
        func append(
            to data: inout NERTrainingData, groups: NERFeatureGroups, lexicon: NERLexicon,
            interner: inout NERFeatureInterner
        ) {
            infos.withUnsafeBufferPointer { info in
                for line in trainingLines {
                    let start = data.tokenCount
                    for i in line {
                        interner.startToken()
                        NERFeatureExtractor.features(
                            at: i, line: line, tokens: tokens, infos: info, groups: groups, lexicon: lexicon,
                            into: &interner)
                        data.append(features: interner.current, gold: gold[i])
                    }
                    data.endSequence(from: start)
                }
            }
        }

        /// Appends the second-stage features of every training line: the first stage's and the
        /// document features of the first-stage tags `tags` (one per token of the document).
        func appendStage2(
            to data: inout NERTrainingData, tags: [UInt8], groups: NERFeatureGroups, lexicon: NERLexicon,
            interner: inout NERFeatureInterner
        ) {
            let document = infos.withUnsafeBufferPointer { NERDocumentFeatures(infos: $0, lines: lines, tags: tags) }
            infos.withUnsafeBufferPointer { info in
                for line in trainingLines {
                    let first = data.tokenCount
                    for i in line {
                        interner.startToken()
                        NERFeatureExtractor.features(
                            at: i, line: line, tokens: tokens, infos: info, groups: groups, lexicon: lexicon,
                            into: &interner)
                        document.features(at: i, line: line, into: &interner)
                        data.append(features: interner.current, gold: gold[i])
                    }
                    data.endSequence(from: first)
                }
            }
        }
    }

    /// Counts of the gold classes of each lexical form over the documents `include` admits.
    static func seenTable(_ docs: [Prepared], include: (Int) -> Bool) -> NERPackedTable {
        var table: [UInt32: UInt32] = [:]
        for (d, doc) in docs.enumerated() where include(d) {
            for (i, info) in doc.infos.enumerated() where info.isWord {
                let key = NERPackedTable.key(info.form)
                var counts = NERSeenCounts(raw: table[key, default: 0])
                counts.add(EntityTag(index: Int(doc.gold[i])).type)
                table[key] = counts.raw
            }
        }
        return NERPackedTable(table)
    }

    // MARK: - Fitting

    struct Fit {
        var weights: [Float]
        var transitions: NERTransitions
        var epochs: Int
        var f1: Double
    }

    /// Trains on `sequences` of `data`: with `dev`, up to `maxEpochs` passes keeping the best on
    /// it (stopping after 3 passes without gain); without, exactly `epochs` passes. With
    /// ``NERTrainingOptions/ensemble`` above 1, that many perceptrons visit the lines in their
    /// own seeded orders and the model is the mean of their averaged weights.
    static func fit(
        _ data: NERTrainingData, _ sequences: [Int], featureCount: Int, _ options: NERTrainingOptions,
        seed: UInt64, dev: NERTrainingData?, epochs: Int? = nil, log: (String) -> Void
    ) -> Fit {
        let members = max(options.ensemble, 1)
        var trainers = (0..<members).map { _ in NERPerceptronTrainer(featureCount: featureCount) }
        var randoms = (0..<members).map { NERRandom(seed: seed &+ UInt64($0) &* 0x1000) }
        var orders = Array(repeating: sequences, count: members)
        var best: Fit?
        let passes = dev == nil ? (epochs ?? options.maxEpochs) : options.maxEpochs
        func averaged() -> (weights: [Float], transitions: NERTransitions) {
            var (weights, transitions) = trainers[0].averaged()
            guard members > 1 else { return (weights, transitions) }
            for m in 1..<members {
                let (w, t) = trainers[m].averaged()
                for i in weights.indices { weights[i] += w[i] }
                for i in 0..<9 {
                    transitions.start[i] += t.start[i]
                    transitions.end[i] += t.end[i]
                }
                for i in 0..<81 { transitions.pair[i] += t.pair[i] }
            }
            let scale = 1 / Float(members)
            for i in weights.indices { weights[i] *= scale }
            for i in 0..<9 {
                transitions.start[i] *= scale
                transitions.end[i] *= scale
            }
            for i in 0..<81 { transitions.pair[i] *= scale }
            return (weights, transitions)
        }
        for epoch in 1...max(passes, 1) {
            var mistakes = 0
            for m in 0..<members {
                orders[m].shuffle(using: &randoms[m])
                mistakes += trainers[m].epoch(data, order: orders[m])
            }
            guard let dev else { continue }
            let model = averaged()
            let tags = NERPerceptronTrainer.decode(dev, weights: model.weights, transitions: model.transitions)
            let score = f1(dev, tags)
            log("  pass \(epoch): \(mistakes) training tokens wrong, development F1 \(percent(score))")
            if best == nil || score > best!.f1 {
                best = Fit(weights: model.weights, transitions: model.transitions, epochs: epoch, f1: score)
            } else if epoch - best!.epochs >= 3 {
                break
            }
        }
        if let best { return best }
        let model = averaged()
        return Fit(weights: model.weights, transitions: model.transitions, epochs: passes, f1: 0)
    }

    /// Span micro-F1 of `tags` against `data`'s gold tags, line by line.
    static func f1(_ data: NERTrainingData, _ tags: [UInt8]) -> Double {
        var scorer = ConllScorer()
        for s in data.sequences {
            scorer.add(
                gold: data.gold[s].map { EntityTag(index: Int($0)) },
                predicted: tags[s].map { EntityTag(index: Int($0)) })
        }
        return scorer.micro.f1
    }

    // MARK: - Storing

    /// Rows whose largest weight reaches `threshold` (and is not 0), keyed by 32 bits; rows whose
    /// keys agree in those bits are added together.
    static func compactRows(
        keys: [UInt64], _ stage1: [Float], _ stage2: [Float]?, threshold: Float
    ) -> (keys: [UInt32], stage1: [Float], stage2: [Float]?) {
        let k = NERTransitions.tags
        var rows: [UInt32: Int] = [:]
        var out: [UInt32] = []
        var out1: [Float] = []
        var out2: [Float] = []
        for (id, key) in keys.enumerated() {
            var m: Float = 0
            for t in 0..<k {
                m = max(m, abs(stage1[id * k + t]))
                if let stage2 { m = max(m, abs(stage2[id * k + t])) }
            }
            guard m > 0, m >= threshold else { continue }
            let short = UInt32(truncatingIfNeeded: key)
            let row: Int
            if let found = rows[short] {
                row = found
            } else {
                row = out.count
                rows[short] = row
                out.append(short)
                out1 += [Float](repeating: 0, count: k)
                out2 += [Float](repeating: 0, count: k)
            }
            for t in 0..<k {
                out1[row * k + t] += stage1[id * k + t]
                if let stage2 { out2[row * k + t] += stage2[id * k + t] }
            }
        }
        return (out, out1, stage2 == nil ? nil : out2)
    }

    // MARK: - Confidence

    /// The temperature (on a geometric grid from 0.25 to about 400) that gives the spans the
    /// model predicts on the development documents the lowest log loss of being right.
    static func calibrate(_ model: NERModel, _ dev: [Prepared]) -> Double {
        var best = (temperature: 1.0, loss: Double.infinity)
        var t = 0.25
        while t < 400 {
            let tagger = NERTagger(model: model.with(temperature: t))
            var loss = 0.0
            for doc in dev {
                let tagging = tagger.tag(doc.tokens, scalars: doc.scalars, rules: doc.ruleMentions)
                var gold = Set<IOB2Span>()
                for line in doc.lines {
                    for s in IOB2Span.spans(in: doc.gold[line].map { EntityTag(index: Int($0)) }) {
                        gold.insert(
                            IOB2Span(type: s.type, start: s.start + line.lowerBound, end: s.end + line.lowerBound))
                    }
                }
                for (span, p) in tagging.spans {
                    let q = min(max(p, 1e-6), 1 - 1e-6)
                    loss -= gold.contains(span) ? log(q) : log(1 - q)
                }
            }
            if loss < best.loss { best = (t, loss) }
            t *= 1.25
        }
        return best.temperature
    }
}
