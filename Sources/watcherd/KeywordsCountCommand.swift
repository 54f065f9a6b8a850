// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArgumentParser
import ArticleExtraction
import Foundation

/// `watcherd keywords count --output FILE`: reads a background corpus from standard input, one
/// JSON object per line with the article in `text` (and optionally `title`), tokenises each with
/// the daemon's ``Tokenizer``, counts in how many articles each keyword term occurs
/// (``DocumentFrequencyCounter``), and writes the ``DocumentFrequencies`` table.
/// `tools/build-keyword-frequencies.py` feeds it the SaudiNewsNet corpus.
struct KeywordsCountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Count keyword-term document frequencies of JSON lines on stdin.")

    @Option(help: "Where to write the table.")
    var output: String

    @Option(help: "Keep single words held by at least this many documents.")
    var minimumWord: Int32 = 3

    @Option(help: "Keep word pairs held by at least this many documents.")
    var minimumPair: Int32 = 10

    @Option(help: "A comment line for the file's header (repeatable).")
    var comment: [String] = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func run() throws {
        let tokenizer = Tokenizer()
        var counter = DocumentFrequencyCounter()
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else {
                throw Failure(
                    description: "input-malformed: line \(counter.documents + 1) is not a JSON object with text")
            }
            counter.add(tokenizer.tokens(in: ScalarText.scalars(of: text)))
        }
        let table = counter.table(minimumWord: minimumWord, minimumPair: minimumPair)
        do {
            try table.serialized(comment: comment).write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw Failure(description: "output-unwritable: \(output): \(error)")
        }
        FileHandle.standardError.write(
            Data("watcherd: \(table.documents) documents, \(table.counts.count) terms -> \(output)\n".utf8))
    }
}
