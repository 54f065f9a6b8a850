// SPDX-License-Identifier: GPL-2.0-or-later

/// An article's bytes decoded to text, with the encoding that was used.
///
/// `text` has line ends normalised to LF and control characters other than LF and TAB removed;
/// every offset in the output document refers to this `text`.
public struct DecodedText: Sendable {
    /// The decoded text (LF line ends, no NUL or other C0/C1 controls except `\n` and `\t`).
    public let text: String
    /// The encoding the bytes were decoded from.
    public let encoding: TextEncodingName
    /// How sure the detection is, in `0...1`: 1 for a byte order mark or valid UTF-8, lower for
    /// guessed encodings (UTF-16 without a mark, the legacy Arabic code pages).
    public let confidence: Double

    /// Creates a decoded text value.
    public init(text: String, encoding: TextEncodingName, confidence: Double) {
        self.text = text
        self.encoding = encoding
        self.confidence = confidence
    }
}
