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

    /// The range of `letters` that is the stem (a prefix of `letters`).
    static func stemRange<C: RandomAccessCollection>(_ letters: C) -> Range<Int>
    where C.Element == UInt32, C.Index == Int {
        var end = letters.endIndex
        let start = letters.startIndex
        for suffix in suffixes {
            let n = suffix.count
            guard end - start >= n + 2 else { continue }
            var matches = true
            for k in 0..<n where letters[end - n + k] != suffix[k] {
                matches = false
                break
            }
            if matches { end -= n }
        }
        return start..<end
    }
}
