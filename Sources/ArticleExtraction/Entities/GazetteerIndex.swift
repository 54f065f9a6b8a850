// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A ``Gazetteer``'s lists as integer-keyed tables, for the recogniser's hot path: every word of
/// every list interned once (``WordIndex``), the lists it belongs to as ``WordFlags``, and the
/// multi-word place and organisation names as ``NameTrie``s over word ids.
///
/// Gives the same answers as the gazetteer's `Set`s and dictionaries (canonical equivalence of
/// words), without hashing a `String` per question.
struct GazetteerIndex: Sendable {
    let words: WordIndex
    /// Flags by word id.
    let flags: [WordFlags]
    let locations: NameTrie
    let organizations: NameTrie

    /// - Parameters:
    ///   - lists: each cue or name list with the flag its words get.
    ///   - locations, organizations: base-form keys (words joined by a space) -> name as listed.
    init(lists: [(Set<String>, WordFlags)], locations: [String: String], organizations: [String: String]) {
        /// A table key's words: the inverse of joining token base forms with a space.
        func split(_ key: String) -> [String] {
            key.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        }
        var all: [String] = []
        for (list, _) in lists { all += list }
        for key in locations.keys { all += split(key) }
        for key in organizations.keys { all += split(key) }
        let words = WordIndex(all)
        var flags = [WordFlags](repeating: [], count: words.count)
        for (list, flag) in lists {
            for word in list { flags[Int(words.id(of: word)!)].insert(flag) }
        }
        func trie(_ table: [String: String], flagging flag: WordFlags?) -> NameTrie {
            var trie = NameTrie()
            for (key, name) in table {
                let parts = split(key)
                let ids = parts.map { words.id(of: $0)! }
                trie.insert(ids, name: name)
                if let flag, ids.count == 1 { flags[Int(ids[0])].insert(flag) }
            }
            return trie
        }
        self.locations = trie(locations, flagging: .location)
        self.organizations = trie(organizations, flagging: nil)
        self.words = words
        self.flags = flags
    }

    /// What the recogniser asks of each of `tokens`, in order (worked out once per distinct
    /// token, ``TokenTypes``: the facts are a function of the token's forms).
    func facts(for tokens: [Token]) -> [TokenFacts] {
        TokenTypes(tokens).map(tokens) { token in
            let isArabic = token.kind == .arabicWord
            guard isArabic || token.kind == .latinWord else { return TokenFacts(nonWord: token) }
            let baseKey = WordIndex.key(of: token.base)
            let baseID = words.id(of: token.base, key: baseKey) ?? -1
            let normalizedID = words.id(of: token.normalized) ?? -1
            return TokenFacts(
                token, isArabic: isArabic, baseID: baseID, baseKey: baseKey,
                baseFlags: baseID < 0 ? [] : flags[Int(baseID)],
                normalizedFlags: normalizedID < 0 ? [] : flags[Int(normalizedID)])
        }
    }
}
