// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import ArticleExtraction
import Operations

/// The extraction flags shared by `run`, `process` and `ner eval`.
struct ExtractionOptions: ParsableArguments {
    @Option(
        help:
            "Entity recogniser: \(ExtractionConfiguration.Recognizer.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var recognizer: ExtractionConfiguration.Recognizer?

    @Option(
        name: .customLong("ner-model"),
        help: "Model file for --recognizer perceptron (default: ner/model.bin in the resource folder).")
    var nerModel: String?

    /// The extraction configuration these flags choose (`perceptron` unless told otherwise).
    var configuration: ExtractionConfiguration {
        ExtractionConfiguration(recognizer: recognizer ?? .perceptron, nerModelPath: nerModel)
    }

    /// The flags laid over the configuration file's `recognizer` and `ner_model` keys (`run`).
    func configuration(over service: ServiceConfiguration) -> ExtractionConfiguration {
        ExtractionConfiguration(
            recognizer: recognizer ?? service.string(.recognizer).flatMap(ExtractionConfiguration.Recognizer.init)
                ?? .perceptron,
            nerModelPath: nerModel ?? service.string(.nerModel))
    }
}

extension ExtractionConfiguration.Recognizer: ExpressibleByArgument {}
