// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArgumentParser
import ArticleExtraction
import Foundation
import Pipeline

/// `watcherd ner train`: trains the named-entity model (``NERTrainer``) and writes the model file.
/// Reproducible: the same data, options and seed give the same file. Prints the data used, the
/// feature groups and the development-set figures.
struct NERTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the named-entity model on an IOB2 file and write the model file.",
        discussion: """
            The last --dev-fraction of the sentences is held out as the development set for every choice \
            (pass counts, confidence temperature); its figures are printed. With --unlabeled (default: the \
            SaudiNewsNet corpus, CC BY-NC-SA 4.0) word frequencies and clusters come from that corpus and the \
            model inherits its licence; --no-unlabeled trains from ANERcorp (CC BY-SA 4.0) and the gazetteers only.
            """)

    @Option(help: "IOB2 training file.")
    var train = "../shared/data/ner/anercorp/ANERCorp_CamelLab_train.txt"

    @Option(name: .customLong("dev-fraction"), help: "Share of sentences, at the end of the file, held out.")
    var devFraction = 0.1

    @Option(help: "Seed of every shuffle.")
    var seed: UInt64 = 1

    @Option(help: "Directory of the unlabelled corpus (zip files of JSON articles).")
    var unlabeled = "../shared/data/unlabeled/saudinewsnet-json"

    @Flag(name: .customLong("no-unlabeled"), help: "Train without the unlabelled corpus (no clusters).")
    var noUnlabeled = false

    @Option(
        name: .customLong("unlabeled-cache"),
        help: "File of the corpus counts and clusters: read when it exists, else written after learning them.")
    var unlabeledCache: String?

    @Option(help: "Directory of the shared gazetteer lists (countries, GeoNames cities, Faker names).")
    var gazetteers = "../shared/data/gazetteers"

    @Flag(name: .customLong("no-shared-gazetteers"), help: "Use only the project's gazetteer lists.")
    var noSharedGazetteers = false

    @Option(help: "Resource folder with gazetteer/ (default: the one the daemon uses).")
    var resources: String?

    @Option(
        help: "Feature groups, comma-separated: \(NERFeatureGroups.names.map(\.0).joined(separator: ",")), all, none.")
    var groups = "all"

    @Option(help: "Cross-validation folds.")
    var folds = 5

    @Option(name: .customLong("max-epochs"), help: "Most passes per stage.")
    var maxEpochs = 20

    @Option(name: .customLong("sentences-per-document"), help: "Sentences per training document.")
    var sentencesPerDocument = 20

    @Option(help: "Perceptrons per fit, trained in their own seeded orders and averaged.")
    var ensemble = 3

    @Option(name: .customLong("min-feature-count"), help: "Features seen fewer times in training are left out.")
    var minFeatureCount = 3

    @Option(
        name: .customLong("self-training-tokens"),
        help: "One round of self-training on this many confidently tagged tokens of the unlabelled corpus (0: none).")
    var selfTrainingTokens = 0

    @Option(
        help: "Model name for pipeline.model (default: perceptron-ner-1, or perceptron-ner-1-nu without the corpus).")
    var name: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Model file to write.")
    var output: String

    func validate() throws {
        guard devFraction > 0 && devFraction < 0.5 else { throw ValidationError("--dev-fraction must be in (0, 0.5)") }
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        guard maxEpochs >= 1 else { throw ValidationError("--max-epochs must be at least 1") }
        guard sentencesPerDocument >= 1 else { throw ValidationError("--sentences-per-document must be at least 1") }
        guard NERFeatureGroups(list: groups) != nil else {
            throw ValidationError("--groups: unknown group in \(groups)")
        }
        guard ensemble >= 1, minFeatureCount >= 1, selfTrainingTokens >= 0 else {
            throw ValidationError("--ensemble and --min-feature-count must be at least 1")
        }
        if noUnlabeled && selfTrainingTokens > 0 {
            throw ValidationError("--self-training-tokens needs the unlabelled corpus (not --no-unlabeled)")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        func log(_ line: String) {
            let seconds =
                Double((clock.now - start).components.attoseconds) / 1e18
                + Double((clock.now - start).components.seconds)
            print(String(format: "[%7.1fs] ", seconds) + line)
        }
        let sentences = try NERDataReader.sentences(train)
        let resourceRoot = try resources ?? ResourceLocator.resourceDirectory().string
        let gazetteer = try NERDataReader.gazetteer(
            resources: resourceRoot, shared: noSharedGazetteers ? nil : gazetteers)
        let tokenizer = Tokenizer()
        let rules = GazetteerEntityRecognizer(
            gazetteer: try GazetteerLoader.load(tokenizer: tokenizer, from: resourceRoot))
        var unlabeledLexicon: NERUnlabeledLexicon?
        var texts: [String] = []
        if !noUnlabeled {
            if let cache = unlabeledCache, let data = FileManager.default.contents(atPath: cache) {
                unlabeledLexicon = try NERUnlabeledLexiconCodec.decode([UInt8](data))
                log("unlabelled: counts and clusters read from \(cache)")
            }
            if unlabeledLexicon == nil || selfTrainingTokens > 0 {
                texts = try NERDataReader.unlabeledTexts(unlabeled)
                log("unlabelled: read \(texts.count) articles from \(unlabeled)")
            }
            if unlabeledLexicon == nil {
                let lexicon = NERClusterBuilder.build(
                    texts: texts, gazetteer: gazetteer, tokenizer: tokenizer, options: .init(),
                    corpus: "SaudiNewsNet (\(unlabeled), CC BY-NC-SA 4.0)", log: log)
                if let cache = unlabeledCache {
                    try Data(NERUnlabeledLexiconCodec.encode(lexicon)).write(to: URL(fileURLWithPath: cache))
                    log("unlabelled: counts and clusters written to \(cache)")
                }
                unlabeledLexicon = lexicon
            }
        }
        var options = NERTrainingOptions()
        options.devFraction = devFraction
        options.seed = seed
        options.folds = folds
        options.maxEpochs = maxEpochs
        options.sentencesPerDocument = sentencesPerDocument
        options.groups = NERFeatureGroups(list: groups)!
        if noUnlabeled { options.groups.remove(.clusters) }
        options.minimumCount = noUnlabeled ? 2 : 5
        options.ensemble = ensemble
        options.minimumFeatureCount = minFeatureCount
        options.selfTrainingTokens = selfTrainingTokens
        options.name = name ?? (noUnlabeled ? "perceptron-ner-1-nu" : "perceptron-ner-1")
        let result = try NERTrainer.train(
            NERTrainingInput(
                sentences: sentences, source: (train as NSString).lastPathComponent, gazetteer: gazetteer,
                unlabeled: unlabeledLexicon, rules: rules,
                selfTraining: selfTrainingTokens > 0 ? stride(from: 0, to: texts.count, by: 3).map { texts[$0] } : nil),
            options: options, log: log)
        let bytes = NERModelCodec.encode(result.model)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw NERDataReader.Failure(code: "ner-io", path: output, cause: "cannot write the model: \(error)")
        }
        log(
            "model \(result.model.name): \(bytes.count) bytes, \(result.model.featureCount) feature rows, "
                + "\(result.model.wordCount) word forms -> \(output)")
        for (stage, f1) in result.stageF1 { log("development micro-F1, \(stage): \(String(format: "%.2f", f1 * 100))") }
    }
}
