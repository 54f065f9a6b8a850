// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A quotation found by ``QuotationFinder`` before its speaker is resolved.
struct QuotationCandidate: Sendable, Equatable {
    /// Token index of the verb of saying.
    var verb: Int
    var form: SpeechVerbLexicon.Form
    /// Token indices between the verb and what introduces the quotation (إن/أن, a colon, a quotation
    /// mark): where a speaker named after the verb stands. Framing participles (قائلا) are left in.
    var region: Range<Int>
    /// The quoted words.
    var span: ScalarRange
    /// Token index of the first quoted token.
    var contentStart: Int
    /// The quoted words are inside quotation marks (their end is the closing mark, not the sentence's).
    var marked: Bool
    /// Direct speech (see ``ArticleDocument/Quote/direct``).
    var direct: Bool
    /// Index of the paragraph holding the verb.
    var paragraph: Int
    /// Token indices of the subject standing before the verb inside the words of an enclosing
    /// quotation (`بأن وزير الخارجية أكد`), for a nested quotation; `nil` otherwise.
    var subject: Range<Int>? = nil
}
