// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

@testable import ArticleExtraction

/// The model shipped in `Sources/ArticleExtraction/Resources/ner/model.bin`, with the rule
/// recogniser over the project's gazetteer it reads, loaded once for the tests that use it.
enum ShippedModel {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "Sources/ArticleExtraction/Resources"
        ).path

    static let recognizer: Result<PerceptronEntityRecognizer, any Error> = Result {
        let tokenizer = Tokenizer()
        let model = try NERModelLoader.loadShipped(from: resources)
        let rules = GazetteerEntityRecognizer(
            gazetteer: try GazetteerLoader.load(tokenizer: tokenizer, from: resources))
        return PerceptronEntityRecognizer(model: model, rules: rules)
    }

    /// The daemon's extractor (``ArticleExtractorFactory``, default configuration).
    static let factoryExtractor: Result<ArticleExtractor, any Error> = Result {
        try ArticleExtractorFactory.make(resourceDirectory: resources)
    }

    static func extractor() throws -> ArticleExtractor { try factoryExtractor.get() }

    /// The document the daemon's extractor makes of `text` (a plain-text article without title).
    static func document(_ text: String) throws -> ArticleDocument {
        try extractor().extract(
            ParsedArticle(title: nil, text: text, format: .plain),
            source: .init(
                path: "t.txt", name: "t.txt", bytes: text.utf8.count, sha256: String(repeating: "0", count: 64),
                format: "plain", encoding: "utf-8", receivedAt: "")
        ).document
    }
}
