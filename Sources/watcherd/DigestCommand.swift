// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import ArticlePages
import Foundation

/// `watcherd digest OUTPUT_DIR [--since 24h] [-o digest.html]`: one page over the documents of a
/// period (see ``DigestAggregator`` and ``DigestPageRenderer``). Failure records are read from
/// `--failed` (default: `failed/` beside OUTPUT_DIR, when it exists). Prints what it read and how
/// long it took on stderr.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write one HTML page over the documents of a period: counts, top names, speakers, timeline.")

    @Argument(help: "The output tree (the daemon's --output).")
    var outputDirectory: String

    @Option(help: "Only documents since then: a duration (90m, 24h, 7d, 2w) or an ISO 8601 date or date-time.")
    var since: String?

    @Option(help: "Which time places a document in the period: received (by the daemon) or published.")
    var by: DigestPeriod.Basis = .received

    @Option(name: .customLong("failed"), help: "Failure records directory (default: failed/ beside OUTPUT_DIR).")
    var failedDirectory: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write the page here (default: stdout).")
    var page: String?

    func run() throws {
        let started = Date()
        let now = Int(started.timeIntervalSince1970)
        var period = DigestPeriod(from: nil, now: now, basis: by)
        if let since {
            guard let parsed = DigestPeriod.since(since, now: now, basis: by) else {
                throw PageError(code: .badPeriod, path: since, cause: "expected 90m, 24h, 7d, 2w or an ISO 8601 date")
            }
            period = parsed
        }
        let root = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let read = try DocumentTreeReader.read(root: root.path)
        let failed = failedDirectory ?? root.deletingLastPathComponent().appendingPathComponent("failed").path
        let failures = DocumentTreeReader.failures(in: failed)
        let readSeconds = Date().timeIntervalSince(started)
        let summary = DigestAggregator.summarize(
            read.records, failures: failures, unreadable: read.unreadable.count, period: period)
        let pageDirectory =
            page.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent() }
            ?? root
        let renderer = DigestPageRenderer(
            linkPrefix: RelativePath.components(from: pageDirectory.path, to: root.path), rootLabel: outputDirectory)
        let html = renderer.render(summary)
        try PageOutput.write(html, to: page)
        let total = Date().timeIntervalSince(started)
        var note = "watcherd digest: \(read.records.count) documents read in \(Self.seconds(readSeconds)) s"
        note += " (\(read.unreadable.count) unreadable, \(failures.count) failure records); "
        note += "\(summary.articles) in the period; page \(html.utf8.count / 1024) KB; total \(Self.seconds(total)) s\n"
        for path in read.unreadable.prefix(5) { note += "watcherd digest: unreadable: \(path)\n" }
        FileHandle.standardError.write(Data(note.utf8))
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f", value) }
}

extension DigestPeriod.Basis: ExpressibleByArgument {}
