// SPDX-License-Identifier: GPL-2.0-or-later

/// One token of a text, with its offsets and its normalised and analysed forms.
public struct Token: Sendable, Hashable {
    /// Scalar offsets `[start, end)` of the token in the text it was cut from.
    public let range: ScalarRange
    /// The token's kind.
    public let kind: TokenKind
    /// The text at `range`, unchanged.
    public let surface: String
    /// `surface` through the tokenizer's `ArabicNormalizer` (the whole token, clitics included).
    public let normalized: String
    /// For Arabic words, the proclitics split off, in order, as their canonical letters:
    /// `و` or `ف` (conjunctions), `ب` `ك` `ل` (prepositions), `ال` (the article); `لل` gives
    /// `["ل", "ال"]`, also where the article's lam is not written (`للجنة` = ل + ال + لجنة; see
    /// `ProcliticSplitter`), so the proclitics may stand for fewer letters than they spell.
    /// Empty for other kinds and when nothing was split.
    public let proclitics: [String]
    /// `normalized` without its proclitics (for non-Arabic tokens: `normalized`, Latin lowercased).
    public let base: String
    /// The light stem of `base` (Larkey et al. light10 suffixes, see `ArabicLightStemmer`);
    /// for non-Arabic tokens equal to `base`.
    public let stem: String

    /// Creates a token.
    public init(
        range: ScalarRange, kind: TokenKind, surface: String, normalized: String, proclitics: [String],
        base: String, stem: String
    ) {
        self.range = range
        self.kind = kind
        self.surface = surface
        self.normalized = normalized
        self.proclitics = proclitics
        self.base = base
        self.stem = stem
    }

    /// The same token (shared strings) at another place of the text.
    func moved(to range: ScalarRange) -> Token {
        Token(
            range: range, kind: kind, surface: surface, normalized: normalized, proclitics: proclitics, base: base,
            stem: stem)
    }
}
