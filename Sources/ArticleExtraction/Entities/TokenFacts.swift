// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What the entity recogniser asks of one token, worked out once per token: its kind, its base
/// form's word id and the cue lists its base and normalised forms belong to (``GazetteerIndex``),
/// and the shape of its proclitics.
///
/// Word ids and flags are only looked up for Arabic and Latin words; other tokens get none (the
/// recogniser never asks them).
struct TokenFacts: Sendable {
    /// An Arabic or Latin word.
    let isWord: Bool
    let isArabic: Bool
    /// Id of `base` in the gazetteer's ``WordIndex``, -1 when it is in no list.
    let baseID: Int32
    /// `base`'s hash, NFC certainty and scalar count (all zero for tokens that are not words).
    let baseKey: WordIndex.WordKey
    let baseFlags: WordFlags
    let normalizedFlags: WordFlags
    /// `proclitics` is empty.
    let hasNoProclitics: Bool
    /// `proclitics == ["ال"]`.
    let hasArticleOnly: Bool
    /// `proclitics == ["و"]`.
    let hasConjunctionWawOnly: Bool
    /// Every proclitic is `ال` or `و` (true when there are none).
    let hasOnlyArticleOrWaw: Bool
    /// `proclitics` contains `ال`.
    let hasArticle: Bool
    /// `proclitics` contains `ب` or `ك`.
    let hasPreposition: Bool

    init(
        _ token: Token, isArabic: Bool, baseID: Int32, baseKey: WordIndex.WordKey, baseFlags: WordFlags,
        normalizedFlags: WordFlags
    ) {
        isWord = true
        self.isArabic = isArabic
        self.baseID = baseID
        self.baseKey = baseKey
        self.baseFlags = baseFlags
        self.normalizedFlags = normalizedFlags
        var article = 0
        var waw = 0
        var preposition = false
        for proclitic in token.proclitics {
            if Self.equals(proclitic, Self.article) {
                article += 1
            } else if Self.equals(proclitic, Self.waw) {
                waw += 1
            } else if Self.equals(proclitic, Self.ba) || Self.equals(proclitic, Self.kaf) {
                preposition = true
            }
        }
        let count = token.proclitics.count
        hasNoProclitics = count == 0
        hasArticleOnly = count == 1 && article == 1
        hasConjunctionWawOnly = count == 1 && waw == 1
        hasOnlyArticleOrWaw = article + waw == count
        hasArticle = article > 0
        hasPreposition = preposition
    }

    /// Facts of a token that is not a word: no ids, no flags.
    init(nonWord token: Token) {
        isWord = false
        isArabic = false
        baseID = -1
        baseKey = WordIndex.WordKey(hash: 0, isCertainlyNFC: false, scalarCount: 0)
        baseFlags = []
        normalizedFlags = []
        let count = token.proclitics.count
        hasNoProclitics = count == 0
        hasArticleOnly = count == 1 && token.proclitics[0] == "ال"
        hasConjunctionWawOnly = count == 1 && token.proclitics[0] == "و"
        hasOnlyArticleOrWaw = token.proclitics.allSatisfy { $0 == "ال" || $0 == "و" }
        hasArticle = token.proclitics.contains("ال")
        hasPreposition = token.proclitics.contains { $0 == "ب" || $0 == "ك" }
    }

    private static let article = "ال"
    private static let waw = "و"
    private static let ba = "ب"
    private static let kaf = "ك"

    /// `proclitic == literal` (canonical equivalence) for a `literal` in NFC, by bytes when
    /// `proclitic` is certainly in NFC.
    @inline(__always)
    private static func equals(_ proclitic: String, _ literal: String) -> Bool {
        if proclitic.utf8.elementsEqual(literal.utf8) { return true }
        return WordIndex.key(of: proclitic).isCertainlyNFC ? false : proclitic == literal
    }
}
