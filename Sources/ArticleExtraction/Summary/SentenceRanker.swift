// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Chooses the sentences that best represent an article: each eligible sentence scores the sum of
/// the TF-IDF weights of its distinct content-word stems (``KeywordExtractor``) over the square
/// root of its length (at least 8 words), and the first eligible sentence (the lead) counts 1.25
/// times; the best ``count`` are returned in text order.
///
/// Not eligible: sentences with fewer than five content words once dates, places, numbers and
/// agency names are set aside (datelines such as `الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م
/// واس`, bylines), and captions and trailers (opening with صورة، تصوير، فيديو، شاهد، رابط، للمزيد,
/// or holding `//`).
public struct SentenceRanker: Sendable {
    /// How many sentences to choose.
    public var count: Int

    public init(count: Int = 3) { self.count = count }

    static let agencyWords: Set<TermKey> = [
        "واس", "الموافق", "رويترز", "ا", "ف", "ب", "د", "الاناضول", "وكالات", "قنا", "وام",
    ]
    static let captionWords: Set<TermKey> = [
        "صوره", "الصوره", "صور", "تصوير", "فيديو", "شاهد", "رابط", "للمزيد", "اقرا", "المصدر", "بالفيديو", "بالصور",
    ]

    /// Indices into `sentences` of the chosen sentences, ascending.
    public func summary(
        sentences: [ScalarRange], tokens: [Token], weights: [TermKey: Double], dateTokens: (Int) -> Bool,
        locations: [ScalarRange]
    ) -> [Int] {
        summary(
            sentences: sentences, tokens: tokens, types: TokenTypes(tokens), weights: weights, dateTokens: dateTokens,
            locations: locations)
    }

    /// As the public one, with the distinct tokens of `tokens` already found.
    func summary(
        sentences: [ScalarRange], tokens: [Token], types: TokenTypes, weights: [TermKey: Double],
        dateTokens: (Int) -> Bool, locations: [ScalarRange]
    ) -> [Int] {
        precondition(types.typeOf.count == tokens.count, "types of other tokens")
        // What the ranking reads of a token is a function of its forms: worked out once per
        // distinct token, with each distinct stem numbered and weighed once.
        struct TypeFacts {
            var isWord: Bool
            var isNumber: Bool
            var hasDoubleSlash: Bool
            var isCaptionWord: Bool
            var isAgencyWord: Bool
            /// Number of the stem (words only, else -1).
            var stem: Int32
        }
        var stemNumbers: [TermKey: Int32] = [:]
        stemNumbers.reserveCapacity(types.count)
        var stemWeights: [Double] = []
        let facts = types.first.map { first -> TypeFacts in
            let t = tokens[Int(first)]
            let isWord = t.kind == .arabicWord || t.kind == .latinWord
            var stem: Int32 = -1
            if isWord {
                let key = TermKey(t.stem)
                if let number = stemNumbers[key] {
                    stem = number
                } else {
                    stem = Int32(stemWeights.count)
                    stemNumbers[key] = stem
                    stemWeights.append(weights[key] ?? 0)
                }
            }
            let normalized = isWord ? TermKey(t.normalized) : ""
            return TypeFacts(
                isWord: isWord, isNumber: t.kind == .number, hasDoubleSlash: Self.holdsDoubleSlash(t.surface),
                isCaptionWord: isWord && Self.captionWords.contains(normalized),
                isAgencyWord: isWord && Self.agencyWords.contains(normalized), stem: stem)
        }
        /// The last sentence each stem was counted in (distinct stems per sentence).
        var countedIn = [Int](repeating: -1, count: stemWeights.count)
        var scored: [(index: Int, score: Double)] = []
        var k = 0
        var place = 0  // the first location not ending before the current token (locations are in order)
        var lead = true
        for (index, sentence) in sentences.enumerated() {
            while k < tokens.count && tokens[k].range.start < sentence.start { k += 1 }
            var j = k
            var content = 0
            var words = 0
            var weight = 0.0
            var caption = false
            var first = true
            while j < tokens.count && tokens[j].range.end <= sentence.end {
                let t = tokens[j]
                let f = facts[Int(types.typeOf[j])]
                if f.hasDoubleSlash { caption = true }
                if f.isWord {
                    if first && f.isCaptionWord { caption = true }
                    first = false
                    words += 1
                    while place < locations.count && locations[place].end <= t.range.start { place += 1 }
                    let isPlace = place < locations.count && locations[place].start <= t.range.start
                    if !dateTokens(j) && !isPlace && !f.isAgencyWord { content += 1 }
                    if countedIn[Int(f.stem)] != index {
                        countedIn[Int(f.stem)] = index
                        weight += stemWeights[Int(f.stem)]
                    }
                } else if f.isNumber {
                    first = false
                }
                j += 1
            }
            k = j
            guard content >= 5, !caption else { continue }
            var score = weight / Double(max(8, words)).squareRoot()
            if lead {
                score *= 1.25
                lead = false
            }
            scored.append((index, score))
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.prefix(count)
            .map(\.index).sorted()
    }

    /// True when `text` holds `//` (a caption's or a link's mark).
    static func holdsDoubleSlash(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return true }
            previous = byte
        }
        return false
    }
}
