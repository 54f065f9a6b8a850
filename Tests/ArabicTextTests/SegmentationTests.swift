// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

@Suite("Paragraph and sentence segmentation")
struct SegmentationTests {
    typealias T = TextTestSupport

    /// Sentence boundaries of samples/libya-ceasefire-ar.txt, checked by hand against the text:
    /// every end is just after a `.`; the paragraph ends are at the line ends.
    static let sampleSentences: [ScalarRange] = [
        .init(start: 0, end: 208),  // أعلن الناطق ... حكومة الوفاق.
        .init(start: 209, end: 360),  // وأكد المسماري ... للجنة «5+5» ... بوقف إطلاق النار.
        .init(start: 361, end: 592),  // وقال إن إعلان ... في لجنة «5+5» ... أعمالها المرتقبة.
        .init(start: 593, end: 1246),  // وجاء بيان ... (" ، " six times, no split) ... الحل السياسي.
        .init(start: 1247, end: 1366),  // وقال الناطق ... بشأن الأزمة الليبية .
        .init(start: 1366, end: 1571),  // وفي الأثناء ، ... والعسكريين الأتراك.
        .init(start: 1571, end: 1761),  // وتمحورت زيارة ... الأطراف الليبية 5+5.
        .init(start: 1762, end: 2042),  // وجدد المشير ... لحدودها الغربية.
        .init(start: 2042, end: 2345),  // ويرى المراقبون ... فوراَ ،مشيرا ... بشكل فوري.
        .init(start: 2345, end: 2406),  // ودعا الدبلوماسي ... في الحوار.
        .init(start: 2407, end: 2608),  // بينما شارك ... “الفيديو كونفرانس”، ... وإيطاليا.
        .init(start: 2609, end: 2909),  // وصرح المُتحدث ... “كورونا”، ... آمنة جديدة.
        .init(start: 2909, end: 3204),  // وأوضح “حافظ” ... للدولتيّن.
        .init(start: 3205, end: 3466),  // كما أكد ترحيب ... سياسية مستدامة.
        .init(start: 3467, end: 3707),  // كما استعرض ... من سوريا إلى ليبيا.
        .init(start: 3707, end: 4067),  // وفي هذا السياق، ... في هذا الصدد.
        .init(start: 4068, end: 4197),  // وبدورها أكدت ... في ليبيا.
        .init(start: 4197, end: 4337),  // وعبّرت، زاخاروفا، ... المنطقة الغربية.
        .init(start: 4337, end: 4671),  // وتابعت زاخاروفا ... “جبهة النصرة” ... “هيئة تحرير الشام”، ... المسلحة.
        .init(start: 4672, end: 4873),  // وكان الرئيس التركي ... من توافقات.
    ]

    private func sampleScalars() throws -> [Unicode.Scalar] {
        T.scalars(try ArticleDecoder.decode(try SharedData.bytes(SharedData.sample)).text)
    }

    @Test("the sample has 10 paragraphs, one per line", .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sampleParagraphs() throws {
        let s = try sampleScalars()
        let paragraphs = ParagraphSegmenter.paragraphs(in: s)
        #expect(paragraphs.count == 10)
        #expect(paragraphs.first == ScalarRange(start: 0, end: 208))
        #expect(paragraphs[1] == ScalarRange(start: 209, end: 592))
        #expect(paragraphs.last == ScalarRange(start: 4672, end: 4873))
    }

    @Test(
        "the sample splits into the 20 sentences its end marks give",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sampleSentences() throws {
        let s = try sampleScalars()
        let sentences = SentenceSegmenter.sentences(in: s)
        #expect(sentences == Self.sampleSentences)
        let texts = sentences.map { T.slice(s, $0) }
        #expect(
            texts.first?.hasPrefix("أعلن الناطق باسم قوات القيادة العامة، اللواء أحمد المسماري، اليوم الخميس،") == true)
        #expect(texts.first?.hasSuffix("في إشارة إلى قوات حكومة الوفاق.") == true)
        #expect(texts[4].hasSuffix("بشأن الأزمة الليبية ."))
        #expect(texts[5].hasPrefix("وفي الأثناء ، أعلن"))
        #expect(texts[5].hasSuffix("والعسكريين الأتراك."))
        #expect(texts[6].hasPrefix("وتمحورت زيارة حفتر"))
        #expect(texts[8].contains("فوراَ ،مشيرا الى"))
    }

    @Test("end marks close a sentence with or without a following space")
    func endMarks() {
        #expect(
            T.sentenceTexts("الأزمة الليبية .وفي الأثناء قال.وتمحورت زيارة") == [
                "الأزمة الليبية .", "وفي الأثناء قال.", "وتمحورت زيارة",
            ])
        #expect(T.sentenceTexts("هل انتهى؟ نعم! انتهى?!لا") == ["هل انتهى؟", "نعم!", "انتهى?!", "لا"])
        #expect(T.sentenceTexts("ثم ماذا... لا شيء") == ["ثم ماذا...", "لا شيء"])
    }

    @Test("، ؛ : do not end a sentence; line ends do")
    func nonEnding() {
        #expect(T.sentenceTexts("قال، ثم أضاف؛ وأوضح: لا\nسطر جديد") == ["قال، ثم أضاف؛ وأوضح: لا", "سطر جديد"])
    }

    @Test("no split inside numbers or after a list number")
    func numbers() {
        #expect(T.sentenceTexts("بلغ النمو 3.5 بالمئة. وارتفع") == ["بلغ النمو 3.5 بالمئة.", "وارتفع"])
        #expect(T.sentenceTexts("1. البند الأول") == ["1. البند الأول"])
        #expect(T.sentenceTexts("في عام 2015. ثم") == ["في عام 2015.", "ثم"])
    }

    @Test("Latin abbreviations, initials and domains do not end a sentence")
    func latinAbbreviations() {
        #expect(
            T.sentenceTexts("Dr. Smith met U.S. officials in Washington. They left.") == [
                "Dr. Smith met U.S. officials in Washington.", "They left.",
            ])
        #expect(
            T.sentenceTexts("See example.com for details, e.g. the list. Done") == [
                "See example.com for details, e.g. the list.", "Done",
            ])
        #expect(T.sentenceTexts("قال د. محمد إن أ.د. علي وصل. ثم") == ["قال د. محمد إن أ.د. علي وصل.", "ثم"])
    }

    @Test("URLs are not split")
    func urls() {
        #expect(
            T.sentenceTexts("المصدر https://www.spa.gov.sa/a.php?id=1 انتهى. ثم") == [
                "المصدر https://www.spa.gov.sa/a.php?id=1 انتهى.", "ثم",
            ])
    }

    @Test("no split inside «» or “” quotations unless the quotation ends the sentence")
    func quotations() {
        #expect(
            T.sentenceTexts("قال: «سنعود. ولن نتراجع» وأضاف أن الأمر انتهى. ثم") == [
                "قال: «سنعود. ولن نتراجع» وأضاف أن الأمر انتهى.", "ثم",
            ])
        #expect(T.sentenceTexts("قال: “لن نتراجع!” ثم غادر") == ["قال: “لن نتراجع!”", "ثم غادر"])
        #expect(T.sentenceTexts("وقال: «سنعود.» ثم غادر.") == ["وقال: «سنعود.»", "ثم غادر."])
        // Curly quotes written in either direction pair up (Arabic text often opens with ”).
        #expect(
            T.sentenceTexts("سميت بـ”ظفرة. الأولى” في المسابقة. ثم") == ["سميت بـ”ظفرة. الأولى” في المسابقة.", "ثم"])
        // An unmatched quote mark is ignored.
        #expect(T.sentenceTexts("قال « شيئا. ثم غادر.") == ["قال « شيئا.", "ثم غادر."])
    }

    @Test("ranges are trimmed of blanks and format characters, and a leading end mark starts no sentence")
    func trimming() {
        let text = "  \u{200F}أولا.   ثانيا .\n\n. ثالثا  \n"
        let s = T.scalars(text)
        let ranges = SentenceSegmenter.sentences(in: s)
        #expect(ranges.map { T.slice(s, $0) } == ["أولا.", "ثانيا .", ". ثالثا"])
        #expect(ranges.first == ScalarRange(start: 3, end: 8))
        #expect(ParagraphSegmenter.paragraphs(in: s).map { T.slice(s, $0) } == ["أولا.   ثانيا .", ". ثالثا"])
    }
}
