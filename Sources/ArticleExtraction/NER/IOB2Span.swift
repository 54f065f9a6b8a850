// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// An entity span over a sequence of tagged tokens: its class and the tokens `[start, end)`.
public struct IOB2Span: Hashable, Sendable {
    public var type: EntityType
    public var start: Int
    public var end: Int

    public init(type: EntityType, start: Int, end: Int) {
        self.type = type
        self.start = start
        self.end = end
    }

    /// The spans of a tag sequence, read as conlleval (Sang & Buchholz, CoNLL-2000 `conlleval`)
    /// reads them: `B-X` opens a span; `I-X` continues a span of class X and opens one after `O`
    /// or a span of another class (an IOB1 leftover); anything else closes the open span.
    public static func spans(in tags: [EntityTag]) -> [IOB2Span] {
        var spans: [IOB2Span] = []
        var open: (type: EntityType, start: Int)?
        for (i, tag) in tags.enumerated() {
            guard let type = tag.type else {
                if let o = open { spans.append(IOB2Span(type: o.type, start: o.start, end: i)) }
                open = nil
                continue
            }
            if tag.isInside, let o = open, o.type == type { continue }
            if let o = open { spans.append(IOB2Span(type: o.type, start: o.start, end: i)) }
            open = (type, i)
        }
        if let o = open { spans.append(IOB2Span(type: o.type, start: o.start, end: tags.count)) }
        return spans
    }

    /// The IOB2 tags of `spans` over `count` tokens (spans must not overlap).
    public static func tags(of spans: [IOB2Span], count: Int) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: count)
        for span in spans where span.start < span.end {
            tags[span.start] = .begin(span.type)
            for i in (span.start + 1)..<span.end { tags[i] = .inside(span.type) }
        }
        return tags
    }
}
