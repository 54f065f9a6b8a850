// SPDX-License-Identifier: GPL-2.0-or-later

/// What kind of text a ``TextBlock`` is, from the element that holds it.
enum BlockKind: UInt8, Sendable {
    /// In `p`, `pre`, `blockquote`, `address`, or the text right after a `<br>` (what lxml calls
    /// the `<br>`'s tail, which trafilatura keeps as a paragraph): prose.
    case paragraph
    /// In `h1`–`h6`.
    case heading
    /// In `li`, `dt`, `dd`.
    case listItem
    /// In `td`, `th`, `caption`.
    case tableCell
    /// Directly in a `div`, `section`, `article` or other container: kept only when the main
    /// text has little paragraph text (pages that write their text into bare `div`s).
    case loose
}
