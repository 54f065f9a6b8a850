// SPDX-License-Identifier: GPL-2.0-or-later

/// One highlighted span of a text for ``TextHighlighter``: an element wrapped around the scalars
/// `[start, end)`.
public struct HighlightMark: Sendable, Equatable {
    /// Unicode scalar offsets into the text, half-open.
    public var start: Int
    public var end: Int
    /// Nesting order for marks over the same range: lower layers are outside higher ones.
    public var layer: Int
    /// The element name (`bdi`, `time`, `span`), trusted (never from the article).
    public var element: String
    /// Attribute names (trusted) and values (untrusted: escaped when written). The `class`
    /// attribute, when present, gains `cont` on every fragment after the first.
    public var attributes: [HTMLAttribute]
    /// Markup (trusted, already escaped) written right after the first fragment's opening tag,
    /// e.g. a speaker label.
    public var leadingHTML: String

    public init(
        start: Int, end: Int, layer: Int, element: String, attributes: [HTMLAttribute], leadingHTML: String = ""
    ) {
        self.start = start
        self.end = end
        self.layer = layer
        self.element = element
        self.attributes = attributes
        self.leadingHTML = leadingHTML
    }
}
