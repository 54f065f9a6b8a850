// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The facts about one token that the feature templates read: hashes of its forms, what the
/// lexicon and the training data say about its lexical form, and its shape. The tagger works them
/// out once per distinct word of the stream (``NERTypeCache``), then marks each token's place in
/// listed names and the rule recogniser's tag; training works them out per token
/// (``NERFeatureExtractor/infos(for:lines:lexicon:seen:)``).
struct NERTokenInfo: Sendable {
    /// Hash of the lexical form (``NERFormChoice``).
    var form: UInt64
    /// Hash of the whole normalised token (clitics included).
    var normalized: UInt64
    /// Hash of the light stem.
    var stem: UInt64
    var word: NERWordInfo
    var seen: NERSeenCounts
    var proclitics: NERProclitics
    var choice: NERFormChoice
    /// ``TokenKind`` as a number (see ``NERFeatureExtractor/kindCode(_:)``).
    var kind: UInt8
    /// Letters (scalars) in the lexical form, at most 255.
    var length: UInt8
    /// Gazetteer name of several words over this token: 0 none; 1 + 2·type + (0 first word, 1 later
    /// word), type 0 place, 1 organisation.
    var phrase: UInt8
    /// The tag index the gazetteer and rule recogniser (``GazetteerEntityRecognizer``) gives the token (0
    /// `O`), when the model uses it (``NERFeatureGroups/rules``).
    var rule: UInt8 = 0

    /// True for Arabic and Latin words.
    var isWord: Bool { kind <= 1 }

    /// What stands beyond either end of a line.
    static let boundary = NERTokenInfo(
        form: 0x424F_554E_4441_5259, normalized: 0x424F_554E_4441_5259, stem: 0, word: .none, seen: .init(),
        proclitics: NERProclitics(conjunction: 0, rest: 0), choice: .base, kind: 15, length: 0, phrase: 0,
        rule: 15)
}
