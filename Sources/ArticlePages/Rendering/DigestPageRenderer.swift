// SPDX-License-Identifier: GPL-2.0-or-later

/// The digest page (`watcherd digest`): counts, top persons, places and organisations with inline
/// SVG bars, the most quoted speakers and what about, articles per hour (or day), and the period's
/// articles linked to their `show` pages when those exist. Pure: a summary in, a string out.
///
/// Every string from the documents is escaped and bidi-isolated (names in Arabic and Latin keep
/// their order in one line); links are relative paths, percent-encoded, never from the article.
/// The page forbids every script through its Content-Security-Policy and has none.
public struct DigestPageRenderer: Sendable {
    /// Path components from the page's directory to the output root (`[".."]`, or `[]` when the
    /// page is written into the root), prefixed to the documents' paths in links.
    public var linkPrefix: [String]
    /// Shown in the heading: the output root as the user named it.
    public var rootLabel: String

    public init(linkPrefix: [String] = [], rootLabel: String = "") {
        self.linkPrefix = linkPrefix
        self.rootLabel = rootLabel
    }

    public func render(_ summary: DigestSummary) -> String {
        var html = "<!doctype html><html lang=\"en\" dir=\"ltr\"><head>" + PageStyle.head
        html += "<title>watcherd digest</title><style>" + PageStyle.common + Self.style + "</style></head><body>"
        html += "<div class=\"wrap\"><header class=\"card\"><h1>Digest <bdi>" + HTMLEscaper.escape(rootLabel)
        html += "</bdi></h1><p class=\"meta\">" + periodText(summary) + "</p></header>"
        html += countsCard(summary)
        html += "<div class=\"grid\">"
        html += entityCard("Most mentioned persons", summary.persons, kind: .person)
        html += entityCard("Most mentioned places", summary.places, kind: .location)
        html += entityCard("Most mentioned organisations", summary.organisations, kind: .organization)
        html += "</div>"
        html += speakersCard(summary)
        html += timelineCard(summary)
        html += articlesCard(summary)
        html += "</div></body></html>\n"
        return html
    }

    static let style = """
        .wrap{max-width:1300px;margin:auto;padding:16px}.grid{display:grid;\
        grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:14px}.grid .card{margin:0}
        .big{display:inline-block;margin-inline-end:28px}.big b{display:block;font-size:1.7em}
        td.name{max-width:220px}.bar,.timeline{display:block}.topics bdi+bdi::before{content:" · ";color:#9aa}
        .ex{color:#3a4252;font-size:.92em}
        """

    func periodText(_ summary: DigestSummary) -> String {
        let basis = summary.period.basis == .received ? "received" : "published"
        var text = "<span>documents \(basis) "
        if let from = summary.period.from {
            text +=
                "since " + ISOTimestamp.format(from) + "</span><span>until " + ISOTimestamp.format(summary.period.now)
        } else {
            text += "at any time"
        }
        return text + "</span><span>made " + ISOTimestamp.format(summary.period.now) + "</span>"
    }

    func countsCard(_ summary: DigestSummary) -> String {
        var html = "<div class=\"card\">"
        html += big("articles", summary.articles, id: "articles") + big("quotations", summary.quotations, id: "quotes")
        html += big("failures", summary.failures, id: "failures")
        if summary.unreadable > 0 { html += big("unreadable documents", summary.unreadable, id: "unreadable") }
        if summary.excluded > 0 { html += big("outside the period", summary.excluded, id: "excluded") }
        html += "<p class=\"meta\"><span>languages: "
        html += summary.languages.map { "<bdi>" + HTMLEscaper.escape($0.label) + "</bdi> \($0.value)" }
            .joined(separator: ", ")
        html += "</span>"
        if !summary.failuresByCode.isEmpty {
            html += "<span>failures by code: "
            html += summary.failuresByCode.map { HTMLEscaper.escape($0.label) + " \($0.value)" }.joined(separator: ", ")
            html += "</span>"
        }
        if !summary.outlets.isEmpty {
            html += "<span>sources: "
            html += summary.outlets.map { "<bdi>" + HTMLEscaper.escape($0.label) + "</bdi> \($0.value)" }
                .joined(separator: ", ")
            html += "</span>"
        }
        return html + "</p></div>"
    }

    func big(_ label: String, _ value: Int, id: String) -> String {
        "<span class=\"big\" data-count=\"\(id)\"><b>\(value)</b>\(label)</span>"
    }

    func entityCard(_ heading: String, _ entities: [DigestSummary.RankedEntity], kind: EntityKind) -> String {
        var html = "<div class=\"card\" data-kind=\"top-\(kind.cssClass)\"><h2>\(heading)</h2>"
        guard let maximum = entities.first?.articles else { return html + "<p class=\"muted\">none</p></div>" }
        html += "<table><tr><th>name</th><th>articles</th><th></th><th>mentions</th></tr>"
        for entity in entities {
            html += "<tr><td class=\"name\"><bdi>" + HTMLEscaper.escape(entity.name) + "</bdi></td>"
            html += "<td class=\"num\">\(entity.articles)</td><td>"
            html += SVGBars.bar(value: entity.articles, maximum: maximum, colour: kind.colour)
            html += "</td><td class=\"num\">\(entity.mentions)</td></tr>"
        }
        return html + "</table></div>"
    }

    func speakersCard(_ summary: DigestSummary) -> String {
        var html = "<div class=\"card\" data-kind=\"speakers\"><h2>Most quoted</h2>"
        guard let maximum = summary.speakers.first?.quotes else { return html + "<p class=\"muted\">none</p></div>" }
        html += "<table><tr><th>speaker</th><th>quotations</th><th></th><th>articles</th><th>about</th></tr>"
        for speaker in summary.speakers {
            let kind = speaker.type.map(EntityKind.init(type:)) ?? .misc
            html += "<tr data-speaker=\"" + HTMLEscaper.escape(speaker.name) + "\"><td class=\"name\"><bdi>"
            html += HTMLEscaper.escape(speaker.name) + "</bdi></td><td class=\"num\">\(speaker.quotes)</td><td>"
            html += SVGBars.bar(value: speaker.quotes, maximum: maximum, colour: kind.colour, width: 160)
            html += "</td><td class=\"num\">\(speaker.articles)</td><td><div class=\"topics\">"
            html += speaker.topics.map { "<bdi>" + HTMLEscaper.escape($0) + "</bdi>" }.joined()
            html += "</div><div class=\"ex\"><bdi>" + HTMLEscaper.escape(speaker.example) + "</bdi> "
            html += articleAnchor(speaker.exampleArticle, text: "(article)") + "</div></td></tr>"
        }
        return html + "</table></div>"
    }

    func timelineCard(_ summary: DigestSummary) -> String {
        guard let timeline = summary.timeline else { return "" }
        let hourly = timeline.bucketSeconds == 3600
        var html = "<div class=\"card\" data-kind=\"timeline\"><h2>Articles per "
        html += hourly ? "hour" : timeline.bucketSeconds == 86_400 ? "day" : "\(timeline.bucketSeconds / 86_400) days"
        html += " (UTC)</h2><div style=\"overflow-x:auto\">"
        let everyTick = max(1, timeline.counts.count / 12)
        html += SVGBars.columns(
            timeline.counts,
            label: { i in
                "\(ISOTimestamp.format(timeline.start + i * timeline.bucketSeconds)): \(timeline.counts[i]) articles"
            },
            tick: { i in
                guard i % everyTick == 0 else { return nil }
                let stamp = ISOTimestamp.format(timeline.start + i * timeline.bucketSeconds)
                let chars = Array(stamp)
                return hourly ? String(chars[5..<10]) + " " + String(chars[11..<13]) + "h" : String(chars[0..<10])
            })
        return html + "</div></div>"
    }

    func articlesCard(_ summary: DigestSummary) -> String {
        var html = "<div class=\"card\" data-kind=\"articles\"><h2>Articles"
        if summary.articles > summary.recent.count {
            html += " (newest \(summary.recent.count) of \(summary.articles))"
        }
        html += "</h2><table><tr><th>time (UTC)</th><th>lang</th><th>title</th></tr>"
        for article in summary.recent {
            html += "<tr><td class=\"muted\">" + (article.time.map(ISOTimestamp.format) ?? "—") + "</td><td>"
            html += HTMLEscaper.escape(article.language) + "</td><td>"
            html += articleAnchor(article, text: nil) + "</td></tr>"
        }
        return html + "</table></div>"
    }

    /// A link to the article's `show` page when it exists, else its title (or `text`) unlinked.
    func articleAnchor(_ article: DigestSummary.ArticleLink, text: String?) -> String {
        let shown = "<bdi>" + HTMLEscaper.escape(text ?? article.title) + "</bdi>"
        guard let page = article.showPagePath else { return text == nil ? shown : "" }
        return "<a data-kind=\"show-link\" href=\"" + HTMLEscaper.relativeHref(components: linkPrefix + page) + "\">"
            + shown + "</a>"
    }
}
