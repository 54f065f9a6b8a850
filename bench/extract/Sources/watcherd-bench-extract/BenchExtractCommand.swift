// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import ArticleExtraction
import Foundation
import Pipeline
import SystemPackage

/// `watcherd-bench-extract --files DIR [--repeat N]`: extraction alone, on one thread. Reads every
/// regular file directly in DIR (not its subdirectories; in name order) as the read stage does,
/// then times what the daemon does with each after reading — decode, parse, the extractor's
/// stages, JSON encoding — without writing anything (``ExtractionBenchmark``). Prints one JSON
/// object on stdout (see ``ExtractionBenchmark/Report/json``); inputs that cannot be read are named
/// on stderr and left out.
@main
struct BenchExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watcherd-bench-extract",
        abstract: "Time the extraction of every file in a directory on one thread; print the figures as JSON.")

    @Option(help: "Directory of article files.")
    var files: String

    @Option(name: .customLong("repeat"), help: "Process every file this many times (at least 1).")
    var passes = 1

    @Option(name: .customLong("max-input-bytes"), help: "Larger inputs are left out, as the daemon fails them.")
    var maxInputBytes = 16 << 20

    func validate() throws {
        guard passes >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    @Option(help: "Extraction resources (default: as the daemon finds them, or this checkout's).")
    var resources: String?

    func run() throws {
        let directory = FilePath(files)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.string).sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
        } catch {
            var isDirectory: ObjCBool = false
            let reason =
                !FileManager.default.fileExists(atPath: files, isDirectory: &isDirectory)
                ? "no such directory" : isDirectory.boolValue ? "cannot be listed" : "not a directory"
            FileHandle.standardError.write(Data("watcherd-bench-extract: \(files): \(reason)\n".utf8))
            throw ExitCode(1)
        }
        var articles: [ExtractionBenchmark.Article] = []
        for name in names {
            let path = directory.appending(name)
            switch InputFile.read(FilePath(name), beneath: directory, display: name, maxBytes: maxInputBytes) {
            case .read(let input):
                articles.append(
                    .init(name: name, fileExtension: path.extension, bytes: input.bytes, sha256: input.sha256))
            case .vanished:
                continue  // a subdirectory, or gone
            case .busy:
                FileHandle.standardError.write(Data("watcherd: \(name): left out, open for writing\n".utf8))
            case .failed(let failure, _):
                FileHandle.standardError.write(Data("watcherd: left out: \(failure)\n".utf8))
            }
        }
        let extractor = try ArticleExtractorFactory.make(resourceDirectory: resourceDirectory())
        let report = ExtractionBenchmark.run(articles, extractor: extractor, passes: passes)
        FileHandle.standardOutput.write(Data((report.json + "\n").utf8))
    }

    /// `--resources`, else where the daemon looks, else `Sources/ArticleExtraction/Resources` of
    /// the checkout this file belongs to.
    private func resourceDirectory() throws -> String {
        if let resources { return resources }
        if let found = try? ResourceLocator.resourceDirectory() { return found.string }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return checkout.appendingPathComponent("Sources/ArticleExtraction/Resources").path
    }
}
