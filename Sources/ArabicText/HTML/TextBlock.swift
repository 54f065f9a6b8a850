// SPDX-License-Identifier: GPL-2.0-or-later

/// A run of text between two block boundaries of an ``HTMLDocument``: one line of output when kept.
///
/// Its text is `document.text[textStart ..< textEnd]`: UTF-8, character references decoded,
/// whitespace collapsed to single spaces, trimmed. Counts are in Unicode scalars.
struct TextBlock: Sendable {
    /// Facts about how the block was delimited.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// It continues the previous block's line (split at an inline element with a cue); when
        /// both are kept they are joined, with a space when `spaceBefore` is set.
        static let continuesLine = Flags(rawValue: 1 << 0)
        /// Whitespace stood between it and the previous block in the source.
        static let spaceBefore = Flags(rawValue: 1 << 1)
        /// It ended at a `<br>`.
        static let endsAtBreak = Flags(rawValue: 1 << 2)
        /// It starts right after a `<br>`, with no other tag between (the `<br>`'s tail).
        static let afterBreak = Flags(rawValue: 1 << 3)
    }

    /// The nearest block-level element that holds the text (its `TextBlock` owner), or -1.
    var owner: Int32
    /// The innermost element open when the block started.
    var innermost: Int32
    var textStart: Int32
    var textEnd: Int32
    /// Scalars in the text.
    var chars: Int32
    /// Scalars inside `<a href>` elements.
    var linkChars: Int32
    /// `<a>` elements with text that ended in this block.
    var links: Int16
    /// Of those, the ones with fewer than 10 scalars of text.
    var shortLinks: Int16
    /// Commas (`,` `،` `、` `，`).
    var commas: Int16
    /// Sentence ends (`.` `!` `?` `؟` `。` `…` followed by a space or the end).
    var sentenceEnds: Int16
    var flags: Flags
}
