// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArgumentParser
import ArticleExtraction
import Foundation
import Glibc
import Pipeline

/// `watcherd ner bench`: how fast the trained recogniser tags, on one core, beside the gazetteer
/// recogniser in the same run; how long the model takes to load; resident memory before and
/// after. Articles are read, decoded, parsed and tokenized before timing; the timed work is
/// ``EntityRecognizing/mentions(in:scalars:)`` alone, on the calling thread (thread CPU time and
/// wall time, best pass of `--repeat`).
struct NERBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time the entity recognisers on a directory of articles (one core).")

    @Option(help: "Directory of article files.")
    var files = "../shared/data/articles/saudinewsnet"

    @Option(help: "Model file (default: the shipped ner/model.bin).")
    var model: String?

    @Option(name: .customLong("repeat"), help: "Passes over the articles; the best is reported.")
    var passes = 5

    func validate() throws {
        guard passes >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let rssStart = Self.status("VmRSS")
        let loadStart = Self.now()
        let resources = try ResourceLocator.resourceDirectory().string
        let nerModel =
            try model.map { path throws -> NERModel in try NERModelLoader.load(path: path) }
            ?? NERModelLoader.loadShipped(from: resources)
        let tokenizer = Tokenizer()
        let gazetteer = GazetteerEntityRecognizer(
            gazetteer: try GazetteerLoader.load(tokenizer: tokenizer, from: resources))
        let perceptron = PerceptronEntityRecognizer(
            model: nerModel, rules: nerModel.groups.contains(.rules) ? gazetteer : nil)
        let loadMs = Self.since(loadStart).wall * 1000
        let rssModel = Self.status("VmRSS")
        var articles: [(tokens: [Token], scalars: [Unicode.Scalar])] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: files).sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: files + "/" + name),
                let decoded = try? ArticleDecoder.decode([UInt8](data)),
                let text = try? ArticleParser.parse(decoded, fileExtension: (name as NSString).pathExtension).text
            else { continue }
            let scalars = Array(text.unicodeScalars)
            articles.append((tokenizer.tokens(in: scalars), scalars))
        }
        guard !articles.isEmpty else {
            throw NERDataReader.Failure(code: "ner-io", path: files, cause: "no readable article")
        }
        let tokens = articles.reduce(0) { $0 + $1.tokens.count }
        print(
            "articles \(articles.count), tokens \(tokens) (\(tokens / articles.count) per article), "
                + "passes \(passes) (best reported), one thread")
        print(
            String(
                format:
                    "model %@: load %.1f ms (with the gazetteer and the tagger's cache), %d feature rows, "
                    + "%d word forms; RSS %.1f MB before, %.1f MB after loading",
                nerModel.name, loadMs, nerModel.featureCount, nerModel.wordCount, rssStart / 1024, rssModel / 1024))
        var figures: [(String, Double)] = []
        for recognizer in [perceptron, gazetteer] as [any EntityRecognizing] {
            var best = (cpu: Double.infinity, wall: Double.infinity)
            var mentions = 0
            for _ in 0..<passes {
                mentions = 0
                let start = Self.now()
                for article in articles {
                    mentions += recognizer.mentions(in: article.tokens, scalars: article.scalars).count
                }
                let elapsed = Self.since(start)
                best = (min(best.cpu, elapsed.cpu), min(best.wall, elapsed.wall))
            }
            let rate = Double(tokens) / best.cpu
            figures.append((recognizer.model, rate))
            print(
                String(
                    format:
                        "%@: %.0f tokens/s (thread CPU), %.0f tokens/s (wall), %.3f ms per article (CPU), %d mentions",
                    recognizer.model, rate, Double(tokens) / best.wall, best.cpu * 1000 / Double(articles.count),
                    mentions))
        }
        print(String(format: "ratio %@ / %@: %.3f", figures[0].0, figures[1].0, figures[0].1 / figures[1].1))
        print(String(format: "peak RSS (VmHWM) %.1f MB", Self.status("VmHWM") / 1024))
    }

    /// Thread CPU and monotonic wall seconds.
    private static func now() -> (cpu: Double, wall: Double) {
        var cpu = timespec()
        var wall = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
        clock_gettime(CLOCK_MONOTONIC, &wall)
        return (Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9, Double(wall.tv_sec) + Double(wall.tv_nsec) / 1e9)
    }

    /// Seconds since `start` (a ``now()`` reading).
    private static func since(_ start: (cpu: Double, wall: Double)) -> (cpu: Double, wall: Double) {
        let end = now()
        return (end.cpu - start.cpu, end.wall - start.wall)
    }

    /// A `kB` field of `/proc/self/status`, 0 when absent.
    private static func status(_ field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
