// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Small helpers shared by the Text tests.
enum TextTestSupport {
    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func slice(_ s: [Unicode.Scalar], _ r: ScalarRange) -> String {
        String(String.UnicodeScalarView(s[r.range]))
    }

    static func sentenceTexts(_ text: String) -> [String] {
        let s = scalars(text)
        return SentenceSegmenter.sentences(in: s).map { slice(s, $0) }
    }
}
