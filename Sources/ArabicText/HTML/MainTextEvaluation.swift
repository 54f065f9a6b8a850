// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Scores main-text extraction on trafilatura's evaluation set, through the real parse path
/// (``ArticleDecoder`` then ``ArticleParser``), and times it.
///
/// The set (`tests/evaldata.json` of github.com/adbar/trafilatura, Apache-2.0) maps each page's
/// URL to its file and to 1–6 snippets that a good extraction contains (`with`) and 1–6 that it
/// must not contain (`without`). Scoring as trafilatura's `tests/eval_common.py` does it: the
/// extracted `text` and each snippet are whitespace-normalised (every run of Unicode white space
/// becomes one space, then trimmed); a `with` snippet found is a true positive, else a false
/// negative; a `without` snippet found is a false positive, else a true negative; precision,
/// recall, F1 and accuracy are over all snippets of all pages. A page that fails to decode or
/// parse counts as finding nothing.
///
/// Pure: the caller reads the files (see `watcherd eval-html`). Timing uses the injected
/// monotonic clock, on the calling thread.
public enum MainTextEvaluation {
    /// One annotated page of the set.
    public struct Page: Sendable {
        public var url: String
        /// The file name under `cache/` or `eval/`.
        public var file: String
        public var with: [String]
        public var without: [String]

        public init(url: String, file: String, with: [String], without: [String]) {
            self.url = url
            self.file = file
            self.with = with
            self.without = without
        }
    }

    /// What happened to one page.
    public struct PageResult: Sendable {
        public var page: Page
        public var bytes: Int
        /// The rule that found the main text, when the page was parsed.
        public var rule: String?
        /// The failure code (`invalid-utf8`, `parse-timeout`...) when the page was rejected.
        public var rejection: String?
        /// The `with` snippets not found.
        public var missing: [String]
        /// The `without` snippets found.
        public var leaked: [String]
        public var decodeMs: Double
        public var parseMs: Double
        /// The extracted text (kept only for the pages a report shows).
        public var text: String

        public var truePositives: Int { page.with.count - missing.count }
        public var errors: Int { missing.count + leaked.count }
    }

    /// Confusion counts and the scores derived from them.
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var trueNegatives = 0

        public init() {}

        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var accuracy: Double {
            ratio(
                truePositives + trueNegatives, truePositives + falsePositives + falseNegatives + trueNegatives)
        }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

        mutating func add(_ result: PageResult) {
            truePositives += result.truePositives
            falseNegatives += result.missing.count
            falsePositives += result.leaked.count
            trueNegatives += result.page.without.count - result.leaked.count
        }
    }

    /// The whole run.
    public struct Report: Sendable {
        public var results: [PageResult]
        public var counts: Counts
        /// Pages that failed to decode or parse.
        public var rejected: Int { results.count { $0.rejection != nil } }
        /// Sum of the per-page parse times (parse and main-text selection), seconds.
        public var parseSeconds: Double { results.reduce(0) { $0 + $1.parseMs } / 1000 }
        /// Sum of the per-page decode times, seconds.
        public var decodeSeconds: Double { results.reduce(0) { $0 + $1.decodeMs } / 1000 }
        public var bytes: Int { results.reduce(0) { $0 + $1.bytes } }
    }

    /// The pages listed in `evaldata.json` (its bytes), in URL order.
    /// - Throws: `DecodingError` or a `CocoaError` when the JSON is not an object of pages.
    public static func pages(fromIndex json: Data) throws -> [Page] {
        struct Entry: Decodable {
            var file: String
            var with: [String]
            var without: [String]
        }
        let index = try JSONDecoder().decode([String: Entry].self, from: json)
        return index.keys.sorted().map { url in
            let e = index[url]!
            return Page(url: url, file: e.file, with: e.with, without: e.without)
        }
    }

    /// Decodes, parses and scores one page of `bytes`. HTML gets `limits` (use a clock and a time
    /// limit to measure what the daemon does).
    public static func evaluate(
        _ page: Page, bytes: [UInt8], limits: HTMLParseLimits, clock: () -> UInt64
    ) -> PageResult {
        let fileExtension = page.file.split(separator: ".").last.map(String.init)
        var result = PageResult(
            page: page, bytes: bytes.count, rule: nil, rejection: nil, missing: page.with, leaked: [], decodeMs: 0,
            parseMs: 0, text: "")
        let decodeStart = clock()
        let decoded: DecodedText
        do {
            decoded = try ArticleDecoder.decode(bytes)
        } catch {
            result.decodeMs = Double(clock() &- decodeStart) / 1e6
            result.rejection = error.code.rawValue
            return result
        }
        let parseStart = clock()
        result.decodeMs = Double(parseStart &- decodeStart) / 1e6
        let parsed: ParsedArticle
        do {
            parsed = try ArticleParser.parse(decoded, fileExtension: fileExtension, limits: limits)
        } catch {
            result.parseMs = Double(clock() &- parseStart) / 1e6
            result.rejection = error.code.rawValue
            return result
        }
        result.parseMs = Double(clock() &- parseStart) / 1e6
        result.rule = parsed.extraction ?? parsed.format.rawValue
        result.text = parsed.text
        let text = normalized(parsed.text)
        result.missing = page.with.filter { !contains(text, normalized($0)) }
        result.leaked = page.without.filter { contains(text, normalized($0)) }
        return result
    }

    /// The counts over `results`.
    public static func report(_ results: [PageResult]) -> Report {
        var counts = Counts()
        for r in results { counts.add(r) }
        return Report(results: results, counts: counts)
    }

    /// `s` as UTF-8 with every run of white space (Unicode `White_Space`) made one space, trimmed.
    public static func normalized(_ s: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var pending = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                pending = !out.isEmpty
                continue
            }
            if pending {
                out.append(0x20)
                pending = false
            }
            out.append(contentsOf: String(scalar).utf8)
        }
        return out
    }

    /// True when `needle` occurs in `haystack` (bytes).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let n = haystack.count
        let m = needle.count
        guard m <= n else { return false }
        var i = 0
        while i <= n - m {
            if haystack[i] == first {
                var k = 1
                while k < m && haystack[i + k] == needle[k] { k += 1 }
                if k == m { return true }
            }
            i += 1
        }
        return false
    }
}
