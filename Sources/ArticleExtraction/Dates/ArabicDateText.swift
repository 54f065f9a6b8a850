// SPDX-License-Identifier: GPL-2.0-or-later

/// Small helpers on normalised Arabic words for the date lexicon.
enum ArabicDateText {
    /// `word` without a leading article `ال` when at least two letters remain.
    static func withoutArticle(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4, scalars[0] == "ا", scalars[1] == "ل" else { return word }
        return String(String.UnicodeScalarView(scalars[2...]))
    }
}
