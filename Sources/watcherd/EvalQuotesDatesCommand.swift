// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArgumentParser
import ArticleExtraction
import Foundation
import Pipeline

/// `watcherd eval quotes-dates [LABELS]`: runs the daemon's extractor (``ArticleExtractorFactory``)
/// over every labelled SaudiNewsNet article, with its `reference_date` as the metadata publication
/// date, and prints quotation precision/recall/F1, speaker accuracy, and date precision/recall/F1
/// and value accuracy (``QuoteDateScorer``; spans match when they overlap). `--errors` lists every
/// disagreement, grouped by kind. `--documents FILE` scores documents the daemon wrote instead (JSON
/// lines as `watcherd process` prints them, made from the inputs `eval/quotes-dates/inputs.py` writes),
/// each matched to its label by file name without extension.
struct EvalQuotesDatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes-dates", abstract: "Score quotations and dates against eval/quotes-dates/labels.jsonl.")

    @Argument(help: "The labels (JSON lines).")
    var labels = "eval/quotes-dates/labels.jsonl"

    @Option(
        help:
            "The shared data root holding articles/saudinewsnet (default: $WATCHERD_SHARED_DATA, else a ../shared/data beside this directory or one of its parents)."
    )
    var data: String?

    @Option(
        help:
            "Score these documents (JSON lines, as `watcherd process` prints them) instead of extracting; matched to labels by file name without extension."
    )
    var documents: String?

    @Flag(help: "List every disagreement.")
    var errors = false

    @OptionGroup var extraction: ExtractionOptions

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        let root = try dataRoot()
        let extractor = try ArticleExtractorFactory.make(
            extraction.configuration, resourceDirectory: ResourceLocator.resourceDirectory().string)
        let scorer = QuoteDateScorer(extractor: extractor)
        var report = QuoteDateReport()
        let decoder = JSONDecoder()
        let content: String
        do {
            content = try String(contentsOfFile: labels, encoding: .utf8)
        } catch {
            throw Failure(description: "labels-unreadable: \(labels): \(error)")
        }
        let written = try documents.map(Self.documents(in:))
        for line in content.split(separator: "\n") where !line.isEmpty {
            let record = try decoder.decode(QuoteDateLabels.self, from: Data(line.utf8))
            if let written {
                guard let document = written[Self.stem(record.file)] else {
                    throw Failure(description: "document-missing: no document for \(record.file) in \(documents ?? "")")
                }
                report.articles += 1
                scorer.score(document, against: record, into: &report)
                continue
            }
            let path = root + "/articles/saudinewsnet/" + record.file
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "data-missing: \(path)")
            }
            let decoded = try ArticleDecoder.decode([UInt8](bytes))
            let article = try ArticleParser.parse(decoded, fileExtension: "txt")
            let document = scorer.document(for: record, article: article)
            report.articles += 1
            scorer.score(document, against: record, into: &report)
        }
        print(report.summary)
        if errors {
            for kind in ["quote-fn", "quote-fp", "speaker", "date-fn", "date-fp", "date-value"] {
                let list = report.errors.filter { $0.kind == kind }
                print("\n## \(kind) (\(list.count))")
                for e in list { print("\(e.file)@\(e.start) [\(e.position)] \(e.detail)") }
            }
        }
    }

    /// The documents of a JSON-lines file, by their source file name without extension.
    static func documents(in path: String) throws -> [String: ArticleDocument] {
        let content: String
        do {
            content = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(description: "documents-unreadable: \(path): \(error)")
        }
        var out: [String: ArticleDocument] = [:]
        for (n, line) in content.split(separator: "\n").enumerated() where !line.isEmpty {
            do {
                let document = try JSONDecoder().decode(ArticleDocument.self, from: Data(line.utf8))
                out[stem(document.source.name)] = document
            } catch {
                throw Failure(description: "document-invalid: \(path): line \(n + 1): \(error)")
            }
        }
        return out
    }

    /// `name` without its last extension (`snn_x.txt` and `snn_x.json` are both `snn_x`).
    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `--data`, `$WATCHERD_SHARED_DATA`, or the first `shared/data` found beside the current
    /// directory or one of its parents.
    private func dataRoot() throws -> String {
        if let data { return data }
        if let env = ProcessInfo.processInfo.environment["WATCHERD_SHARED_DATA"] { return env }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<4 {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/data")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("articles/saudinewsnet").path) {
                return candidate.path
            }
            dir = dir.deletingLastPathComponent()
        }
        throw Failure(description: "data-missing: no shared/data found; pass --data DIR")
    }
}
