import Foundation

/// The extract stage: the document for one read article, and its JSON bytes.
public struct ExtractStage: Sendable {
    public let extractor: ArticleExtractor

    public init(extractor: ArticleExtractor) { self.extractor = extractor }

    /// The document for `read`, with `extract` milliseconds added to its stage timings.
    public func document(
        for read: ReadStage.Output, sourcePath: String, sourceName: String, receivedAt: String
    ) -> ArticleDocument {
        let start = System.monotonicNanoseconds()
        var document = extractor.document(
            for: .init(
                text: read.parsed.text, title: read.parsed.title, format: read.parsed.format.rawValue,
                encoding: read.encoding.rawValue, sourcePath: sourcePath, sourceName: sourceName,
                bytes: read.input.bytes.count, sha256: read.input.sha256, receivedAt: receivedAt, stageMs: read.stageMs)
        )
        document.pipeline.stageMs["extract"] = System.millisecondsSince(start)
        return document
    }

    /// The document as compact JSON (UTF-8, slashes unescaped).
    public static func encode(_ document: ArticleDocument) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(document)).map(Array.init) ?? []
    }
}
