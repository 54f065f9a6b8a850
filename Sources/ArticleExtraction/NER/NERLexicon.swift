// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What the model knows about words besides its weights: for each word form (FNV-1a 64 of its
/// normalised UTF-8, ``FeatureHash``) a packed ``NERWordInfo`` (frequency, cluster, gazetteer and
/// cue lists), the gazetteer's names of several words as chains of word hashes, and the parents
/// of each word cluster in the coarser clusterings.
///
/// Pure look-ups; built by ``NERLexiconBuilder`` at training time and stored in the model.
struct NERLexicon: Sendable {
    /// Word form hash -> ``NERWordInfo`` raw value.
    var words: NERPackedTable
    /// Chain hash of the lexical forms of a name of several words (``phraseStep(_:_:)``) ->
    /// ``PhraseFlags`` raw value.
    var phrases: NERPackedTable
    /// For each cluster id: its cluster in each coarser clustering (`parents[id][k]`), flattened
    /// with ``parentLevels`` entries per cluster.
    var clusterParents: [UInt16]
    var parentLevels: Int

    init(
        words: NERPackedTable = NERPackedTable(), phrases: NERPackedTable = NERPackedTable(),
        clusterParents: [UInt16] = [], parentLevels: Int = 0
    ) {
        self.words = words
        self.phrases = phrases
        self.clusterParents = clusterParents
        self.parentLevels = parentLevels
    }

    /// Flags of a phrase-table entry.
    struct PhraseFlags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A whole place name ends here.
        static let location = PhraseFlags(rawValue: 1 << 0)
        /// A whole organisation name ends here.
        static let organization = PhraseFlags(rawValue: 1 << 1)
        /// A longer name continues.
        static let prefix = PhraseFlags(rawValue: 1 << 7)
    }

    static let phraseSeed: UInt64 = 0x5048_5241_5345_0001

    /// The chain hash after adding the word `form` to `hash` (start from ``phraseSeed``).
    @inline(__always)
    static func phraseStep(_ hash: UInt64, _ form: UInt64) -> UInt64 { FeatureHash.combine(hash, form) }

    @inline(__always)
    func info(_ form: UInt64) -> NERWordInfo {
        NERWordInfo(raw: words.value(for: form))
    }

    /// The phrase-table flags stored for the chain hash `hash`, `nil` when no listed name goes this way.
    @inline(__always)
    func phrase(_ hash: UInt64) -> PhraseFlags? {
        let v = phrases.value(for: hash)
        return v == 0 ? nil : PhraseFlags(rawValue: UInt8(truncatingIfNeeded: v))
    }

    /// The lexical form of `token`: its hash and which form it is (see ``NERFormChoice``).
    @inline(__always)
    func lexicalForm(of token: Token, proclitics: NERProclitics) -> (hash: UInt64, choice: NERFormChoice) {
        let base = FeatureHash.word(token.base)
        guard token.kind == .arabicWord, !proclitics.hasArticle else { return (base, .base) }
        let whole = proclitics.conjunction > 0 && proclitics.rest == 0 ? FeatureHash.word(token.normalized) : nil
        let dropped = proclitics.rest == 0 ? Self.droppedLetterHash(token.base) : nil
        return lexicalForm(base: base, whole: whole, dropped: dropped)
    }

    /// The choice between the hashes of the base, of the whole token (`nil` when it is not a
    /// candidate: no conjunction split off, or more than a conjunction) and of the base without
    /// its first letter (`nil` when not a candidate, ``droppedLetterHash(_:)``).
    @inline(__always)
    func lexicalForm(base: UInt64, whole: UInt64?, dropped: UInt64?) -> (hash: UInt64, choice: NERFormChoice) {
        var bestScore = Self.score(info(base))
        var best = (base, NERFormChoice.base)
        if let whole {
            let s = Self.score(info(whole))
            if s > bestScore {
                bestScore = s
                best = (whole, .whole)
            }
        }
        if let dropped, Self.score(info(dropped)) >= bestScore + 2 { best = (dropped, .dropLetter) }
        return best
    }

    /// Hash of `base` without its first letter when that is ب, ك or ل and at least three letters
    /// follow (a preposition the tokenizer does not split without the article), else `nil`.
    @inline(__always)
    static func droppedLetterHash(_ base: String) -> UInt64? {
        FeatureHash.withUTF8(base) { u -> UInt64? in
            guard u.count >= 8, u[0] == 0xD8 && u[1] == 0xA8 || u[0] == 0xD9 && (u[1] == 0x83 || u[1] == 0x84)
            else { return nil }
            return FeatureHash.fnv(UnsafeBufferPointer(rebasing: u[2...]))
        }
    }

    /// How much a form looks like the word meant: its frequency bucket, 3 more for a listed name.
    @inline(__always)
    private static func score(_ info: NERWordInfo) -> Int {
        let names: NERGazetteerFlags = [.firstName, .lastName, .location, .country, .organization]
        return info.frequencyBucket + (info.gazetteer.isDisjoint(with: names) ? 0 : 3)
    }

    /// The cluster of `cluster` in the coarser clustering `level` (`0..<parentLevels`).
    @inline(__always)
    func parent(of cluster: Int, level: Int) -> Int {
        Int(clusterParents[cluster * parentLevels + level])
    }
}
