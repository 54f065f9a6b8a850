// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Arabic number words, scale words, and the units that follow amounts (percent, currencies,
/// measures), looked up by normalised form. Written by hand for this project; every entry goes
/// through the tokenizer's normaliser when the lexicon is built.
public struct NumberLexicon: Sendable {
    /// What a word contributes to a number.
    public enum Word: Sendable, Equatable {
        /// A number below 1,000 (خمسة 5, عشرون 20, ثلاثمائة 300).
        case value(Double)
        /// `عشر`/`عشرة` after a unit: adds 10 (خمسة عشر = 15).
        case teen
        /// A scale word (ألف، مليون، مليار): multiplies what stands before it, or is 1× alone.
        case scale(Double)
        /// A vague multiple (عشرات، مئات، آلاف alone): a number with no value.
        case vague
    }

    /// A unit after an amount: its code, and whether it is a currency whose country an adjective
    /// may name.
    public struct Unit: Sendable, Equatable {
        public var code: String
        /// Adjective (normalised) → ISO 4217 code, for currencies that many countries name alike.
        public var byCountry: [String: String]
    }

    private let words: [TermKey: Word]
    private let units: [TermKey: Unit]
    let normalizer: ArabicNormalizer

    public init(normalizer: ArabicNormalizer = .init()) {
        self.normalizer = normalizer
        var words: [TermKey: Word] = [:]
        func add(_ list: String, _ word: Word) {
            for w in list.split(separator: " ") { words[TermKey(normalizer.normalize(String(w)))] = word }
        }
        add("واحد واحدة أحد إحدى", .value(1))
        add("اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي", .value(2))
        add("ثلاثة ثلاث", .value(3))
        add("أربعة أربع", .value(4))
        add("خمسة خمس", .value(5))
        add("ستة ست", .value(6))
        add("سبعة سبع", .value(7))
        add("ثمانية ثماني ثمان", .value(8))
        add("تسعة تسع", .value(9))
        add("عشرة", .value(10))
        add("عشر", .teen)
        let tens = [
            "عشرون عشرين", "ثلاثون ثلاثين", "أربعون أربعين", "خمسون خمسين", "ستون ستين", "سبعون سبعين",
            "ثمانون ثمانين", "تسعون تسعين",
        ]
        for (i, list) in tens.enumerated() { add(list, .value(Double(20 + 10 * i))) }
        add("مائة مئة مئه مائه", .value(100))
        add("مائتان مائتين مئتان مئتين", .value(200))
        let hundreds = ["ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"]
        for (i, h) in hundreds.enumerated() {
            add(h + "مائة " + h + "مئة", .value(Double(300 + 100 * i)))
        }
        add("ألف ألفا", .scale(1e3))
        add("ألفان ألفين", .scale(2e3))
        add("مليون مليونا ملايين", .scale(1e6))
        add("مليونان مليونين", .scale(2e6))
        add("مليار مليارا مليارات بليون بلايين", .scale(1e9))
        add("ملياران مليارين", .scale(2e9))
        add("تريليون تريليونات", .scale(1e12))
        add("آلاف", .scale(1e3))
        add("عشرات مئات", .vague)
        self.words = words

        var units: [TermKey: Unit] = [:]
        func unit(_ list: String, _ code: String, _ byCountry: [String: String] = [:]) {
            var countries: [String: String] = [:]
            for (adjective, iso) in byCountry {
                for a in adjective.split(separator: " ") { countries[normalizer.normalize(String(a))] = iso }
            }
            for w in list.split(separator: " ") {
                units[TermKey(normalizer.normalize(String(w)))] = Unit(code: code, byCountry: countries)
            }
        }
        unit("% ٪ بالمئة بالمائة", "percent")
        unit("دولار دولارا دولارات", "USD", ["أسترالي استرالي": "AUD", "كندي": "CAD", "أمريكي أميركي": "USD"])
        unit(
            "ريال ريالا ريالات", "SAR",
            ["قطري": "QAR", "عماني": "OMR", "يمني": "YER", "إيراني": "IRR", "برازيلي": "BRL", "سعودي": "SAR"])
        unit("جنيه جنيها جنيهات", "EGP", ["إسترليني استرليني": "GBP", "سوداني": "SDG", "مصري": "EGP"])
        unit("يورو", "EUR")
        unit("درهم دراهم درهما", "AED", ["مغربي": "MAD", "إماراتي": "AED"])
        unit(
            "دينار دنانير دينارا", "dinar",
            [
                "كويتي": "KWD", "أردني": "JOD", "بحريني": "BHD", "ليبي": "LYD", "عراقي": "IQD", "تونسي": "TND",
                "جزائري": "DZD",
            ])
        unit("ليرة ليرات", "lira", ["تركية": "TRY", "لبنانية": "LBP", "سورية": "SYP"])
        unit("روبية روبيات", "rupee", ["هندية": "INR", "باكستانية": "PKR"])
        unit("ين", "JPY")
        unit("يوان", "CNY")
        unit("روبل", "RUB")
        unit("فرنك", "franc", ["سويسري": "CHF"])
        unit("رينغيت رينغجيت رنجيت", "MYR")
        unit("كيلومتر كيلومترات كيلومترا كلم كم", "km")
        unit("متر أمتار مترا", "m")
        unit("كيلوغرام كيلوجرام كيلوغراما كغ كجم", "kg")
        unit("طن أطنان طنا", "t")
        unit("برميل براميل", "barrel")
        unit("هكتار هكتارات", "ha")
        unit("ميل أميال", "mi")
        unit("لتر لترات", "L")
        unit("ميغاواط ميجاوات ميغاوات", "MW")
        self.units = units
    }

    /// The number word `form` (normalised, without conjunctions), or `nil`.
    @inline(__always)
    public func word(_ form: String) -> Word? { words[TermKey(form)] }

    /// The unit named by `form` (normalised, without proclitics), or `nil`.
    @inline(__always)
    public func unit(_ form: String) -> Unit? { units[TermKey(form)] }
}
