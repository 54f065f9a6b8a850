// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import ArticleExtraction
import Foundation
import Pipeline

/// `watcherd ner eval FILE`: conlleval span figures of a recogniser on an IOB2 file, measured the
/// way users get them (``NEREvaluator``): text built from the corpus tokens, consecutive sentences
/// per document, one sentence per line, through the same ``ArticleExtractor`` the daemon runs,
/// document spans mapped back onto the corpus tokens.
struct NEREvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the entity recogniser on an IOB2 file through the document path (conlleval figures).")

    @Argument(help: "IOB2 file (token TAG per line, blank line between sentences).")
    var file: String

    @OptionGroup var extraction: ExtractionOptions

    @Option(name: .customLong("sentences-per-document"), help: "Consecutive sentences per document.")
    var sentencesPerDocument = 20

    @Option(help: "Training file, for the recall on spans never seen in it (skipped when absent).")
    var train = "../shared/data/ner/anercorp/ANERCorp_CamelLab_train.txt"

    func validate() throws {
        guard sentencesPerDocument >= 1 else { throw ValidationError("--sentences-per-document must be at least 1") }
    }

    func run() throws {
        let sentences = try NERDataReader.sentences(file)
        let extractor = try ArticleExtractorFactory.make(
            extraction.configuration, resourceDirectory: ResourceLocator.resourceDirectory().string)
        let training = FileManager.default.fileExists(atPath: train) ? try NERDataReader.sentences(train) : nil
        let evaluation = NEREvaluator.evaluate(
            sentences, extractor: extractor,
            sentencesPerDocument: sentencesPerDocument, training: training)
        print("file \(file), recogniser \(evaluation.model), \(sentencesPerDocument) sentences per document")
        print(evaluation.report)
    }
}
