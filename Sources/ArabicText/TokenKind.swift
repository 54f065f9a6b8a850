// SPDX-License-Identifier: GPL-2.0-or-later

/// What a token is.
public enum TokenKind: String, Codable, Sendable {
    /// A run of Arabic-script letters, marks and tatweel (including presentation forms).
    case arabicWord
    /// A run of Latin letters (with inner `'`, `’`, `-` and trailing ASCII digits: `l'armée`, `COVID-19`).
    case latinWord
    /// Letters of another script (Cyrillic, Greek, CJK, ...).
    case otherWord
    /// Digits (ASCII, Arabic-Indic or Persian) with inner `.` `,` `٫` `٬` `+` `/` `:` between
    /// digits: `3.5`, `5+5`, `1436/10/25`, `١٤٣٦`.
    case number
    /// Punctuation (Unicode general category P*); a run of the same mark is one token (`...`).
    case punctuation
    /// `http://…`, `https://…` or `www.…` up to whitespace, without trailing punctuation.
    case url
    /// Anything else that is not whitespace: symbols (`%`, `$`, `+`), emoji.
    case symbol
}
