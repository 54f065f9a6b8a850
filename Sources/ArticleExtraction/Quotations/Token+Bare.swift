// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

extension Token {
    /// `base` with `ال` in front when the token has the article: the word as a definite or
    /// indefinite form without its conjunctions and prepositions (`الخارجية` of `والخارجية`).
    var bare: String { proclitics.last?.utf8.elementsEqual("ال".utf8) == true ? "ال" + base : base }
}
