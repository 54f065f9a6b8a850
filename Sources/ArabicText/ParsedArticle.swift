// SPDX-License-Identifier: GPL-2.0-or-later

/// An article after format parsing: its title, body text and metadata.
///
/// `text` is what the rest of the pipeline segments; every offset in the output document refers
/// to it. It has LF line ends and no control characters other than LF and TAB; an empty `text`
/// means no article text was found.
public struct ParsedArticle: Sendable, Hashable {
    /// The title, when the format gives one (plain title line, HTML og:title/h1/title, JSON `title`).
    public var title: String?
    /// The body text, one paragraph per line for HTML.
    public var text: String
    /// The format the article was parsed as.
    public var format: InputFormat
    /// Canonical URL (JSON `url`; HTML canonical link, og:url or JSON-LD `url`).
    public var url: String?
    /// Publication date/time as given by the source (JSON `published`; HTML article:published_time,
    /// JSON-LD `datePublished`, other date `<meta>` tags or the first `<time datetime>`), not
    /// interpreted.
    public var published: String?
    /// The publishing outlet (JSON `source`; HTML og:site_name or JSON-LD `publisher`).
    public var source: String?
    /// Declared language code (JSON `lang`; HTML `<html lang>`), not checked.
    public var lang: String?
    /// The author or authors as declared (JSON `author`; HTML JSON-LD `author` or `<meta name=author>`),
    /// not checked.
    public var author: String?
    /// For HTML, the rule that found the main text (a `MainTextRule` raw value such as
    /// `article-body` or `text-density`); `nil` for other formats.
    public var extraction: String?

    /// Creates a parsed article.
    public init(
        title: String?, text: String, format: InputFormat, url: String? = nil, published: String? = nil,
        source: String? = nil, lang: String? = nil, author: String? = nil, extraction: String? = nil
    ) {
        self.title = title
        self.text = text
        self.format = format
        self.url = url
        self.published = published
        self.source = source
        self.lang = lang
        self.author = author
        self.extraction = extraction
    }
}
