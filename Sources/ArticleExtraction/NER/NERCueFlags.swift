// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The hand-written cue lists of ``EntityCues`` a word form is in, for the model's cue features.
/// Part of the model file format.
struct NERCueFlags: OptionSet, Sendable {
    let rawValue: UInt16

    static let personTitle = NERCueFlags(rawValue: 1 << 0)
    static let organizationHead = NERCueFlags(rawValue: 1 << 1)
    static let direction = NERCueFlags(rawValue: 1 << 2)
    static let speechVerb = NERCueFlags(rawValue: 1 << 3)
    static let stopWord = NERCueFlags(rawValue: 1 << 4)
    static let nameParticle = NERCueFlags(rawValue: 1 << 5)
    static let ambiguousFirstName = NERCueFlags(rawValue: 1 << 6)

    /// Every flag, in bit order (for feature templates).
    static let all: [NERCueFlags] = (0..<7).map { NERCueFlags(rawValue: 1 << $0) }
}
