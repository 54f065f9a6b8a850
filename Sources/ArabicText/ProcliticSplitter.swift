// SPDX-License-Identifier: GPL-2.0-or-later

/// Splits the Arabic proclitics و ف (conjunctions), ب ك ل (prepositions) and ال (the article) off
/// the front of a word, conservatively, without a lexicon.
///
/// Input is the word's letters after presentation-form, tashkeel and tatweel normalisation but
/// with hamza on alef kept (the article is always written with bare alef ا, so `إلغاء`, `ألمانيا`
/// are never split). Grammar: `[و|ف]? ([ب|ك] ال | لل | ال)?` + base. Rules, each keeping at least
/// two letters of base:
/// - the article (alone or after ب ك ل) is split when at least two letters follow it and the word
///   is not one of the few words whose `ال` is not the article (`الى`, `الذي`, `الله`, `الف`, ...);
/// - ب ك ل are split only in front of the article (`بالعاصمة`, `للعاصمة`) or of one of those
///   ال-words (`بالله` = ب + الله, `لليبيا` = ل + ليبيا); a bare preposition
///   cannot be told from a word's first letter without a lexicon (`بريطانيا`, `لبنان`);
/// - و ف are split when the rest is at least two letters and neither the word, nor its light
///   stem, nor the word without a final tanween alef is in a list of frequent words that start
///   with و or ف (`وزير`, `وقت`, `فرنسا`, `فقط`, ...).
///
/// `لل` at the front (after و or ف, if any) follows the spelling rule for لِ before the article:
/// the article's alef is dropped (لِ + العاصمة is written للعاصمة), and when the word itself
/// begins with ل the article's lam is dropped too, surviving only as the shadda on the word's lam
/// (لِ + اللجنة is written لِلَّجنة, usually without marks: للجنة; likewise لليل, للاعبين). So
/// `لل` + X is one of:
/// 1. ل + a word beginning with ل, without the article, for the listed proper nouns
///    (`لليبيا` = ل + ليبيا, `للبنان`, `للندن`, `لله`): proclitics `["ل"]`, one letter taken;
/// 2. ل + ال + لX, when لX (the word without the preposition), its light stem, or it without a
///    final tanween alef is a listed noun or adjective that begins with ل (`لجنة`, `لجان`,
///    `لاعب`, `لغة`, `لقاء`, `ليل`, `لبناني`, `ليبي`, `لاذقية`, ...) and X does not begin with
///    a hamza on alef (`للأزمة` is ل + ال + أزمة): proclitics `["ل", "ال"]`, one letter taken,
///    so `للجنة` has the base `لجنة`;
/// 3. ل + ال + X otherwise (`للعاصمة`, `للغاية`): proclitics `["ل", "ال"]`, two letters taken.
///
/// The letters alone cannot tell case 2 from case 3 (`للجنة` could be read ل + ال + جنة,
/// "for paradise"), so case 2 rests on the list: a lam-initial noun that is not listed loses
/// its first letter (`للوبي` gives the base `وبي`), and a rare reading the list overrides is
/// misanalysed. Fully vowelled text would tell them apart (the shadda is on the word's lam in
/// case 2, on X's first letter or absent in case 3), but this analysis sees letters only.
enum ProcliticSplitter {
    static let waw: UInt32 = 0x0648
    static let fa: UInt32 = 0x0641
    static let ba: UInt32 = 0x0628
    static let kaf: UInt32 = 0x0643
    static let lam: UInt32 = 0x0644
    static let alef: UInt32 = 0x0627

    // Shared proclitic arrays (no allocation per token).
    static let none: [String] = []
    private static let cliticTable: [[String]] = {
        // index: conj (0 none, 1 و, 2 ف) * 8 + rest (0 none, 1 ال, 2 ب ال, 3 ك ال, 4 ل ال, 5 ب, 6 ك, 7 ل)
        let rests: [[String]] = [[], ["ال"], ["ب", "ال"], ["ك", "ال"], ["ل", "ال"], ["ب"], ["ك"], ["ل"]]
        var t = [[String]]()
        for conj in [[], ["و"], ["ف"]] as [[String]] {
            for rest in rests { t.append(conj + rest) }
        }
        return t
    }()

    /// The proclitics (canonical strings) and how many leading letters they take.
    static func split(_ w: UnsafeBufferPointer<UInt32>) -> (proclitics: [String], letters: Int) {
        let n = w.count
        guard n >= 3 else { return (none, 0) }
        var conj = 0
        var pos = 0
        if (w[0] == waw || w[0] == fa) && n - 1 >= 2 && !isConjunctionException(w) {
            conj = w[0] == waw ? 1 : 2
            pos = 1
        }
        let r = UnsafeBufferPointer(rebasing: w[pos...])
        let rn = r.count
        var rest = 0
        if rn >= 4 && r[0] == alef && r[1] == lam && !articleExceptions.contains(key(r)) {
            rest = 1
            pos += 2
        } else if rn >= 5 && (r[0] == ba || r[0] == kaf) && r[1] == alef && r[2] == lam {
            if articleExceptions.contains(key(UnsafeBufferPointer(rebasing: r[1...]))) {
                rest = r[0] == ba ? 5 : 6  // بالله, بالذي: the preposition only
                pos += 1
            } else {
                rest = r[0] == ba ? 2 : 3
                pos += 3
            }
        } else if rn >= 3 && r[0] == lam && r[1] == lam && lamLamExceptions.contains(key(r)) {
            rest = 7  // لليبيا: ل + ليبيا
            pos += 1
        } else if rn >= 4 && r[0] == lam && r[1] == lam {
            rest = 4
            let hamzaAlef = r[2] == 0x0622 || r[2] == 0x0623 || r[2] == 0x0625
            // للجنة: ل + ال + لجنة (the article's lam is not written), else للعاصمة: ل + ال + عاصمة.
            pos += !hamzaAlef && isListed(UnsafeBufferPointer(rebasing: r[1...]), in: lamInitialWords) ? 1 : 2
        }
        return (cliticTable[conj * 8 + rest], pos)
    }

    /// The proclitics of a word given as an array of letters (see `split(_:)` on a buffer).
    static func split(_ w: [UInt32]) -> (proclitics: [String], letters: Int) {
        w.withUnsafeBufferPointer { split($0) }
    }

    /// True when the word, its light stem, or the word without a final alef (tanween alef) is a
    /// listed word that starts with و or ف.
    static func isConjunctionException(_ w: UnsafeBufferPointer<UInt32>) -> Bool {
        isListed(w, in: conjunctionExceptions)
    }

    /// True when the key of the word `w`, of its light stem, or of `w` without a final alef
    /// (tanween alef) is in `list`.
    static func isListed(_ w: UnsafeBufferPointer<UInt32>, in list: WordKeySet) -> Bool {
        let k = key(w)
        if k == 0 { return false }
        if list.contains(k) { return true }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: w.count) { buffer in
            for (i, v) in w.enumerated() { buffer.initializeElement(at: i, to: fold(v)) }
            let folded = UnsafeBufferPointer(buffer)
            let stem = ArabicLightStemmer.stemRange(folded)
            if stem.count < folded.count && list.contains(key(UnsafeBufferPointer(rebasing: folded[stem]))) {
                return true
            }
            if folded.count > 3 && folded[folded.count - 1] == alef {
                return list.contains(key(UnsafeBufferPointer(rebasing: folded.dropLast())))
            }
            return false
        }
    }

    /// A 64-bit key of a word of at most 10 letters of U+0621–U+064A after folding the alef
    /// variants, alef maqsura and ta marbuta (6 bits per letter); 0 for any other word. Keys
    /// avoid hashing `String`s (Unicode-normalising comparisons) on the tokenizer's hot path.
    @inline(__always)
    static func key<C: Collection<UInt32>>(_ letters: C) -> UInt64 {
        guard letters.count <= 10 else { return 0 }
        var k: UInt64 = 0
        for v in letters {
            let f = fold(v)
            guard f >= 0x0621 && f <= 0x064A else { return 0 }
            k = k << 6 | UInt64(f - 0x0620)
        }
        return k
    }

    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x0622, 0x0623, 0x0625, 0x0671: return 0x0627
        case 0x0649: return 0x064A
        case 0x0629: return 0x0647
        default: return v
        }
    }

    private static func keys(_ words: String) -> WordKeySet {
        WordKeySet(words.split(separator: " ").map { key($0.unicodeScalars.map(\.value)) })
    }

    /// Words starting with ال whose ال is not the article (also when written without hamza).
    static let articleExceptions: WordKeySet = keys(
        """
        الى الا الي اليه اليها اليهم اليهما اليهن اليك اليكم اليكما الينا الله اللهم اله الهه الذي التي الذين \
        اللذين اللذان اللتان اللتين اللاتي اللواتي اللائي الان الف الفا الفان الفين الاف الية اليات الة الات الم \
        الام المانيا الماني المانية البانيا الغاء الزام الحاق الفاظ الوان الو الاسكا
        """)

    /// Words starting with لل that are ل + a word starting with ل (no article).
    static let lamLamExceptions: WordKeySet = keys("لليبيا للبنان للندن لله للهم")

    /// Nouns and adjectives that begin with ل and take the article (so ل + ال + word is written
    /// with one lam less: للجنة). Frequent news words, with the inflected forms that their light
    /// stem does not reach. Left out where the other reading is as likely in news: `لقمة` (للقمة
    /// is mostly ل + ال + قمة, "for the summit"), `لطيف` (الطيف, "the spectrum"), `لوحي` (الوحي),
    /// `لازمة` (للازمة is often للأزمة with its hamza dropped).
    static let lamInitialWords: WordKeySet = keys(
        """
        لجنة لجان لجنتين لاعب لعب لعبة لغة لغات لغوي لغوية لقاء لقاءات لواء لبناني لبنانية لبنانيين \
        لبنانيون ليبي ليبية ليبيين ليبيون ليل ليلة ليالي ليلي ليلية لحظة لحظات لاجئ لاجئين لاجئون \
        لاجئة لون لائحة لوائح لجوء لحم لحوم لاحق لاحقة لياقة لقاح لقاحات لصوص لحاق لاسلكي لاسلكية \
        لاذقية لاتيني لاتينية لوجستي لوجستية لوم لوحة لوحات لقطة لقطات لفظ لفظي لقب لهجة ليزر لسان \
        لندني لندنية
        """)

    /// Frequent words whose first letter و or ف belongs to the word.
    static let conjunctionExceptions: WordKeySet = keys(
        """
        وزير وزيرة وزراء وزارة وزارات وزاري وزارية وقت وقتا اوقات وضع وضعت وضعه اوضاع وطن وطني وطنية وطنيا \
        وفد وفود وفاة وفيات وجه وجهة وجهات وجود وحدة وحدات ولاية ولايات ولي وليد وليد وكالة وكالات واشنطن ورقة \
        اوراق وسط وسطى وسائل وسيلة وصول وفق وفقا وقف وقع وقائع واقع واقعة واقعي واضح واضحة واضحا واجب واجبات \
        وارد واردات وافق وافقت وصف وصل وصلت وعد وعود وعي وثيقة وثائق وظيفة وظائف ورشة وادي والي ولد ولدت \
        وزن وحيد وحدها وحده وائل وفاء وجدي ورد وردت وراء وسام وليمة ودي ودية وقود وقاية وكيل وكلاء ولادة \
        فرنسا فرنسي فرنسية فريق فرق فترة فترات فرص فرصة فلسطين فلسطيني فلسطينية فلسطينيين فيلم افلام فكرة \
        فصل فصول فوز فاز فقط في فيه فيها فيهم فيما فوق فعل فعلا فعالية فعاليات فئة فئات فرع فروع فرد فريد فهد \
        فيصل فاطمة فندق فنادق فني فنية فن فنون فحص فتح فتاة فتيات فساد فشل فضل فضلا فقر فقراء فكر فائز فائدة \
        فوائد فيروس فيديو فرض فصيل فصائل فرحة فريضة فنزويلا فنلندا فيتنام فلاح فورا فوري فورية فوضى فارس فالح \
        فواز فهمي فيفا فلوريدا فرانسوا فرانك فيلق
        """)
}
