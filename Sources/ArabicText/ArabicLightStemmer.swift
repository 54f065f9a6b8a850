// SPDX-License-Identifier: GPL-2.0-or-later

/// A light (affix-stripping, non-root) stemmer for normalised Arabic words without proclitics.
///
/// Algorithm: the suffix stage of light10 from L. S. Larkey, L. Ballesteros, M. E. Connell,
/// "Light Stemming for Arabic Information Retrieval" (in Arabic Computational Morphology, 2007),
/// as implemented by Apache Lucene's `ArabicStemmer`: the suffixes
/// `ها ان ات ون ين يه ية ه ة ي` are tried in that order and each one is removed when the word ends
/// with it and at least two letters remain. (The prefix stage is done by the tokenizer's more
/// conservative proclitic splitting.) Works on either ta marbuta form (ة or ه).
public enum ArabicLightStemmer {
    static let suffixes: [[UInt32]] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"].map {
        $0.unicodeScalars.map(\.value)
    }

    /// The light stem of a normalised word `word` (scalar values).
    public static func stem(_ word: String) -> String {
        let values = word.unicodeScalars.map(\.value)
        return ScalarText.string(values[stemRange(values)])
    }

    /// The range of `letters` that is the stem (a prefix of `letters`): `suffixes` tried in order,
    /// each removed when `letters` (as shortened so far) ends with it and two letters remain.
    @inline(__always)
    static func stemRange<C: RandomAccessCollection>(_ letters: C) -> Range<Int>
    where C.Element == UInt32, C.Index == Int {
        let start = letters.startIndex
        var end = letters.endIndex
        @inline(__always) func ends(_ a: UInt32, _ b: UInt32) -> Bool {
            end - start >= 4 && letters[end - 2] == a && letters[end - 1] == b
        }
        @inline(__always) func ends(_ a: UInt32) -> Bool { end - start >= 3 && letters[end - 1] == a }
        // The order and letters of `suffixes`, unrolled: ها ان ات ون ين يه ية ه ة ي.
        if ends(heh, alef) { end -= 2 }
        if ends(alef, noon) { end -= 2 }
        if ends(alef, teh) { end -= 2 }
        if ends(waw, noon) { end -= 2 }
        if ends(yeh, noon) { end -= 2 }
        if ends(yeh, heh) { end -= 2 }
        if ends(yeh, tehMarbuta) { end -= 2 }
        if ends(heh) { end -= 1 }
        if ends(tehMarbuta) { end -= 1 }
        if ends(yeh) { end -= 1 }
        return start..<end
    }

    private static let alef: UInt32 = 0x0627
    private static let tehMarbuta: UInt32 = 0x0629
    private static let teh: UInt32 = 0x062A
    private static let noon: UInt32 = 0x0646
    private static let heh: UInt32 = 0x0647
    private static let waw: UInt32 = 0x0648
    private static let yeh: UInt32 = 0x064A
}
