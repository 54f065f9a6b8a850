// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// Quotation patterns, each with hand-written expected speaker, verb, span and kind. The speaker is
/// named after the verb (`وقال الوزير …`) or before it (`… مشيرا`, `X قال:`), or is implicit.
struct QuotationTests {
    /// `verb|speaker_canonical|text|D or R` of each quotation of `text`.
    static func quotes(_ text: String) throws -> [String] {
        let extractor = try #require(ExtractionFixtures.extractor)
        let document = ExtractionFixtures.document(text, published: "2020-06-04", extractor: extractor)
        return document.quotes.map { q in
            "\(q.verb)|\(q.speakerCanonical ?? "nil")|\(q.text)|\(q.direct ? "D" : "R")"
        }
    }

    @Test("reported after إن/أن/بأن, speaker after the verb (the longest person mention of the subject)")
    func reportedAfter() throws {
        #expect(
            try Self.quotes("وقال الناطق باسم الجيش أحمد المسماري، الخميس، إن الوضع هادئ.")
                == ["وقال|أحمد المسماري|الوضع هادئ|R"])
        #expect(
            try Self.quotes("أكد محمد العتيبي أن المشروع اكتمل بنسبة كبيرة.")
                == ["أكد|محمد العتيبي|المشروع اكتمل بنسبة كبيرة|R"])
        #expect(
            try Self.quotes("وأوضحت وزارة الإسكان في بيان صحفي أنها أنهت تسويق الشقق.")
                == ["وأوضحت|وزارة الإسكان|أنهت تسويق الشقق|R"])
        #expect(
            try Self.quotes("وتابعت زاخاروفا بأن صفوف المقاتلين تضم مسلحين.")
                == ["وتابعت|زاخاروفا|صفوف المقاتلين تضم مسلحين|R"])
        #expect(
            try Self.quotes("وأشار المصدر إلى أن القوات تقدمت.") == ["وأشار|المصدر|القوات تقدمت|R"])
    }

    @Test("direct after a colon or in marks, speaker after the verb")
    func directAfter() throws {
        #expect(
            try Self.quotes("وقال أحمد الغامدي: نعمل على إعادة ترتيب السجن.")
                == ["وقال|أحمد الغامدي|نعمل على إعادة ترتيب السجن|D"])
        #expect(
            try Self.quotes("وقال محمد الشهري في مؤتمر صحفي «لا أتوقع هبوط الأسعار نظرا لنمو الطلب».")
                == ["وقال|محمد الشهري|لا أتوقع هبوط الأسعار نظرا لنمو الطلب|D"])
        #expect(
            try Self.quotes("وأضاف سعيد القحطاني لـ«الوطن»: «يجب أن يتوقف هذا الجنون».")
                == ["وأضاف|سعيد القحطاني|يجب أن يتوقف هذا الجنون|D"])
        #expect(
            try Self.quotes("قال كاتب النص صالح زمانان :\" إن اختياره لكتابة المسرحية محطة خاصة\".")
                == ["قال|صالح زمانان|إن اختياره لكتابة المسرحية محطة خاصة|D"])
    }

    @Test("a colon followed by إن is reported; a quotation opened by إن inside marks after أن is reported too")
    func colonThenInna() throws {
        #expect(
            try Self.quotes("وأضاف فهد العنزي : إن الحرمين مقصد المسلمين.")
                == ["وأضاف|فهد العنزي|الحرمين مقصد المسلمين|R"])
        #expect(
            try Self.quotes("وقال مكتب المحافظ إن «عملية واسعة أطلقت للعثور على المنفذين».")
                == ["وقال|مكتب المحافظ|عملية واسعة أطلقت للعثور على المنفذين|R"])
    }

    @Test("speaker before the verb: participles and coordinated verbs continue the clause's speaker")
    func speakerBefore() throws {
        #expect(
            try Self.quotes("وقال محمد الحربي إن المشروع بدأ، مشيرا إلى أن العمل مستمر.")
                == ["وقال|محمد الحربي|المشروع بدأ|R", "مشيرا|محمد الحربي|العمل مستمر|R"])
        #expect(
            try Self.quotes("أكدت وزارة الصحة أنها أنهت الحملة، مبينة أنه تم تطعيم الأطفال.")
                == ["أكدت|وزارة الصحة|أنهت الحملة|R", "مبينة|وزارة الصحة|تم تطعيم الأطفال|R"])
        #expect(
            try Self.quotes("وأشار خالد الدوسري إلى أن الأسعار ارتفعت، وشدد على أن الرقابة ضرورية.")
                == ["وأشار|خالد الدوسري|الأسعار ارتفعت|R", "وشدد|خالد الدوسري|الرقابة ضرورية|R"])
        #expect(
            try Self.quotes("الدكتور عبدالرحمن الهيجان عضو مجلس الشورى قال: إن الحادثة جريمة بشعة.")
                == ["قال|عبدالرحمن الهيجان|الحادثة جريمة بشعة|R"])
        #expect(
            try Self.quotes("استنكر محمد العمري الحادث، مؤكدا أن الإرهاب لا دين له.")
                == ["مؤكدا|محمد العمري|الإرهاب لا دين له|R"])
        #expect(
            try Self.quotes("ووصف أحمد الشمري اللقاء بالإيجابي، مبيناً أن هناك تقاربا في المواقف.")
                == ["مبينا|أحمد الشمري|هناك تقاربا في المواقف|R"])
    }

    @Test("more speakers before the verb: feminine and plural participles, a nominal form, a direct participle")
    func speakerBeforeForms() throws {
        #expect(
            try Self.quotes("وأعلنت هيئة الطيران أن الرحلات استؤنفت، لافتة إلى أن المطار يعمل بكامل طاقته.")
                == ["وأعلنت|هيئة الطيران|الرحلات استؤنفت|R", "لافتة|هيئة الطيران|المطار يعمل بكامل طاقته|R"])
        #expect(
            try Self.quotes("وتحدث إبراهيم المطيري عن الأزمة بقوله: إن الحل سياسي.")
                == ["بقوله|إبراهيم المطيري|الحل سياسي|R"])
        #expect(
            try Self.quotes("وقال عبدالله دحلان إننا ننقل عزاءنا، مضيفا: أي ضرر يمس الوطن يمسنا.")
                == ["وقال|عبدالله دحلان|ننقل عزاءنا|R", "مضيفا|عبدالله دحلان|أي ضرر يمس الوطن يمسنا|D"])
        #expect(
            try Self.quotes("استنكر محمد الخثعمي الحادث، مؤكدا أن الأمن مستتب، ومشيرا إلى أن التحقيق جار.")
                == ["مؤكدا|محمد الخثعمي|الأمن مستتب|R", "ومشيرا|محمد الخثعمي|التحقيق جار|R"])
    }

    @Test("implicit speakers resolve to the last speaker of the paragraph or the one before, by gender")
    func implicit() throws {
        #expect(
            try Self.quotes(
                "وقال محمد الزهراني إن الطقس حار.\nوأضاف أن الأمطار قادمة.\nوأكدت وزارة البيئة أن التحذيرات مستمرة. وأضافت أن الفرق جاهزة."
            )
                == [
                    "وقال|محمد الزهراني|الطقس حار|R", "وأضاف|محمد الزهراني|الأمطار قادمة|R",
                    "وأكدت|وزارة البيئة|التحذيرات مستمرة|R", "وأضافت|وزارة البيئة|الفرق جاهزة|R",
                ])
    }

    @Test("titles, honorifics and definite nouns resolve to the person or body named before")
    func resolution() throws {
        #expect(
            try Self.quotes(
                "شارك وزير الخارجية المصري سامح شكري في الاجتماع.\nوقال وزير الخارجية إن الوضع خطير.")
                == ["وقال|سامح شكري|الوضع خطير|R"])
        #expect(
            try Self.quotes("التقى معالي الوزير أحمد الخطيب الوفد.\nوقال معاليه إن الزيارة ناجحة.")
                == ["وقال|أحمد الخطيب|الزيارة ناجحة|R"])
        #expect(
            try Self.quotes("وقال مصدر أمني إن الهجوم فشل. وأوضح المصدر أن القوات ردت.")
                == ["وقال|مصدر أمني|الهجوم فشل|R", "وأوضح|مصدر أمني|القوات ردت|R"])
        // A first name that is also a common word (خالد) after a title of several words.
        #expect(
            try Self.quotes(
                "التقى وزير الخدمة المدنية خالد العرج بالمواطنين أمس.\nوقال وزير الخدمة المدنية إن النتائج نهائية.")
                == ["وقال|خالد العرج|النتائج نهائية|R"])
    }

    @Test("scripture quoted with an epithet of God, and a document quoted through a pronoun (قالت فيه)")
    func epithetsAndDocuments() throws {
        #expect(
            try Self.quotes("وقال تعالى: «وتعاونوا على البر والتقوى».") == ["وقال|الله|وتعاونوا على البر والتقوى|D"])
        #expect(
            try Self.quotes(
                "وقال سامح شكري إن الوضع خطير.\nوأصدرت وزارة الصحة بيانا قالت فيه إن عدد الإصابات انخفض.\nونشرت الصحيفة مقالا أشارت فيه إلى أن الأسعار ارتفعت."
            ) == [
                "وقال|سامح شكري|الوضع خطير|R", "قالت|وزارة الصحة|عدد الإصابات انخفض|R",
                "أشارت|الصحيفة|الأسعار ارتفعت|R",
            ])
    }

    @Test("organisations and countries speak as themselves")
    func organisations() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let document = ExtractionFixtures.document(
            "وأكدت وزارة الخارجية الروسية أن الوضع متوتر.", published: "2020-06-04", extractor: extractor)
        #expect(document.quotes.map(\.speakerType) == ["ORGANIZATION"])
        let country = ExtractionFixtures.document(
            "نددت الولايات المتحدة بالحادث ووصفته بأنه \"هجوم إرهابي وحشي\".", published: "2020-06-04",
            extractor: extractor)
        #expect(
            country.quotes.map {
                "\($0.verb)|\($0.speakerCanonical ?? "nil")|\($0.speakerType ?? "nil")|\($0.text)|\($0.direct)"
            }
                == ["ووصفته|الولايات المتحدة|LOCATION|هجوم إرهابي وحشي|true"])
    }

    @Test("not quotations: noun complements, particles of the infinitive, impersonal يذكر، a verb without complement")
    func notQuotations() throws {
        #expect(try Self.quotes("وأكد محمد الحربي على أهمية التعاون بين البلدين.").isEmpty)
        #expect(try Self.quotes("وأفاد شهود عيان بمقتل ثلاثة مسلحين.").isEmpty)
        #expect(try Self.quotes("وقال الوزير بعد أن زار المدينة.").isEmpty)
        #expect(try Self.quotes("يذكر أن المشروع بدأ العام الماضي.").isEmpty)
        #expect(try Self.quotes("وكانت الحكومة قد أعلنت خطة جديدة.").isEmpty)
    }

    @Test("a quotation in marks runs to its closing mark across sentences; a nested verb stays inside it")
    func marksAndNesting() throws {
        #expect(
            try Self.quotes("وقال أحمد الفيفي: «هذه فوضى شاملة. لا أحد يعرف ماذا يحدث». وغادر القاعة.")
                == ["وقال|أحمد الفيفي|هذه فوضى شاملة. لا أحد يعرف ماذا يحدث|D"])
        #expect(
            try Self.quotes("و أكد الزوج أنه تلقى برسالة أكد من خلالها الموظف أنه سينقلها.")
                .count == 1)
    }

    @Test("a statement that opens reported words is a quotation of its own (صرح … بأن وزير الخارجية أكد أنه)")
    func nested() throws {
        let found = try Self.quotes(
            "شارك وزير الخارجية سامح شكري في الاجتماع.\nوصرح المتحدث أحمد حافظ بأن وزير الخارجية أكد خلال كلمته أنه يجب ضمان الأمن."
        )
        #expect(found.contains("أكد|سامح شكري|يجب ضمان الأمن|R"))
        #expect(found.first?.hasPrefix("وصرح|أحمد حافظ|") == true)
    }
}
