import ArgumentParser
import ArticleExtraction

/// The extraction flags shared by `run`, `process` and `ner eval`.
struct ExtractionOptions: ParsableArguments {
    @Option(
        help:
            "Entity recogniser: \(ExtractionConfiguration.Recognizer.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var recognizer: ExtractionConfiguration.Recognizer = .perceptron

    @Option(
        name: .customLong("ner-model"),
        help: "Model file for --recognizer perceptron (default: ner/model.bin in the resource folder).")
    var nerModel: String?

    /// The extraction configuration these flags choose.
    var configuration: ExtractionConfiguration {
        ExtractionConfiguration(recognizer: recognizer, nerModelPath: nerModel)
    }
}

extension ExtractionConfiguration.Recognizer: ExpressibleByArgument {}
