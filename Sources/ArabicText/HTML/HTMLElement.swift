// SPDX-License-Identifier: GPL-2.0-or-later

/// One element of an ``HTMLDocument``, in document (pre-)order.
///
/// The subtree of element `e` is the elements `e + 1 ..< end`; the text blocks written while it
/// was open are `blockStart ..< blockEnd` (exact for block-level elements, which close the current
/// block when they open and close; an inline element may share its first and last block with its
/// neighbours).
struct HTMLElement: Sendable {
    /// Facts from the start tag that are not cues.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// `hidden`, `aria-hidden="true"` or an inline style with `display:none`/`visibility:hidden`.
        static let hidden = Flags(rawValue: 1 << 0)
        /// `itemprop="articleBody"` (or `articlebody`).
        static let articleBodyProperty = Flags(rawValue: 1 << 1)
        /// Its text is never written (a `hardDrop` tag, hidden, or inside one).
        static let dropped = Flags(rawValue: 1 << 2)
        /// Inside `<head>`.
        static let inHead = Flags(rawValue: 1 << 3)
        /// Inside an `<a>` element.
        static let inLink = Flags(rawValue: 1 << 4)
        /// An inline element with a boilerplate cue: it was given blocks of its own so that it
        /// can be left out without its paragraph.
        static let splitInline = Flags(rawValue: 1 << 5)
        /// A table with `role="presentation"` or `role="none"` (layout, not data).
        static let layoutTable = Flags(rawValue: 1 << 6)
        /// `<a>` with an `href`.
        static let hyperlink = Flags(rawValue: 1 << 7)
        /// An ARIA landmark of page chrome: `role` `navigation`, `banner`, `contentinfo` or
        /// `complementary`.
        static let chromeRole = Flags(rawValue: 1 << 8)
        /// `role="main"`.
        static let mainRole = Flags(rawValue: 1 << 9)
    }

    var tag: HTMLTag
    var flags: Flags
    /// The parent element's index, or -1 for a top-level element.
    var parent: Int32
    /// The index after the last element of the subtree.
    var end: Int32
    /// The first text block written while the element was open.
    var blockStart: Int32
    /// The index after the last text block written while the element was open.
    var blockEnd: Int32
    /// The cues of its `class`, `id`, `role`, `itemprop`, `style` and `hidden` attributes.
    var cues: AttributeCues
}
