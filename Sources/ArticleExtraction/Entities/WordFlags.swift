// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The cue lists a gazetteer word belongs to (see ``EntityCues`` and ``Gazetteer``).
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt16

    static let stopWord = WordFlags(rawValue: 1 << 0)
    static let speechVerb = WordFlags(rawValue: 1 << 1)
    static let personTitle = WordFlags(rawValue: 1 << 2)
    static let organizationHead = WordFlags(rawValue: 1 << 3)
    static let direction = WordFlags(rawValue: 1 << 4)
    static let firstName = WordFlags(rawValue: 1 << 5)
    static let ambiguousFirstName = WordFlags(rawValue: 1 << 6)
    static let nameParticle = WordFlags(rawValue: 1 << 7)
    /// A place name of one word.
    static let location = WordFlags(rawValue: 1 << 8)

    /// Words that end or block a name: stop words and reporting verbs.
    static let blocking: WordFlags = [.stopWord, .speechVerb]
}
