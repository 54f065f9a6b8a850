// SPDX-License-Identifier: GPL-2.0-or-later

/// What an element's `class`, `id`, `role`, `itemprop`, `style` and `hidden` attributes say about
/// its content: a set of cues, one bit each.
///
/// The positive cues name the tiers of the content-root rules (``MainTextRule``); the negative
/// ones name the kinds of boilerplate that ``MainTextSelector`` prunes inside the main text.
/// ``AttributeCueMatcher`` computes them; the vocabulary and its sources are documented there.
struct AttributeCues: OptionSet, Hashable, Sendable {
    let rawValue: UInt64

    // Positive: where the article body is (tiers of the content-root rule, strongest first).
    /// `itemprop="articleBody"`, `article-body`, `entry-content`, `post-content`...
    static let articleBody = AttributeCues(rawValue: 1 << 0)
    /// `story`, `fulltext`, `single-post`, `role="article"`...
    static let story = AttributeCues(rawValue: 1 << 1)
    /// `id="content"`, `main-content`, `content-body`...
    static let mainContent = AttributeCues(rawValue: 1 << 2)
    /// A class or id starting with `main`, or `role="main"`.
    static let mainPrefix = AttributeCues(rawValue: 1 << 3)
    /// The article's lead (standfirst): `lead`, `intro`, `excerpt`, `standfirst`, `summary`...
    static let lead = AttributeCues(rawValue: 1 << 4)

    // Negative: boilerplate inside the main text.
    /// Navigation, menus, breadcrumbs, pagination.
    static let navigation = AttributeCues(rawValue: 1 << 8)
    /// Page or article footers.
    static let footer = AttributeCues(rawValue: 1 << 9)
    /// Share bars and social-media boxes.
    static let share = AttributeCues(rawValue: 1 << 10)
    /// Newsletter sign-up and syndication boxes.
    static let newsletter = AttributeCues(rawValue: 1 << 11)
    /// Cookie and consent banners.
    static let consent = AttributeCues(rawValue: 1 << 12)
    /// Reader comments.
    static let comments = AttributeCues(rawValue: 1 << 13)
    /// Related, recommended, most-read and "next" article lists.
    static let related = AttributeCues(rawValue: 1 << 14)
    /// Sidebars, widgets, banners.
    static let sidebar = AttributeCues(rawValue: 1 << 15)
    /// Advertising.
    static let advert = AttributeCues(rawValue: 1 << 16)
    /// Author boxes and bylines.
    static let byline = AttributeCues(rawValue: 1 << 17)
    /// Tag and category lists.
    static let tags = AttributeCues(rawValue: 1 << 18)
    /// Post metadata: dates, ratings, info lines, icons.
    static let postMeta = AttributeCues(rawValue: 1 << 19)
    /// Hidden (`hidden`, `aria-hidden="true"`, `display:none`, `visually-hidden`...).
    static let hidden = AttributeCues(rawValue: 1 << 20)
    /// Image captions.
    static let caption = AttributeCues(rawValue: 1 << 21)
    /// Teasers of other articles.
    static let teaser = AttributeCues(rawValue: 1 << 22)
    /// Other interface parts: buttons, sliders, overlays, modals, print links.
    static let widget = AttributeCues(rawValue: 1 << 23)
    /// A page banner or header (`role="banner"`); boilerplate only outside an article.
    static let pageHeader = AttributeCues(rawValue: 1 << 24)

    /// The positive cues.
    static let content: AttributeCues = [.articleBody, .story, .mainContent, .mainPrefix]

    /// The negative cues that prune an element inside the main text.
    static let boilerplate: AttributeCues = [
        .navigation, .footer, .share, .newsletter, .consent, .comments, .related, .sidebar, .advert, .byline, .tags,
        .postMeta, .hidden, .caption, .teaser, .widget,
    ]
}
