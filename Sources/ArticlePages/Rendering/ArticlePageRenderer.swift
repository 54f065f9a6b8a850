// SPDX-License-Identifier: GPL-2.0-or-later

/// The HTML page of one document (`watcherd show`): title, source and dates, the text with its
/// entities, quotations and dates highlighted, a legend, keywords, summary, quotation and date
/// tables, and a side panel with the entity index. Pure: a document in, a string out.
///
/// - Every string of the document is escaped (``HTMLEscaper``); a URL is linked only when it is
///   `http`/`https`. The page carries a Content-Security-Policy that forbids every script, and
///   has none: clicking an entry of the panel highlights its mentions with CSS `:target`.
/// - The page is right to left when the document's language is (``PageDocument/Language/isRightToLeft``),
///   else left to right; every entity, date, speaker label and name is bidi-isolated (`<bdi>`,
///   `unicode-bidi: isolate`), so Latin names in Arabic lines (and the reverse) keep their order.
/// - Highlights come from the documents' Unicode scalar offsets (DESIGN section 4); spans that do
///   not fit the text are dropped and counted in the page's footer.
/// - Hover titles: an entity's type, canonical form and confidence; a date's ISO value, calendar,
///   precision and whether it was resolved relative to the publication date; a quotation's speaker,
///   verb and kind (direct or reported).
/// - Markers for tests and tools: `data-kind="entity|date|quote"`, `data-type` (entity type),
///   `data-speaker`; fragments of a span split by a crossing span carry the class `cont`.
public struct ArticlePageRenderer: Sendable {
    public init() {}

    /// The page of `document`.
    public func render(_ document: PageDocument) -> String {
        let scalars = Array(document.text.unicodeScalars)
        let rtl = document.language.isRightToLeft
        let lang = HTMLEscaper.escape(document.language.code == "und" ? "" : document.language.code)
        let indexOf = entityIndexLookup(document.entityIndex)
        let marks =
            quoteMarks(document.quotes) + entityMarks(document.entities, indexOf: indexOf)
            + dateMarks(document.dates) + speakerMarks(document.quotes)
        let body = TextHighlighter.render(scalars, marks: marks)
        let title = document.title.flatMap { $0.isEmpty ? nil : $0 } ?? document.source.name

        var html = "<!doctype html><html lang=\"\(lang)\" dir=\"\(rtl ? "rtl" : "ltr")\"><head>" + PageStyle.head
        html += "<title>" + HTMLEscaper.escape(title) + "</title><style>" + PageStyle.common + PageStyle.article
        html += selectionRules(count: document.entityIndex.count) + "</style></head><body>"
        for i in document.entityIndex.indices { html += "<i class=\"anchor\" id=\"e\(i)\"></i>" }
        html += "<div class=\"layout\"><main>"
        html += header(document, title: title)
        html += legend(document)
        html += "<div class=\"card\"><div class=\"text\" dir=\"\(rtl ? "rtl" : "ltr")\">" + body.html + "</div></div>"
        html += keywordsAndSummary(document, scalars: scalars)
        html += quoteTable(document.quotes)
        html += dateTable(document.dates)
        html += "<p class=\"meta muted\"><span><bdi>" + HTMLEscaper.escape(document.id) + "</bdi></span>"
        if body.dropped > 0 { html += "<span>\(body.dropped) spans outside the text not shown</span>" }
        html += "</p></main>"
        html += panel(document.entityIndex)
        html += "</div></body></html>\n"
        return html
    }

    func entityIndexLookup(_ index: [PageDocument.IndexEntry]) -> [String: Int] {
        var lookup: [String: Int] = [:]
        for (i, entry) in index.enumerated() where lookup[entry.type + "\u{0}" + entry.canonical] == nil {
            lookup[entry.type + "\u{0}" + entry.canonical] = i
        }
        return lookup
    }

    func entityMarks(_ entities: [PageDocument.Entity], indexOf: [String: Int]) -> [HighlightMark] {
        entities.map { entity in
            let kind = EntityKind(type: entity.type)
            let canonical = entity.canonical.flatMap { $0.isEmpty ? nil : $0 } ?? entity.text
            var hover = "\(entity.type) · \(canonical)"
            if let confidence = entity.confidence { hover += " · confidence \(Self.decimal(confidence, places: 2))" }
            var attributes = [
                HTMLAttribute("class", "ent " + kind.cssClass), HTMLAttribute("data-kind", "entity"),
                HTMLAttribute("data-type", entity.type), HTMLAttribute("title", hover),
            ]
            if let index = indexOf[entity.type + "\u{0}" + canonical] {
                attributes.append(HTMLAttribute("data-e", String(index)))
            }
            return HighlightMark(start: entity.start, end: entity.end, layer: 1, element: "bdi", attributes: attributes)
        }
    }

    func dateMarks(_ dates: [PageDocument.DateMention]) -> [HighlightMark] {
        dates.map { date in
            var hover = "date · " + (date.value ?? "vague, no value")
            if let calendar = date.calendar { hover += " · \(calendar) calendar" }
            if let precision = date.precision { hover += " · \(precision)" }
            if date.relative == true { hover += " · relative to the publication date" }
            var attributes = [
                HTMLAttribute("class", "date"), HTMLAttribute("data-kind", "date"), HTMLAttribute("title", hover),
            ]
            if let value = date.value { attributes.append(HTMLAttribute("datetime", value)) }
            return HighlightMark(start: date.start, end: date.end, layer: 2, element: "time", attributes: attributes)
        }
    }

    func quoteMarks(_ quotes: [PageDocument.Quote]) -> [HighlightMark] {
        quotes.map { quote in
            let speaker = quote.speakerName ?? "unknown speaker"
            var hover = "quotation · " + (quote.direct == false ? "reported" : quote.direct == true ? "direct" : "")
            hover += " · speaker: " + speaker
            if let verb = quote.verb { hover += " · verb: " + verb }
            let label = "<span class=\"who\" title=\"speaker\">" + HTMLEscaper.escape(speaker) + "</span>"
            return HighlightMark(
                start: quote.start, end: quote.end, layer: 0, element: "span",
                attributes: [
                    HTMLAttribute("class", "q"), HTMLAttribute("data-kind", "quote"),
                    HTMLAttribute("data-speaker", quote.speakerName ?? ""), HTMLAttribute("title", hover),
                ], leadingHTML: label)
        }
    }

    func speakerMarks(_ quotes: [PageDocument.Quote]) -> [HighlightMark] {
        quotes.compactMap { quote in
            guard let start = quote.speakerStart, let end = quote.speakerEnd else { return nil }
            return HighlightMark(
                start: start, end: end, layer: 3, element: "span",
                attributes: [HTMLAttribute("class", "spk"), HTMLAttribute("title", "speaker of a quotation")])
        }
    }

    func header(_ document: PageDocument, title: String) -> String {
        var html = "<header class=\"card\"><h1><bdi>" + HTMLEscaper.escape(title) + "</bdi></h1><p class=\"meta\">"
        if let outlet = document.metadata.source {
            html += "<span><bdi>" + HTMLEscaper.escape(outlet) + "</bdi></span>"
        }
        html += "<span>file <bdi>" + HTMLEscaper.escape(document.source.path) + "</bdi></span>"
        if let published = document.published {
            html += "<span>published <bdi>" + HTMLEscaper.escape(published.value) + "</bdi> (from "
            html += HTMLEscaper.escape(published.source) + ")</span>"
        } else if let declared = document.metadata.published {
            html += "<span>published <bdi>" + HTMLEscaper.escape(declared) + "</bdi> (as declared)</span>"
        }
        if let received = document.source.receivedAt {
            html += "<span>received <bdi>" + HTMLEscaper.escape(received) + "</bdi></span>"
        }
        html += "<span>language <bdi>" + HTMLEscaper.escape(document.language.code) + "</bdi></span>"
        if let url = document.metadata.url {
            if let href = HTMLEscaper.safeHTTPHref(url) {
                html += "<span><a rel=\"noopener noreferrer\" href=\"\(href)\"><bdi>" + HTMLEscaper.escape(url)
                html += "</bdi></a></span>"
            } else {
                html += "<span>url <bdi>" + HTMLEscaper.escape(url) + "</bdi> (not linked)</span>"
            }
        }
        return html + "</p></header>"
    }

    func legend(_ document: PageDocument) -> String {
        var counts: [EntityKind: Int] = [:]
        for entity in document.entities { counts[EntityKind(type: entity.type), default: 0] += 1 }
        var html = "<div class=\"card legend\">"
        for kind in EntityKind.allCases {
            html += "<span><i class=\"sw\" style=\"background:\(kind.colour)\"></i>\(kind.label) "
            html += "<b>\(counts[kind, default: 0])</b></span>"
        }
        html += "<span><i class=\"sw\" style=\"background:#fff6bf;border-bottom:2px dotted #b8860b\"></i>date "
        html += "<b>\(document.dates.count)</b></span>"
        html += "<span><i class=\"sw\" style=\"background:#eef0f4;border-bottom:2px solid #8a94a8\"></i>"
        html += "quotation, its speaker in a dark label <b>\(document.quotes.count)</b></span>"
        html += "<span class=\"muted\">hover for details; click a name in the panel to mark its mentions</span>"
        return html + "</div>"
    }

    func keywordsAndSummary(_ document: PageDocument, scalars: [Unicode.Scalar]) -> String {
        var html = ""
        if !document.keywords.isEmpty {
            html += "<div class=\"card\"><h2>Keywords</h2>"
            for keyword in document.keywords {
                html += "<bdi class=\"kw\" title=\"score \(Self.decimal(keyword.score, places: 3))\">"
                html += HTMLEscaper.escape(keyword.term) + "</bdi>"
            }
            html += "</div>"
        }
        let sentences = document.summary.compactMap { index -> ScalarSpan? in
            guard document.sentences.indices.contains(index) else { return nil }
            let span = document.sentences[index]
            return span.start >= 0 && span.start < span.end && span.end <= scalars.count ? span : nil
        }
        if !sentences.isEmpty {
            html += "<div class=\"card\"><h2>Summary</h2><ol>"
            for span in sentences {
                html += "<li>"
                HTMLEscaper.appendEscaped(scalars[span.start..<span.end], to: &html)
                html += "</li>"
            }
            html += "</ol></div>"
        }
        return html
    }

    func quoteTable(_ quotes: [PageDocument.Quote]) -> String {
        guard !quotes.isEmpty else { return "" }
        var html = "<div class=\"card\"><h2>Quotations</h2><table><tr><th>speaker</th><th>verb</th><th>kind</th>"
        html += "<th>words</th></tr>"
        for quote in quotes {
            html += "<tr data-kind=\"quote-row\"><td><bdi>" + HTMLEscaper.escape(quote.speakerName ?? "—")
            if let type = quote.speakerType { html += "</bdi> <span class=\"muted\">" + HTMLEscaper.escape(type) }
            html += quote.speakerType == nil ? "</bdi>" : "</span>"
            html += "</td><td><bdi>" + HTMLEscaper.escape(quote.verb ?? "") + "</bdi></td><td>"
            html += quote.direct == true ? "direct" : quote.direct == false ? "reported" : ""
            html += "</td><td><bdi>" + HTMLEscaper.escape(Self.shortened(quote.text, to: 240)) + "</bdi></td></tr>"
        }
        return html + "</table></div>"
    }

    func dateTable(_ dates: [PageDocument.DateMention]) -> String {
        guard !dates.isEmpty else { return "" }
        var html = "<div class=\"card\"><h2>Dates</h2><table><tr><th>as written</th><th>ISO 8601</th>"
        html += "<th>calendar</th><th>precision</th><th>relative</th></tr>"
        for date in dates {
            html += "<tr><td><bdi>" + HTMLEscaper.escape(date.text) + "</bdi></td><td><bdi>"
            html += HTMLEscaper.escape(date.value ?? "—") + "</bdi></td><td>" + HTMLEscaper.escape(date.calendar ?? "")
            html += "</td><td>" + HTMLEscaper.escape(date.precision ?? "") + "</td><td>"
            html += date.relative == true ? "yes" : date.relative == false ? "no" : ""
            html += "</td></tr>"
        }
        return html + "</table></div>"
    }

    func panel(_ index: [PageDocument.IndexEntry]) -> String {
        var html = "<aside class=\"card\"><h2>Entities (\(index.count))</h2>"
        for kind in EntityKind.allCases {
            let entries = index.enumerated().filter { EntityKind(type: $0.element.type) == kind }
                .sorted { $0.element.mentions > $1.element.mentions }
            guard !entries.isEmpty else { continue }
            html += "<h2><i class=\"sw\" style=\"background:\(kind.colour)\"></i>\(kind.label)</h2><ul>"
            for (i, entry) in entries {
                html += "<li><a href=\"#e\(i)\" id=\"p\(i)\" data-kind=\"index\" title=\""
                html += HTMLEscaper.escape("\(entry.type) · \(entry.mentions) mentions") + "\"><bdi>"
                html += HTMLEscaper.escape(entry.canonical) + "</bdi> <span class=\"muted\">×\(entry.mentions)"
                if !entry.titles.isEmpty {
                    html += " · <bdi>" + HTMLEscaper.escape(entry.titles.joined(separator: "، ")) + "</bdi>"
                }
                html += "</span></a></li>"
            }
            html += "</ul>"
        }
        return html + "</aside>"
    }

    /// CSS that marks the mentions of entity `i` (and its panel entry) while `#ei` is the target.
    func selectionRules(count: Int) -> String {
        guard count > 0 else { return "" }
        let selectors = (0..<count).map { "#e\($0):target~.layout [data-e=\"\($0)\"],#e\($0):target~.layout #p\($0)" }
        return selectors.joined(separator: ",") + "{outline:3px solid #d6336c;outline-offset:1px;background:#ffe0ea}"
    }

    /// `value` with `places` decimals (no Foundation formatting; `0.5` with 2 places is `0.50`).
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < places { fraction = "0" + fraction }
        return (value < 0 && scaled > 0 ? "-" : "") + String(whole) + (places > 0 ? "." + fraction : "")
    }

    /// `text` cut to at most `limit` scalars, with `…` when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(limit))) + "…"
    }
}
