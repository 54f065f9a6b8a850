import ArabicText

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
    public var tokens: [Token] = []
    /// Entity mentions, ordered by start and non-overlapping (the `entities` step; empty before it).
    public var mentions: [EntityMention] = []
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
        String(String.UnicodeScalarView(scalars[range.start..<range.end]))
    }
}
