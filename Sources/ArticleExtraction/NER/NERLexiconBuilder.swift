// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Builds a model's ``NERLexicon`` at training time: frequency buckets of word forms, word
/// clusters, gazetteer flags (single words and names of several words) and cue flags.
///
/// Lexical forms depend on frequencies and single-word gazetteer flags (``NERFormChoice``), so
/// the words table is built first and the names of several words are keyed by the lexical forms
/// it gives.
enum NERLexiconBuilder {
    /// - Parameters:
    ///   - counts: whole-token counts by normalised form hash; forms seen fewer than
    ///     `minimumCount` times are left out.
    ///   - clusters: finest cluster by lexical form hash, with `parents` / `levels` as in
    ///     ``NERLexicon``.
    static func build(
        counts: [UInt64: Int32], minimumCount: Int, clusters: [UInt64: UInt16], parents: [UInt16], levels: Int,
        gazetteer: NERGazetteerLists, tokenizer: Tokenizer
    ) -> NERLexicon {
        var info: [UInt64: NERWordInfo] = [:]
        for (form, count) in counts where Int(count) >= minimumCount {
            info[form, default: .none].frequencyBucket = NERWordInfo.bucket(ofCount: Int(count))
        }
        for (form, cluster) in clusters { info[form, default: .none].cluster = Int(cluster) }

        func words(_ name: String) -> [Token] {
            tokenizer.tokens(in: Array(name.unicodeScalars)).filter { $0.kind == .arabicWord || $0.kind == .latinWord }
        }
        /// Both forms a lone word can be looked up by.
        func flag(_ token: Token, _ body: (inout NERWordInfo) -> Void) {
            for form in Set([FeatureHash.word(token.base), FeatureHash.word(token.normalized)]) {
                body(&info[form, default: .none])
            }
        }
        var multiWord: [(tokens: [Token], location: Bool)] = []
        func addNames(_ names: [String], _ flags: NERGazetteerFlags, part: NERGazetteerFlags?, location: Bool) {
            for name in names {
                let tokens = words(name)
                if tokens.count == 1 {
                    flag(tokens[0]) { $0.gazetteer.formUnion(flags) }
                } else if tokens.count > 1, let part {
                    for t in tokens { flag(t) { $0.gazetteer.insert(part) } }
                    multiWord.append((tokens, location))
                }
            }
        }
        addNames(gazetteer.firstNames + EntityCues.ambiguousFirstNames, .firstName, part: nil, location: false)
        addNames(gazetteer.lastNames, .lastName, part: nil, location: false)
        addNames(gazetteer.locations + EntityCues.extraLocations, .location, part: .locationPart, location: true)
        addNames(gazetteer.countries, [.country, .location], part: .locationPart, location: true)
        addNames(gazetteer.minorPlaces, .minorPlace, part: .locationPart, location: true)
        addNames(
            gazetteer.organizations + EntityCues.knownOrganizations, .organization, part: .organizationPart,
            location: false)
        let cueLists: [([String], NERCueFlags)] = [
            (EntityCues.personTitles, .personTitle), (EntityCues.organizationHeads, .organizationHead),
            (EntityCues.directions, .direction), (EntityCues.speechVerbs, .speechVerb),
            (EntityCues.stopWords, .stopWord), (EntityCues.nameParticles, .nameParticle),
            (EntityCues.ambiguousFirstNames, .ambiguousFirstName),
        ]
        for (list, cue) in cueLists {
            for word in list {
                let tokens = words(word)
                if tokens.count == 1 { flag(tokens[0]) { $0.cues.insert(cue) } }
            }
        }
        var table: [UInt32: UInt32] = [:]
        for (form, value) in info where value.raw != 0 { table[NERPackedTable.key(form), default: 0] |= value.raw }
        var lexicon = NERLexicon(words: NERPackedTable(table), clusterParents: parents, parentLevels: levels)
        var phrases: [UInt32: UInt32] = [:]
        for (tokens, location) in multiWord {
            var hash = NERLexicon.phraseSeed
            for (k, token) in tokens.enumerated() {
                let form = lexicon.lexicalForm(of: token, proclitics: NERProclitics(token)).hash
                hash = NERLexicon.phraseStep(hash, form)
                let key = NERPackedTable.key(hash)
                var flags = NERLexicon.PhraseFlags(rawValue: UInt8(phrases[key, default: 0]))
                if k == tokens.count - 1 {
                    flags.insert(location ? .location : .organization)
                } else {
                    flags.insert(.prefix)
                }
                phrases[key] = UInt32(flags.rawValue)
            }
        }
        lexicon.phrases = NERPackedTable(phrases)
        return lexicon
    }
}
