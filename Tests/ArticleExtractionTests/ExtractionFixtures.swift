// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

@testable import ArticleExtraction

/// The extraction resources of this checkout and what tests build from them.
enum ExtractionFixtures {
    /// `Sources/ArticleExtraction/Resources`, found from this file's path.
    static let resourceDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ArticleExtractionTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Sources/ArticleExtraction/Resources").path

    static let tokenizer = Tokenizer()

    /// The gazetteer the factory loads, or `nil` when the resources are missing.
    static let gazetteer: Gazetteer? = try? GazetteerLoader.load(tokenizer: tokenizer, from: resourceDirectory)

    /// The factory's extractor with the gazetteer recogniser (what the rule tests check), or `nil`
    /// when the resources are missing.
    static let extractor: ArticleExtractor? = try? ArticleExtractorFactory.make(
        .init(recognizer: .gazetteer), resourceDirectory: resourceDirectory)

    /// The daemon's default extractor (the trained model), or `nil` when the resources are missing.
    static let defaultExtractor: ArticleExtractor? = try? ArticleExtractorFactory.make(
        resourceDirectory: resourceDirectory)

    /// A source record for tests: `s.txt`, plain UTF-8, an all-zero hash.
    static let source = ArticleDocument.Source(
        path: "s.txt", name: "s.txt", bytes: 1, sha256: String(repeating: "0", count: 64), format: "plain",
        encoding: "utf-8", receivedAt: "")

    /// The document of `text` as a plain article without a title.
    static func document(_ text: String, extractor: ArticleExtractor) -> ArticleDocument {
        extractor.extract(ParsedArticle(title: nil, text: text, format: .plain), source: source).document
    }

    /// The document of `text` with `published` as its metadata publication date.
    static func document(_ text: String, published: String, extractor: ArticleExtractor) -> ArticleDocument {
        extractor.extract(ParsedArticle(title: nil, text: text, format: .json, published: published), source: source)
            .document
    }
}
