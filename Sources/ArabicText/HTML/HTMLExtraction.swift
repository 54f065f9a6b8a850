// SPDX-License-Identifier: GPL-2.0-or-later

/// What ``HTMLArticleExtractor`` found in a page: the title, the main text, and the metadata.
public struct HTMLExtraction: Sendable, Equatable {
    /// `og:title`, JSON-LD `headline`, the `<h1>` or `<title>` without the site name.
    public var title: String?
    /// The main text, one paragraph (heading, list item, table row) per line; empty when none.
    public var text: String
    /// The rule that found the main text.
    public var rule: MainTextRule
    /// Canonical URL (`<link rel="canonical">`, `og:url`, JSON-LD `url`).
    public var url: String?
    /// Publication date as written (`article:published_time`, JSON-LD `datePublished`...).
    public var published: String?
    /// The publisher (`og:site_name`, JSON-LD `publisher.name`).
    public var source: String?
    /// `<html lang>` (or `og:locale`, `content-language`).
    public var lang: String?
    /// The author (JSON-LD `author.name`, `<meta name="author">`, `article:author`).
    public var author: String?
}
