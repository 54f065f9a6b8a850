// SPDX-License-Identifier: GPL-2.0-or-later

/// One token of a text, with its offsets and its normalised and analysed forms.
///
/// A token is its range, its kind and a reference to its forms: the tokenizer makes the forms once
/// per distinct token of a text (same kind and scalars) and every repetition shares them, so a token
/// takes 32 bytes however long its forms are (about 40% of a news article's tokens repeat one met
/// before). The forms are immutable, so the sharing is invisible: equality and hashing compare the
/// forms' values.
public struct Token: Sendable, Hashable {
    /// Scalar offsets `[start, end)` of the token in the text it was cut from.
    public let range: ScalarRange
    /// The token's kind.
    public let kind: TokenKind
    private let forms: Forms

    /// The text at `range`, unchanged.
    public var surface: String { forms.surface }
    /// `surface` through the tokenizer's `ArabicNormalizer` (the whole token, clitics included).
    public var normalized: String { forms.normalized }
    /// For Arabic words, the proclitics split off, in order, as their canonical letters:
    /// `و` or `ف` (conjunctions), `ب` `ك` `ل` (prepositions), `ال` (the article); `لل` gives
    /// `["ل", "ال"]`, also where the article's lam is not written (`للجنة` = ل + ال + لجنة; see
    /// `ProcliticSplitter`), so the proclitics may stand for fewer letters than they spell.
    /// Empty for other kinds and when nothing was split.
    public var proclitics: [String] { forms.proclitics }
    /// `normalized` without its proclitics (for non-Arabic tokens: `normalized`, Latin lowercased).
    public var base: String { forms.base }
    /// The light stem of `base` (Larkey et al. light10 suffixes, see `ArabicLightStemmer`);
    /// for non-Arabic tokens equal to `base`.
    public var stem: String { forms.stem }

    /// The identity of the forms this token shares with its repetitions: tokens of one
    /// `Tokenizer.tokens(in:)` call have the same identity exactly when they have the same kind and
    /// scalars. Tokens with different identities may still have equal forms (cut by different calls,
    /// or made with ``init(range:kind:surface:normalized:proclitics:base:stem:)``), so an identity
    /// is a key for work done once per distinct token, never a test of inequality. Valid while the
    /// token lives.
    public var formsIdentity: ObjectIdentifier { ObjectIdentifier(forms) }

    /// The forms of one distinct token, shared by its repetitions.
    private final class Forms: Sendable {
        let surface: String
        let normalized: String
        let proclitics: [String]
        let base: String
        let stem: String

        init(surface: String, normalized: String, proclitics: [String], base: String, stem: String) {
            self.surface = surface
            self.normalized = normalized
            self.proclitics = proclitics
            self.base = base
            self.stem = stem
        }
    }

    /// Creates a token.
    public init(
        range: ScalarRange, kind: TokenKind, surface: String, normalized: String, proclitics: [String],
        base: String, stem: String
    ) {
        self.range = range
        self.kind = kind
        self.forms = Forms(surface: surface, normalized: normalized, proclitics: proclitics, base: base, stem: stem)
    }

    private init(range: ScalarRange, kind: TokenKind, forms: Forms) {
        self.range = range
        self.kind = kind
        self.forms = forms
    }

    /// The same token (shared forms) at another place of the text.
    func moved(to range: ScalarRange) -> Token {
        Token(range: range, kind: kind, forms: forms)
    }

    public static func == (a: Token, b: Token) -> Bool {
        guard a.range == b.range && a.kind == b.kind else { return false }
        if a.forms === b.forms { return true }
        return a.surface == b.surface && a.normalized == b.normalized && a.proclitics == b.proclitics
            && a.base == b.base && a.stem == b.stem
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        hasher.combine(kind)
        hasher.combine(surface)
        hasher.combine(normalized)
        hasher.combine(proclitics)
        hasher.combine(base)
        hasher.combine(stem)
    }
}
