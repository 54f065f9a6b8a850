// SPDX-License-Identifier: GPL-2.0-or-later

/// Finds the ``AttributeCues`` in `class` and `id` values with one Aho–Corasick automaton (a
/// deterministic finite automaton over byte classes), so each value is read once, whatever the
/// number of patterns: linear in the value's length.
///
/// A value is matched ASCII-lowercased between two anchor symbols, so a pattern may start with
/// `^` (start of the value) or end with `$` (end of the value). Each pattern applies to `id`,
/// `class` or both. Non-ASCII patterns (Arabic class names) are matched as UTF-8 bytes.
///
/// Vocabulary: the content tiers follow trafilatura's `BODY_XPATH` and the boilerplate groups its
/// `OVERALL_DISCARD_XPATH`, `REMOVE_COMMENTS_XPATH`, `TEASER_DISCARD_XPATH` and
/// `DISCARD_IMAGE_ELEMENTS` (trafilatura/xpaths.py, Apache-2.0, github.com/adbar/trafilatura),
/// rewritten as plain substrings; readability's "unlikely candidates" (python-readability,
/// Apache-2.0) and the class names of Arabic news sites (`news-details`, `نص-الخبر`...) add some.
struct AttributeCueMatcher: Sendable {
    /// Which attribute a pattern applies to.
    enum Attribute: Sendable {
        case id, `class`, both
    }

    /// A pattern: lowercase text with optional `^`/`$` anchors, the attribute, and its cue.
    struct Pattern: Sendable {
        var text: String
        var attribute: Attribute
        var cue: AttributeCues
    }

    /// The shared matcher over ``patterns``.
    static let shared = AttributeCueMatcher(patterns: patterns)

    private static let startAnchor: UInt8 = 0x01
    private static let endAnchor: UInt8 = 0x02

    private let byteClass: [UInt8]  // 256 entries
    private let classCount: Int
    private let delta: [UInt16]  // state * classCount + class -> state
    private let idOutput: [UInt64]
    private let classOutput: [UInt64]

    init(patterns: [Pattern]) {
        var byteClass = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        func encode(_ text: String) -> [UInt8] {
            var out = [UInt8]()
            for b in text.utf8 {
                switch b {
                case UInt8(ascii: "^"): out.append(Self.startAnchor)
                case UInt8(ascii: "$"): out.append(Self.endAnchor)
                default: out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                }
            }
            return out
        }
        let encoded = patterns.map { encode($0.text) }
        for bytes in encoded {
            for b in bytes where byteClass[Int(b)] == 0 {
                byteClass[Int(b)] = UInt8(classCount)
                classCount += 1
            }
        }
        // Upper-case ASCII letters read as their lower-case class.
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { byteClass[Int(b)] = byteClass[Int(b | 0x20)] }
        // Trie.
        var trie: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var idOut: [UInt64] = [0]
        var classOut: [UInt64] = [0]
        for (k, bytes) in encoded.enumerated() {
            var state = 0
            for b in bytes {
                let c = Int(byteClass[Int(b)])
                if trie[state][c] < 0 {
                    trie[state][c] = Int32(trie.count)
                    trie.append([Int32](repeating: -1, count: classCount))
                    idOut.append(0)
                    classOut.append(0)
                }
                state = Int(trie[state][c])
            }
            let p = patterns[k]
            if p.attribute != .class { idOut[state] |= p.cue.rawValue }
            if p.attribute != .id { classOut[state] |= p.cue.rawValue }
        }
        // Breadth-first: failure links, outputs along them, and the full transition table.
        let n = trie.count
        precondition(n < Int(UInt16.max), "too many automaton states")
        var delta = [UInt16](repeating: 0, count: n * classCount)
        var fail = [Int](repeating: 0, count: n)
        var queue = [Int]()
        queue.reserveCapacity(n)
        for c in 0..<classCount {
            let next = trie[0][c]
            if next >= 0 {
                delta[c] = UInt16(next)
                fail[Int(next)] = 0
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            idOut[state] |= idOut[fail[state]]
            classOut[state] |= classOut[fail[state]]
            for c in 0..<classCount {
                let next = trie[state][c]
                if next >= 0 {
                    fail[Int(next)] = Int(delta[fail[state] * classCount + c])
                    delta[state * classCount + c] = UInt16(next)
                    queue.append(Int(next))
                } else {
                    delta[state * classCount + c] = delta[fail[state] * classCount + c]
                }
            }
        }
        self.byteClass = byteClass
        self.classCount = classCount
        self.delta = delta
        self.idOutput = idOut
        self.classOutput = classOut
    }

    /// The cues of the attribute value `bytes[start..<end]` read as `attribute` (`.id` or `.class`).
    func cues(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, as attribute: Attribute)
        -> AttributeCues
    {
        byteClass.withUnsafeBufferPointer { classes in
            delta.withUnsafeBufferPointer { delta in
                let output = attribute == .id ? idOutput : classOutput
                return output.withUnsafeBufferPointer { output in
                    let k = classCount
                    var state = Int(delta[Int(classes[Int(Self.startAnchor)])])
                    var found = output[state]
                    var i = start
                    while i < end {
                        state = Int(delta[state * k + Int(classes[Int(bytes[i])])])
                        found |= output[state]
                        i += 1
                    }
                    state = Int(delta[state * k + Int(classes[Int(Self.endAnchor)])])
                    found |= output[state]
                    return AttributeCues(rawValue: found)
                }
            }
        }
    }

    /// The cues of a `String` value (for tests and callers outside the tree builder).
    func cues(_ value: String, as attribute: Attribute) -> AttributeCues {
        var value = value
        return value.withUTF8 { cues($0, 0, $0.count, as: attribute) }
    }

    /// The vocabulary (see the type's documentation for its sources).
    static let patterns: [Pattern] = {
        var list = [Pattern]()
        func add(_ cue: AttributeCues, _ attribute: Attribute, _ texts: [String]) {
            for t in texts { list.append(Pattern(text: t, attribute: attribute, cue: cue)) }
        }
        // Tier 1: the article body.
        add(.articleBody, .class, ["^post$", "^entry$"])
        add(
            .articleBody, .both,
            [
                "^articlecontent$", "entry-content", "article-content", "art-content", "article__content",
                "article-body", "articlebody", "article__body", "article_body", "body-text", "post-text", "post_text",
                "post-body", "postbody", "post-entry", "postentry", "post-content", "post_content", "postcontent",
                "post_inner_wrapper", "article-text", "articletext", "article_text", "page-content", "text-content",
                "article__container", "article_content", "entry_content", "news-body", "news_body", "newsbody",
                "news-text", "news_text", "newstext", "news-content", "news_content", "newscontent", "news-detail",
                "news_detail", "newsdetail", "article-detail", "article_detail", "articledetail", "detail-body",
                "details-body", "story-text", "storytext",
                "content-article", "single-post-content", "post-single-content", "محتوى-الخبر", "نص-الخبر",
                "تفاصيل-الخبر", "محتوى_الخبر", "نص_الخبر", "نص-المقال", "محتوى-المقال", "متن-الخبر",
            ])
        // Tier 2 (after <article>): the story.
        add(.story, .id, ["^article$", "^story$", "^primary", "story-body"])
        add(
            .story, .class,
            [
                "^postarea$", "^art-postcontent$", "^text$", "^cell$", "^story$", "fulltext", "^article ",
                "post-bodycopy", "story-content", "storycontent", "theme-content", "blog-content", "section-content",
                "single-content", "single-post", "main-column", "wpb_text_column", "story-body", "field-body",
                "rich-text", "richtext",
            ])
        // Tier 3: the page's content area.
        add(.mainContent, .id, ["^content$", "content-main", "content-body", "contentbody"])
        add(.mainContent, .class, ["^content$", "content-main", "content_main", "content-body", "content__body"])
        add(.mainContent, .both, ["main-content", "maincontent", "page-content"])
        // Tier 4: anything called main.
        add(.mainPrefix, .both, ["^main"])
        // The lead (not "leaderboard", an advert slot).
        add(
            .lead, .both,
            [
                "^lead$", "^lead ", " lead ", " lead$", "^lead-", " lead-", "^lead_", " lead_", "-lead$", "-lead ",
                "_lead$", "_lead ", "-lead-", "-lead_", "__lead", "leadtext", "lead-text", "lead_text", "lede",
                "intro", "excerpt", "standfirst", "article-summary", "article__summary", "post-summary",
                "entry-summary", "news-summary", "abstract", "chapeau", "chapo", "bajada", "entradilla",
            ])

        // Boilerplate.
        add(.share, .both, ["^shar", "social", "viral", "sharing"])
        add(.share, .id, ["share"])
        add(.share, .class, ["share-", "sociable", "embedded", "^embed", " embed", "addthis", "sharethis"])
        add(.newsletter, .both, ["newsletter", "syndication", "subscribe", "signup", "sign-up", "mailchimp"])
        add(
            .consent, .both,
            [
                "cookie-banner", "cookie_banner", "cookiebanner", "cookie-bar", "cookiebar", "cookie-consent",
                "cookieconsent", "cookie-law", "cookie-notice", "cookienotice", "cookie-policy", "notice-cookie",
                "consent-banner", "consent-manager", "consent-sdk", "borlabs", "cookiebot", "cmplz", "onetrust",
                "moove-gdpr", "gdpr", "dsgvo", "privacy-popup", "privacy-overlay", "privacy-banner",
            ])
        add(.consent, .id, ["cookie"])
        add(.consent, .class, ["consent", "modal-content", "permission"])
        add(.tags, .both, ["tags", "tag-list", "taglist", "tag-cloud", "categories"])
        add(.sidebar, .both, ["sidebar", "side-bar", "banner", "factbox"])
        add(.widget, .both, ["button", "btn-"])
        add(.byline, .both, ["author"])
        add(.byline, .class, ["byline"])
        add(.footer, .both, ["footer"])
        add(
            .navigation, .id,
            ["nav", "menu", "breadcrumb", "bread-crumb", "pagination", "pager", "^jp-", "^dpsp-content", "bmdh"])
        add(
            .navigation, .class,
            [
                "^nav", "^post-nav", "^zendeskform", "subnav", "avigation", "navbar", "navbox", "menu", "bar",
                "breadcrumb", "bread-crumb", "pagination", "pager", "skip-link",
            ])
        add(.related, .id, ["related"])
        add(
            .related, .class,
            [
                "elated", "next-", "-stories", "most-popular", "mostpopular", "most-read", "mostread", "recommend",
                "read-more", "readmore", "more-news", "also-read", "see-also", "linkbox", "ذات-صلة", "اقرأ-أيضا",
            ])
        add(.advert, .class, [" ad ", "^ad ", " ad$", "^ad$", "-ad-", "^ads$", "^ads ", " ads$", "^ad-", "advert"])
        add(.advert, .both, ["outbrain", "taboola", "criteo", "paid-content", "paidcontent", "sponsor", "adsense"])
        add(.advert, .id, ["premium", "^ad-", "^ads-", "google_ads", "div-gpt-ad"])
        add(.widget, .class, ["widget"])
        add(
            .postMeta, .class,
            [
                "meta", "rating", "attachment", "timestamp", "user-info", "user-profile", "-icon", "article-infos",
                "dateline", "post-date", "entry-date", "published-date",
            ])
        add(
            .widget, .class,
            [
                "message-container", "slide", "viewport", "overlay", "options", "expand", "obfuscated", "blurred",
                "modal", "popup", "toolbar", "tooltip",
            ])
        add(.widget, .id, ["message-container", "popup", "modal"])
        // Reply forms and messages: pruned inside the main text only (a forum's posts are messages).
        add(.widget, .class, ["^comments-title$", "comments-title", "nocomments", "-reply-", "message", "akismet"])
        add(.widget, .both, ["^reply-", "akismet", "^respond"])
        add(.comments, .id, ["reader-comments", "^comment", "^comol", "^disqus_thread", "^dsq-comments", "disqus"])
        add(.comments, .class, ["^comment", "article-comments", "post-comments", "comment-list", "commentlist"])
        add(.related, .class, ["suggest-links"])
        add(.hidden, .id, ["hidden"])
        add(
            .hidden, .class,
            [
                "^hide-", "-hide-", "hide-print", " hidden", " hide", "^hidden", "^hide$", "noprint", "notloaded",
                "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader",
                "element-invisible", "^invisible",
            ])
        add(.teaser, .both, ["teaser"])
        add(.caption, .both, ["caption"])
        return list
    }()
}
