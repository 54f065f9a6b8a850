import ArgumentParser
import ArticleExtraction

/// The extraction flags shared by `run` and `process`.
struct ExtractionOptions: ParsableArguments {
    @Option(
        help:
            "Entity recogniser: \(ExtractionConfiguration.Recognizer.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var recognizer: ExtractionConfiguration.Recognizer = .gazetteer

    /// The extraction configuration these flags choose.
    var configuration: ExtractionConfiguration { ExtractionConfiguration(recognizer: recognizer) }
}

extension ExtractionConfiguration.Recognizer: ExpressibleByArgument {}
