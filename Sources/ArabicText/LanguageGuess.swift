// SPDX-License-Identifier: GPL-2.0-or-later

/// The language of a text as guessed by `LanguageIdentifier`; written as the document's `language`.
public struct LanguageGuess: Codable, Sendable, Hashable {
    /// ISO 639-1 code: `"ar"`, `"en"`, `"fr"`, or `"und"` when undetermined.
    public let code: String
    /// ISO 15924 script code: `"Arab"`, `"Latn"`, or `"Zyyy"` (common/undetermined).
    public let script: String
    /// How sure the guess is, in `0...1`.
    public let confidence: Double

    /// Creates a guess.
    public init(code: String, script: String, confidence: Double) {
        self.code = code
        self.script = script
        self.confidence = confidence
    }
}
