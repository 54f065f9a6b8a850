// SPDX-License-Identifier: GPL-2.0-or-later

/// Identifies the language of a text: Arabic, English or French, with the script.
///
/// Method: script counting, then function-word counting for Latin text.
/// 1. Letters are counted by script (Arabic-script letters vs Latin letters; others are ignored).
///    With fewer than 3 letters the result is `und`/`Zyyy` with confidence 0.
/// 2. If Arabic-script letters are the majority, the text is `ar`/`Arab`, with confidence equal
///    to their share of the letters (Persian or Urdu text in Arabic script is also reported as
///    `ar`; it is not distinguished).
/// 3. Otherwise the Latin words are matched against short lists of the most frequent English and
///    French function words (the, and, of, ... / le, la, les, des, ...); French letters with
///    accents (é è ê à ç ù û ô î ï ë œ) count for French. The larger score wins; confidence is the
///    Latin share times the winning share of the scores. No evidence either way gives `und`/`Latn`.
public enum LanguageIdentifier {
    /// Guesses the language of `scalars` (a whole text or a part of it).
    public static func identify(_ scalars: [Unicode.Scalar]) -> LanguageGuess {
        var arabic = 0
        var latin = 0
        var frenchLetters = 0
        var english = 0
        var french = 0
        var word = [UInt32]()
        func endWord() {
            guard !word.isEmpty, word.count <= 5 else {
                word.removeAll(keepingCapacity: true)
                return
            }
            let key = String(String.UnicodeScalarView(word.compactMap(Unicode.Scalar.init))).lowercased()
            if englishWords.contains(key) { english += 1 }
            if frenchWords.contains(key) { french += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for s in scalars {
            let v = s.value
            if ScalarClass.isLatinLetter(v) {
                latin += 1
                word.append(v)
                switch v {
                case 0xE9, 0xE8, 0xEA, 0xE0, 0xE7, 0xF9, 0xFB, 0xF4, 0xEE, 0xEF, 0xEB, 0x153, 0xC9: frenchLetters += 1
                default: break
                }
            } else {
                endWord()
                if ScalarClass.isArabicLetter(v) { arabic += 1 }
            }
        }
        endWord()
        let letters = arabic + latin
        if letters < 3 { return LanguageGuess(code: "und", script: "Zyyy", confidence: 0) }
        if arabic * 2 > letters {
            return LanguageGuess(code: "ar", script: "Arab", confidence: rounded(Double(arabic) / Double(letters)))
        }
        let latinShare = Double(latin) / Double(letters)
        let englishScore = Double(english)
        let frenchScore = Double(french) + Double(frenchLetters) * 0.5
        let total = englishScore + frenchScore
        if total == 0 { return LanguageGuess(code: "und", script: "Latn", confidence: rounded(latinShare * 0.5)) }
        if englishScore >= frenchScore {
            return LanguageGuess(code: "en", script: "Latn", confidence: rounded(latinShare * englishScore / total))
        }
        return LanguageGuess(code: "fr", script: "Latn", confidence: rounded(latinShare * frenchScore / total))
    }

    private static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static let englishWords: Set<String> = [
        "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "are", "with", "as", "by",
        "this", "be", "at", "from", "have", "has", "not", "but", "were", "which", "said", "will", "would",
    ]

    static let frenchWords: Set<String> = [
        "le", "la", "les", "des", "et", "est", "du", "une", "un", "dans", "pour", "que", "qui", "sur", "au",
        "aux", "pas", "par", "ce", "ces", "il", "elle", "sont", "avec", "mais", "ont", "été", "leur", "cette",
    ]
}
