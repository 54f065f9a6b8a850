// SPDX-License-Identifier: GPL-2.0-or-later

/// An HTML page read by ``HTMLTreeBuilder``: its elements in document order, the text blocks
/// between block boundaries, and the facts of its `<head>` (title, `<meta>` tags, canonical link,
/// JSON-LD scripts, language).
///
/// Pure data; indices are `Int32` to keep the arrays small (inputs are far below 2 GiB).
struct HTMLDocument: Sendable {
    /// Elements in document order (void and raw-text elements are not recorded).
    var elements: [HTMLElement] = []
    /// Text blocks in document order.
    var blocks: [TextBlock] = []
    /// The UTF-8 text of all blocks, back to back; see ``TextBlock``.
    var text: [UInt8] = []
    /// The first `<title>`, references decoded and whitespace collapsed.
    var title: String?
    /// `<meta>` contents by lower-cased `property`, `name` or `itemprop` (the first of each key;
    /// only the keys ``HTMLTreeBuilder`` keeps, see `metaKeys` there).
    var meta: [String: String] = [:]
    /// `<link rel="canonical" href>`.
    var canonicalURL: String?
    /// `<html lang>` (or `xml:lang`).
    var lang: String?
    /// The contents of `<script type="application/ld+json">` elements.
    var jsonLD: [String] = []
    /// The `datetime` of the first `<time>` element.
    var firstTimeDatetime: String?
    /// Units of work spent building it (bytes read plus elements and blocks made).
    var work = 0

    /// The text of block `k` as bytes.
    func bytes(of k: Int) -> ArraySlice<UInt8> {
        text[Int(blocks[k].textStart)..<Int(blocks[k].textEnd)]
    }

    /// The text of block `k`.
    func string(of k: Int) -> String { String(decoding: bytes(of: k), as: UTF8.self) }
}
