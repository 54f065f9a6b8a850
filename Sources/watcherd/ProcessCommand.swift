// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import ArticleExtraction
import Foundation
import Pipeline
import SystemPackage

/// `watcherd process FILE...`: the same read, decode and extract stages, once, printing each
/// document as one JSON line on stdout. Inputs are not moved; failures go to stderr and make the
/// exit status 1. On a terminal, a progress bar (files, rate, failures) and a summary at the end
/// go to stderr (``ProgressReporter``).
struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process", abstract: "Run the pipeline once over files and print their documents (JSON lines).")

    @Argument(help: "Article files.")
    var files: [String]

    @Flag(help: "Pretty-print the documents.")
    var pretty = false

    @Option(name: .customLong("max-input-bytes"), help: "Larger inputs fail with too-large.")
    var maxInputBytes = 16 << 20

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        let extractor = try ArticleExtractorFactory.make(
            extraction.configuration, resourceDirectory: ResourceLocator.resourceDirectory().string)
        var failures = 0
        let progress = ProgressReporter(total: files.count)
        defer { progress.end() }
        for file in files {
            let path = FilePath(file)
            switch OneShotProcessor.document(for: path, extractor: extractor, maxInputBytes: maxInputBytes) {
            case .success(let document):
                do {
                    let compact = try ExtractStage.encode(document)
                    var line = pretty ? PrettyJSON.indent(compact) : compact
                    line.append(UInt8(ascii: "\n"))
                    progress.willWriteOutput()
                    FileHandle.standardOutput.write(Data(line))
                    progress.finished(failed: false)
                } catch {
                    failures += 1
                    progress.clearBar()
                    FileHandle.standardError.write(
                        Data("watcherd: extract/encode: \(document.source.path): \(error)\n".utf8))
                    progress.finished(failed: true)
                }
            case .failure(let failure):
                failures += 1
                progress.clearBar()
                FileHandle.standardError.write(Data("watcherd: \(failure)\n".utf8))
                progress.finished(failed: true)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
