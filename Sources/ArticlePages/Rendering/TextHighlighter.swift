// SPDX-License-Identifier: GPL-2.0-or-later

/// Turns a text and spans over it (Unicode scalar offsets, half-open, as in the documents) into
/// escaped HTML with one element per span. Pure, no I/O.
///
/// Spans nest by start (earlier first), then length (longer outside), then layer. Spans that
/// cross are written as several fragments: the inner span is closed where the outer one ends and
/// reopened after it, with `cont` added to its class so that a fragment is never counted twice.
/// Spans outside the text or empty are dropped and counted.
public enum TextHighlighter {
    /// The HTML of `text` with `marks` applied, and how many marks were dropped because their
    /// offsets do not fit the text (`start < 0`, `end > scalar count`, or `start >= end`).
    public static func render(_ text: String, marks: [HighlightMark]) -> (html: String, dropped: Int) {
        render(Array(text.unicodeScalars), marks: marks)
    }

    /// As ``render(_:marks:)-swift.type.method``, over the text's scalars.
    public static func render(_ scalars: [Unicode.Scalar], marks: [HighlightMark]) -> (html: String, dropped: Int) {
        let count = scalars.count
        let valid = marks.enumerated()
            .filter { $0.element.start >= 0 && $0.element.end <= count && $0.element.start < $0.element.end }
            .sorted { a, b in
                if a.element.start != b.element.start { return a.element.start < b.element.start }
                if a.element.end != b.element.end { return a.element.end > b.element.end }
                if a.element.layer != b.element.layer { return a.element.layer < b.element.layer }
                return a.offset < b.offset
            }
            .map(\.element)
        var boundaries = Set<Int>([0, count])
        for mark in valid {
            boundaries.insert(mark.start)
            boundaries.insert(mark.end)
        }
        let positions = boundaries.sorted()
        var out = String()
        out.reserveCapacity(count * 2 + valid.count * 80)
        var open: [Int] = []
        var next = 0
        for (i, position) in positions.enumerated() {
            if open.contains(where: { valid[$0].end == position }) {
                var reopen: [Int] = []
                while open.contains(where: { valid[$0].end == position }), let top = open.popLast() {
                    out += "</\(valid[top].element)>"
                    if valid[top].end != position { reopen.append(top) }
                }
                for index in reopen.reversed() {
                    out += openingTag(valid[index], continuation: true)
                    open.append(index)
                }
            }
            while next < valid.count, valid[next].start == position {
                out += openingTag(valid[next], continuation: false)
                open.append(next)
                next += 1
            }
            if i + 1 < positions.count {
                HTMLEscaper.appendEscaped(scalars[position..<positions[i + 1]], to: &out)
            }
        }
        return (out, marks.count - valid.count)
    }

    static func openingTag(_ mark: HighlightMark, continuation: Bool) -> String {
        var tag = "<" + mark.element
        for attribute in mark.attributes {
            if continuation, attribute.name == "class" {
                tag += HTMLAttribute("class", attribute.value + " cont").html
            } else {
                tag += attribute.html
            }
        }
        tag += ">"
        if !continuation { tag += mark.leadingHTML }
        return tag
    }
}
