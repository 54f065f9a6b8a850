// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// What the analyzers of one article share: the text as Unicode scalars, the working values each
/// step leaves for the later ones (tokens, entity mentions), the input's metadata, and the
/// document being filled.
///
/// Offsets everywhere are Unicode scalar offsets into ``scalars`` (the same as into `document.text`).
public struct ArticleAnalysis: Sendable {
    /// The article as parsed: its title, text, format and the metadata its input declared.
    public let article: ParsedArticle
    /// `article.text` as Unicode scalars; every range indexes it.
    public let scalars: [Unicode.Scalar]
    /// Tokens of ``scalars`` in order (the `tokens` step; empty before it).
    public var tokens: [Token] = [] {
        didSet { tokenTypes = TokenTypes(tokens) }
    }
    /// The distinct tokens of ``tokens``, found once for the analyzers that work per type (always
    /// those of the current ``tokens``: set again with them).
    private(set) var tokenTypes = TokenTypes([])
    /// Entity mentions, ordered by start and non-overlapping (the `entities` step; empty before it).
    public var mentions: [EntityMention] = []
    /// The publication day relative dates are resolved against (the `published` step; `nil` before
    /// it, and when no source gave one).
    public var publication: CalendarDay?
    /// Tokens that belong to a date or time expression (the `dates` step), by token index: numbers
    /// inside them are dates, not amounts.
    public var dateTokens: IndexSet = []
    /// Weight of each term stem in this article (the `keywords` step): TF-IDF of the stem, for the
    /// summary.
    public var termWeights: [TermKey: Double] = [:]
    /// The output document; each step fills its own fields.
    public var document: ArticleDocument

    /// An analysis of `article` whose document starts with `source` and the article's title, text
    /// and metadata, and nothing found yet.
    public init(article: ParsedArticle, source: ArticleDocument.Source) {
        self.article = article
        self.scalars = ScalarText.scalars(of: article.text)
        self.document = ArticleDocument(source: source, article: article)
    }

    /// The input's metadata as declared (URL, publication date, outlet, language); see
    /// ``ArticleDocument/Metadata``.
    public var metadata: ArticleDocument.Metadata? { document.metadata }

    /// Paragraph ranges (the `segment` step; empty before it).
    public var paragraphs: [ScalarRange] { document.paragraphs }

    /// Sentence ranges (the `segment` step; empty before it).
    public var sentences: [ScalarRange] { document.sentences }

    /// The text at `range`, unchanged.
    public func text(_ range: ScalarRange) -> String {
        ScalarText.string(scalars[range.start..<range.end])
    }
}
