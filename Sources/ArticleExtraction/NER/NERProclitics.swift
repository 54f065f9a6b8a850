// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A token's proclitics (``Token/proclitics``) as one small code: the conjunction (none, و, ف)
/// and what follows it (none, ال, ب ال, ك ال, ل ال, ب, ك, ل), as ``ProcliticSplitter`` makes them.
/// Read from the proclitic strings' UTF-8 bytes (no `String` comparison on the hot path).
struct NERProclitics: Sendable, Equatable {
    /// 0 none, 1 و, 2 ف.
    var conjunction: UInt8
    /// 0 none, 1 ال, 2 ب ال, 3 ك ال, 4 ل ال, 5 ب, 6 ك, 7 ل.
    var rest: UInt8

    /// `conjunction * 8 + rest`, `0..<24`.
    var code: UInt8 { conjunction &* 8 &+ rest }
    /// The article ال is among them.
    var hasArticle: Bool { rest >= 1 && rest <= 4 }
    /// Letters of the conjunction and of the preposition (not of the article) written at the
    /// token's start; for ل ال (`لل`) the preposition's one letter.
    var leadingLetters: Int { (conjunction > 0 ? 1 : 0) + (rest >= 2 ? 1 : 0) }

    init(conjunction: UInt8, rest: UInt8) {
        self.conjunction = conjunction
        self.rest = rest
    }

    /// The proclitics of `token`.
    init(_ token: Token) {
        var conjunction: UInt8 = 0
        var preposition: UInt8 = 0  // 1 ب, 2 ك, 3 ل
        var article = false
        for p in token.proclitics {
            FeatureHash.withUTF8(p) { u in
                if u.count == 4 {
                    article = true
                } else if u.count == 2 {
                    switch (u[0], u[1]) {
                    case (0xD9, 0x88): conjunction = 1
                    case (0xD9, 0x81): conjunction = 2
                    case (0xD8, 0xA8): preposition = 1
                    case (0xD9, 0x83): preposition = 2
                    case (0xD9, 0x84): preposition = 3
                    default: break
                    }
                }
            }
        }
        self.conjunction = conjunction
        switch (preposition, article) {
        case (0, false): rest = 0
        case (0, true): rest = 1
        case (let p, true): rest = 1 + p
        case (let p, false): rest = 4 + p
        }
    }
}
