// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArticleExtraction

/// The extract stage, on the extract workers: parse the decoded text by format, run the
/// extractor's analyzers, and encode the document.
public struct ExtractStage: Sendable {
    public let extractor: ArticleExtractor

    public init(extractor: ArticleExtractor) { self.extractor = extractor }

    /// How long parsing one HTML page may take before it fails with `parse-timeout`: far above what
    /// the linear parse needs for the largest accepted input (about 0.2 s for 16 MiB), far below
    /// the systemd watchdog's period.
    public static let parseTimeoutMs = 5_000.0

    /// The parse limits of one article: the default work bound of ``HTMLParseLimits`` and
    /// ``parseTimeoutMs`` on the monotonic clock.
    public static var parseLimits: HTMLParseLimits {
        HTMLParseLimits(maxMilliseconds: parseTimeoutMs, clock: { System.monotonicNanoseconds() })
    }

    /// The document for `read`: `parse` milliseconds, then the extractor's own, added to the read
    /// stage's timings.
    ///
    /// - Throws: an ``ArticleFailure`` at stage `parse` when the input holds no article text
    ///   (`no-text`) or several articles (`container`), or is an HTML page past ``parseLimits``
    ///   (`parse-timeout`, `parse-work-limit`).
    public func document(
        for read: ReadStage.Output, sourcePath: String, sourceName: String, receivedAt: String
    ) throws(ArticleFailure) -> ArticleDocument {
        let parseStart = System.monotonicNanoseconds()
        let parsed: ParsedArticle
        do {
            parsed = try ArticleParser.parse(read.decoded, fileExtension: read.fileExtension, limits: Self.parseLimits)
        } catch {
            throw ArticleFailure(code: FailureCode(error.code), stage: .parse, path: sourcePath, cause: error.detail)
        }
        var stageMs = read.stageMs
        stageMs["parse"] = System.millisecondsSince(parseStart)
        let source = ArticleDocument.Source(
            path: sourcePath, name: sourceName, bytes: read.input.bytes.count, sha256: read.input.sha256,
            format: parsed.format.rawValue, encoding: read.decoded.encoding.rawValue, receivedAt: receivedAt,
            extraction: parsed.extraction)
        return extractor.extract(parsed, source: source, stageMs: stageMs).document
    }

    /// The document as compact JSON, keys in the schema's order (``OrderedJSONEncoder``).
    ///
    /// - Throws: ``DocumentEncodingError`` when the document holds a value JSON cannot (a
    ///   non-finite number): the article fails with ``FailureCode/encode``, never an empty document.
    public static func encode(_ document: ArticleDocument) throws -> [UInt8] {
        try OrderedJSONEncoder.encode(document)
    }
}
