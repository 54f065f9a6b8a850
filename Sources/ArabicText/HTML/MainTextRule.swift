// SPDX-License-Identifier: GPL-2.0-or-later

/// Which rule of ``MainTextSelector`` found a page's main text; recorded in the output document
/// as `source.extraction`.
public enum MainTextRule: String, Sendable, Codable, CaseIterable {
    /// An element whose `itemprop`, class or id names the article body (`articleBody`,
    /// `article-body`, `entry-content`, `post-content`...).
    case articleBody = "article-body"
    /// The `<article>` element holding the most text.
    case articleElement = "article-element"
    /// An element whose class or id names the story (`story`, `fulltext`, `role="article"`...).
    case story
    /// The page's content area (`id="content"`, `main-content`...).
    case contentArea = "content-area"
    /// `<main>`, `role="main"`, or a class or id starting with `main`.
    case mainElement = "main-element"
    /// The container with the densest prose (paragraph text, commas, few links), with its
    /// similar siblings: the readability algorithm's idea.
    case textDensity = "text-density"
    /// Paragraphs classified one by one across the page by length, link density and sentence
    /// punctuation, then revised by their neighbours: the jusText algorithm's idea.
    case paragraphs
    /// Every visible text block of the page: nothing better was found.
    case wholePage = "whole-page"
}
