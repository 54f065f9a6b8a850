// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import ArticleExtraction
import ArticlePages
import Foundation
import Pipeline
import SystemPackage

/// `watcherd show FILE [-o page.html]`: the HTML page of one article. FILE is a document of the
/// output tree, or an input article, which is then processed first as `watcherd process` does (a
/// `.json` file that does not decode as a document is taken as an input article). Writes to stdout
/// without `-o`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Write the HTML page of a document (or of an article, processed first).",
        discussion: """
            The page is self-contained (inline CSS, no script, nothing loaded from the network): the \
            title, source and dates, the text (right to left for Arabic) with entities, quotations \
            and dates highlighted, keywords, summary, and the entity index in a side panel. Save it \
            beside its document (OUTPUT/x.txt.html for OUTPUT/x.txt.json) and `watcherd digest` links to it.
            """)

    @Argument(help: "A document (*.json from the output tree) or an input article.")
    var file: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write the page here (default: stdout).")
    var page: String?

    @Option(name: .customLong("max-input-bytes"), help: "Larger inputs fail with too-large.")
    var maxInputBytes = 16 << 20

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let document = try load()
        let html = ArticlePageRenderer().render(document)
        try PageOutput.write(html, to: page)
    }

    func load() throws -> PageDocument {
        if file.hasSuffix(".json") {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw PageError(code: .inputUnreadable, path: file, cause: "\(error)")
            }
            if let document = try? JSONDecoder().decode(PageDocument.self, from: data) { return document }
        }
        let extractor = try ArticleExtractorFactory.make(
            extraction.configuration, resourceDirectory: ResourceLocator.resourceDirectory().string)
        switch OneShotProcessor.document(for: FilePath(file), extractor: extractor, maxInputBytes: maxInputBytes) {
        case .success(let document):
            let bytes = try ExtractStage.encode(document)
            do {
                return try JSONDecoder().decode(PageDocument.self, from: Data(bytes))
            } catch {
                throw PageError(
                    code: .notADocument, path: file, cause: "the pipeline's document did not decode: \(error)")
            }
        case .failure(let failure):
            throw PageError(code: .inputUnreadable, path: file, cause: "\(failure)")
        }
    }
}
