import ArabicText
import ArticleExtraction

/// The extract stage, on the extract workers: parse the decoded text by format, run the
/// extractor's analyzers, and encode the document.
public struct ExtractStage: Sendable {
    public let extractor: ArticleExtractor

    public init(extractor: ArticleExtractor) { self.extractor = extractor }

    /// The document for `read`: `parse` milliseconds, then the extractor's own, added to the read
    /// stage's timings.
    ///
    /// - Throws: an ``ArticleFailure`` at stage `parse` when the input holds no article text
    ///   (`no-text`) or several articles (`container`).
    public func document(
        for read: ReadStage.Output, sourcePath: String, sourceName: String, receivedAt: String
    ) throws(ArticleFailure) -> ArticleDocument {
        let parseStart = System.monotonicNanoseconds()
        let parsed: ParsedArticle
        do {
            parsed = try ArticleParser.parse(read.decoded, fileExtension: read.fileExtension)
        } catch {
            throw ArticleFailure(code: FailureCode(error.code), stage: .parse, path: sourcePath, cause: error.detail)
        }
        var stageMs = read.stageMs
        stageMs["parse"] = System.millisecondsSince(parseStart)
        let source = ArticleDocument.Source(
            path: sourcePath, name: sourceName, bytes: read.input.bytes.count, sha256: read.input.sha256,
            format: parsed.format.rawValue, encoding: read.decoded.encoding.rawValue, receivedAt: receivedAt)
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
