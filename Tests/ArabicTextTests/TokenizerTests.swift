// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Testing

@testable import ArabicText

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    private func tokens(_ s: String) -> [Token] { tokenizer.tokens(in: Array(s.unicodeScalars)) }

    @Test("وبالعاصمة yields the proclitics و ب ال and the base عاصمة (normalised)")
    func wabilAsima() throws {
        let t = try #require(tokens("وبالعاصمة").first)
        #expect(t.kind == .arabicWord)
        #expect(t.surface == "وبالعاصمة")
        #expect(t.normalized == "وبالعاصمه")
        #expect(t.proclitics == ["و", "ب", "ال"])
        #expect(t.base == "عاصمه")
        #expect(t.stem == "عاصم")
        let keepTa = Tokenizer(normalizer: .init(profile: .init(taMarbuta: false)))
        let u = try #require(keepTa.tokens(in: Array("وبالعاصمة".unicodeScalars)).first)
        #expect(u.base == "عاصمة")
        #expect(u.stem == "عاصم")
    }

    @Test("proclitic combinations: لل, فال, كال, وال, ول+ال")
    func combinations() {
        let cases: [(String, [String], String)] = [
            ("للعاصمة", ["ل", "ال"], "عاصمه"),
            ("وللعاصمة", ["و", "ل", "ال"], "عاصمه"),
            ("فالقرار", ["ف", "ال"], "قرار"),
            ("كالعادة", ["ك", "ال"], "عاده"),
            ("والإرهابيين", ["و", "ال"], "ارهابيين"),
            ("الارهابيين", ["ال"], "ارهابيين"),
            ("وأكد", ["و"], "اكد"),
            ("وَبِالْعَاصِمَةِ", ["و", "ب", "ال"], "عاصمه"),
        ]
        for (word, clitics, base) in cases {
            let t = tokens(word)
            #expect(t.count == 1)
            #expect(t.first?.proclitics == clitics, "\(word)")
            #expect(t.first?.base == base, "\(word)")
        }
    }

    @Test("لل before a word beginning with ل: للجنة is ل + ال + لجنة (the article's alef and lam unwritten)")
    func lamLamBeforeLamInitialWord() {
        // Hand-checked: (word, proclitics, base, stem) under the default profile (ة -> ه).
        let cases: [(String, [String], String, String)] = [
            ("للجنة", ["ل", "ال"], "لجنه", "لجن"),  // لِلَّجنة, "for the committee"
            ("لِلَّجْنَةِ", ["ل", "ال"], "لجنه", "لجن"),  // the same, vowelled (general path)
            ("وللجنة", ["و", "ل", "ال"], "لجنه", "لجن"),
            ("للجان", ["ل", "ال"], "لجان", "لج"),
            ("للاعبين", ["ل", "ال"], "لاعبين", "لاعب"),  // لِلَّاعبين, "for the players"
            ("لليبيين", ["ل", "ال"], "ليبيين", "ليب"),  // ل + الليبيين
            ("للبنانية", ["ل", "ال"], "لبنانيه", "لبنان"),
            ("للعاصمة", ["ل", "ال"], "عاصمه", "عاصم"),  // the article's alef only
            ("للغاية", ["ل", "ال"], "غايه", "غا"),  // not لغة: غاية is not listed
            ("للقمة", ["ل", "ال"], "قمه", "قم"),  // "for the summit", not لقمة
            ("للأزمة", ["ل", "ال"], "ازمه", "ازم"),  // a hamza on alef begins the word after ال
            ("لليبيا", ["ل"], "ليبيا", "ليبيا"),  // a proper noun without the article
            ("للبنان", ["ل"], "لبنان", "لبن"),
            ("للوبي", ["ل", "ال"], "وبي", "وب"),  // the documented limit: لوبي is not listed
        ]
        for (word, clitics, base, stem) in cases {
            let t = tokens(word)
            #expect(t.count == 1, "\(word)")
            #expect(t.first?.surface == word, "\(word)")
            #expect(t.first?.proclitics == clitics, "\(word)")
            #expect(t.first?.base == base, "\(word)")
            #expect(t.first?.stem == stem, "\(word)")
        }
    }

    @Test("plain-letter words (fast path) analyse like the same words with a tatweel (general path)")
    func fastPathMatchesGeneralPath() {
        let words = [
            "وبالعاصمة", "للعاصمة", "وللعاصمة", "فالقرار", "كالعادة", "والإرهابيين", "الارهابيين", "وأكد", "إلغاء",
            "ألمانيا", "الى", "إلى", "الذي", "الله", "بالله", "لليبيا", "وزيرا", "وزيرة", "فقط", "في", "وهو", "الم",
            "سياراتها", "معلمون", "مستشفى", "آمنة", "ولايتها", "بالذي", "للجنة", "وللاعبين", "للأزمة", "لليبيين",
        ]
        for word in words {
            let plain = tokens(word)
            let general = tokens(word + "\u{0640}")
            #expect(plain.count == 1 && general.count == 1, "\(word)")
            #expect(plain.first?.normalized == general.first?.normalized, "\(word)")
            #expect(plain.first?.proclitics == general.first?.proclitics, "\(word)")
            #expect(plain.first?.base == general.first?.base, "\(word)")
            #expect(plain.first?.stem == general.first?.stem, "\(word)")
            #expect(plain.first?.surface == word, "\(word)")
        }
    }

    @Test("letters of other scripts are other words; other punctuation and symbols are tokens of their kind")
    func otherScripts() {
        let t = tokens("Привет мир 東京 § ¶ ©©")
        #expect(t.map(\.surface) == ["Привет", "мир", "東京", "§", "¶", "©©"])
        #expect(t.map(\.kind) == [.otherWord, .otherWord, .otherWord, .punctuation, .punctuation, .symbol])
    }

    @Test("a repeated token is the same analysis at its own offsets")
    func repeatedTokens() {
        let t = tokens("قال الوزير، قال الوزير. والوزير")
        #expect(t.map(\.range.start) == [0, 4, 10, 12, 16, 22, 24])
        #expect(t[3] == t[0].moved(to: t[3].range))
        #expect(t[4] == t[1].moved(to: t[4].range))
        #expect(t[4].proclitics == ["ال"] && t[4].base == "وزير")
        #expect(t[6].proclitics == ["و", "ال"] && t[6].base == "وزير")
        #expect(t[2].surface == "،" && t[5].surface == ".")
    }

    @Test("no stripping that leaves fewer than two letters or an implausible word")
    func conservative() {
        let unsplit = [
            "إلغاء", "ألمانيا", "الى", "إلى", "الذي", "الله", "الف", "وزير", "وزيرا", "وقت", "فرنسا", "فقط", "بريطانيا",
            "لبنان", "ولد", "في", "وهو",
        ]
        for word in unsplit where word != "وهو" {
            #expect(tokens(word).first?.proclitics == [], "\(word)")
        }
        #expect(tokens("وهو").first?.proclitics == ["و"])
        #expect(tokens("وهو").first?.base == "هو")
        #expect(tokens("لليبيا").first?.proclitics == ["ل"])
        #expect(tokens("لليبيا").first?.base == "ليبيا")
        #expect(tokens("بالله").first?.proclitics == ["ب"])
        #expect(tokens("بالله").first?.base == "الله")
        #expect(tokens("الم").first?.proclitics == [])  // ال + one letter: never
    }

    @Test("numbers stay one token: 3.5, 5+5, Arabic-Indic digits, dates")
    func numbers() {
        let t = tokens("3.5 5+5 ٣٫٥ ١٤٣٦/١٠/٢٥ 2015م 1,000.")
        #expect(t.map(\.surface) == ["3.5", "5+5", "٣٫٥", "١٤٣٦/١٠/٢٥", "2015", "م", "1,000", "."])
        #expect(t.map(\.kind) == [.number, .number, .number, .number, .number, .arabicWord, .number, .punctuation])
        #expect(t[2].normalized == "3.5")
        #expect(t[3].normalized == "1436/10/25")
    }

    @Test("URLs are one token without trailing punctuation; Latin words, punctuation runs and symbols")
    func otherKinds() {
        let t = tokens("انظر https://www.spa.gov.sa/a?id=1. وCOVID-19 l'armée... 50% € «قال»")
        #expect(
            t.map(\.surface) == [
                "انظر", "https://www.spa.gov.sa/a?id=1", ".", "و", "COVID-19", "l'armée", "...", "50", "%", "€", "«",
                "قال", "»",
            ])
        #expect(
            t.map(\.kind) == [
                .arabicWord, .url, .punctuation, .arabicWord, .latinWord, .latinWord, .punctuation, .number,
                .punctuation,  // '%' is Unicode Po
                .symbol, .punctuation, .arabicWord, .punctuation,
            ])
        #expect(t[4].base == "covid-19")
    }

    @Test("offsets are scalar offsets and each surface equals the text at its range")
    func offsets() {
        let text = "قال المُتحدث: «5+5» في جنيف."
        let s = Array(text.unicodeScalars)
        let t = tokenizer.tokens(in: s)
        #expect(
            t.map(\.range) == [
                .init(start: 0, end: 3), .init(start: 4, end: 12), .init(start: 12, end: 13), .init(start: 14, end: 15),
                .init(start: 15, end: 18), .init(start: 18, end: 19), .init(start: 20, end: 22),
                .init(start: 23, end: 27),
                .init(start: 27, end: 28),
            ])
        for token in t {
            #expect(token.surface == TextTestSupport.slice(s, token.range))
        }
        #expect(t[1].normalized == "المتحدث")
        #expect(t[1].proclitics == ["ال"])
        #expect(t[1].base == "متحدث")
    }

    @Test("tatweel and presentation forms inside a word")
    func tatweelWord() {
        let t = tokens("بـ”ظفرة” ﻟﻠﻌﺎﺻﻤﺔ")
        #expect(t.map(\.surface) == ["بـ", "”", "ظفرة", "”", "ﻟﻠﻌﺎﺻﻤﺔ"])
        #expect(t[0].normalized == "ب")
        #expect(t[4].normalized == "للعاصمه")
        #expect(t[4].proclitics == ["ل", "ال"])
        #expect(t[4].base == "عاصمه")
    }

    @Test("light stem: light10 suffixes")
    func lightStem() {
        #expect(ArabicLightStemmer.stem("معلمون") == "معلم")
        #expect(ArabicLightStemmer.stem("سياراتها") == "سيار")
        #expect(ArabicLightStemmer.stem("مصريه") == "مصر")
        #expect(ArabicLightStemmer.stem("هي") == "هي")  // two letters stay
    }

    @Test("the unrolled light stemmer agrees with its suffix list on every word of up to 6 suffix letters")
    func lightStemMatchesSuffixList() {
        // Every word of length 0...6 over the suffixes' letters and one other letter (م).
        let alphabet: [UInt32] = [0x0627, 0x0629, 0x062A, 0x0646, 0x0647, 0x0648, 0x064A, 0x0645]
        var words: [[UInt32]] = [[]]
        var frontier: [[UInt32]] = [[]]
        for _ in 1...6 {
            frontier = frontier.flatMap { w in alphabet.map { w + [$0] } }
            words += frontier
        }
        var mismatches = 0
        for word in words {
            var end = word.count
            for suffix in ArabicLightStemmer.suffixes
            where end >= suffix.count + 2 && Array(word[(end - suffix.count)..<end]) == suffix {
                end -= suffix.count
            }
            if ArabicLightStemmer.stemRange(word) != 0..<end { mismatches += 1 }
        }
        #expect(words.count == 299_593)
        #expect(mismatches == 0)
    }
}
