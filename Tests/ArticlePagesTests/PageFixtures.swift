// SPDX-License-Identifier: GPL-2.0-or-later

import ArticlePages

/// Documents built in code for the page tests (no corpus text).
enum PageFixtures {
    /// Scalar offsets of the first occurrence of `needle` in `text`, as the documents give them.
    static func span(of needle: String, in text: String) -> (start: Int, end: Int) {
        let scalars = Array(text.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<(start + target.count)]) == target {
            return (start, start + target.count)
        }
        fatalError("\(needle) not in fixture text")
    }

    static func entity(_ type: String, _ mention: String, in text: String, canonical: String? = nil)
        -> PageDocument.Entity
    {
        let (start, end) = span(of: mention, in: text)
        return PageDocument.Entity(
            type: type, text: mention, start: start, end: end, confidence: 0.875, canonical: canonical ?? mention)
    }

    static func document(
        text: String, language: String = "ar", title: String? = "عنوان", entities: [PageDocument.Entity] = [],
        quotes: [PageDocument.Quote] = [], dates: [PageDocument.DateMention] = [], url: String? = nil
    ) -> PageDocument {
        var index: [PageDocument.IndexEntry] = []
        for entity in entities {
            let canonical = entity.canonical ?? entity.text
            if let i = index.firstIndex(where: { $0.canonical == canonical && $0.type == entity.type }) {
                index[i].mentions += 1
            } else {
                index.append(PageDocument.IndexEntry(canonical: canonical, type: entity.type, mentions: 1))
            }
        }
        return PageDocument(
            id: "sha256:00",
            source: PageDocument.Source(path: "a/b.txt", name: "b.txt", receivedAt: "2026-12-01T06:00:00Z"),
            language: PageDocument.Language(code: language), title: title, text: text, entities: entities,
            entityIndex: index, dates: dates, quotes: quotes, metadata: PageDocument.Metadata(url: url))
    }
}
