// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// Numbers and amounts with hand-written values and units.
struct NumberRecognizerTests {
    static let recognizer = NumberRecognizer(lexicon: NumberLexicon())
    static let tokenizer = Tokenizer()

    /// `text=value unit` of every number of `text`.
    static func found(_ text: String) -> [String] {
        let scalars = ScalarText.scalars(of: text)
        return recognizer.mentions(in: tokenizer.tokens(in: scalars), scalars: scalars, skip: { _ in false }).map {
            "\($0.text)=\($0.value.map { String($0) } ?? "nil") \($0.unit ?? "-")"
        }
    }

    @Test("digits, Arabic-Indic digits, thousands separators and decimals")
    func digits() {
        #expect(Self.found("قتل 33 مسلحا") == ["33=33.0 -"])
        #expect(Self.found("بلغ ٤٣١ حالة") == ["٤٣١=431.0 -"])
        #expect(Self.found("نحو 1,500 سائح") == ["1,500=1500.0 -"])
        #expect(Self.found("ارتفع 24.1 نقطة") == ["24.1=24.1 -"])
        #expect(Self.found("ارتفع ٢٤٫١ نقطة") == ["٢٤٫١=24.1 -"])
    }

    @Test("number words: units, teens, tens with و, hundreds, thousands; vague multiples have no value")
    func words() {
        #expect(Self.found("قتل خمسة جنود") == ["خمسة=5.0 -"])
        #expect(Self.found("خمسة وعشرون شخصا") == ["خمسة وعشرون=25.0 -"])
        #expect(Self.found("ثلاثة عشر يوما") == ["ثلاثة عشر=13.0 -"])
        #expect(Self.found("ثلاثمائة وخمسون ألف") == ["ثلاثمائة وخمسون ألف=350000.0 -"])
        #expect(Self.found("نقل ثلاثة آلاف مقاتل") == ["ثلاثة آلاف=3000.0 -"])
        #expect(Self.found("عشرات الجرحى") == ["عشرات=nil -"])
        #expect(Self.found("نقل الآلاف من المقاتلين") == ["الآلاف=nil -"])
        #expect(Self.found("أحد موظفي الوزارة").isEmpty)
    }

    @Test("scale words after digits and words, percentages, currencies with the country, measures")
    func amounts() {
        #expect(Self.found("2.5 مليار دولار") == ["2.5 مليار دولار=2500000000.0 USD"])
        #expect(Self.found("5 ملايين ريال") == ["5 ملايين ريال=5000000.0 SAR"])
        #expect(Self.found("635 ألف دينار كويتي") == ["635 ألف دينار كويتي=635000.0 KWD"])
        #expect(Self.found("نحو 102.2 مليون دينار") == ["102.2 مليون دينار=102200000.0 dinar"])
        #expect(Self.found("100 جنيه إسترليني") == ["100 جنيه إسترليني=100.0 GBP"])
        #expect(Self.found("150 يورو") == ["150 يورو=150.0 EUR"])
        #expect(Self.found("بنسبة 24.1 في المائة") == ["24.1 في المائة=24.1 percent"])
        #expect(Self.found("تجاوز 70 %") == ["70 %=70.0 percent"])
        #expect(Self.found("نسبته ٧٠٪") == ["٧٠٪=70.0 percent"])
        #expect(Self.found("مساحة ثمانية كيلومترات") == ["ثمانية كيلومترات=8.0 km"])
        #expect(Self.found("3 ملايين برميل") == ["3 ملايين برميل=3000000.0 barrel"])
    }

    @Test("5+5 and 5 زائد 5 are kept as written without a value")
    func expressions() {
        #expect(Self.found("لجنة «5+5» العسكرية") == ["5+5=nil -"])
        #expect(Self.found("مسار 5 زائد 5 العسكري") == ["5 زائد 5=nil -"])
    }

    @Test("a number too large for a Double keeps its text and has no value; products that overflow too")
    func tooLarge() {
        let huge = String(repeating: "9", count: 400)
        #expect(Self.found("الرقم \(huge) كبير") == ["\(huge)=nil -"])
        #expect(NumberRecognizer.parseDigits(huge) == nil)
        let big = "1" + String(repeating: "0", count: 300)
        #expect(Self.found("نحو \(big) تريليون دولار") == ["\(big) تريليون دولار=nil USD"])
    }

    @Test("numbers inside dates are left to the dates (extractor)")
    func skipDates() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let document = ExtractionFixtures.document(
            "في 10 أغسطس 2015 قتل 5 أشخاص.", published: "2015-08-11", extractor: extractor)
        #expect(document.numbers.map(\.text) == ["5"])
        #expect(document.dates.map(\.text) == ["10 أغسطس 2015"])
    }
}
