/// Splits the Arabic proclitics و ف (conjunctions), ب ك ل (prepositions) and ال (the article) off
/// the front of a word, conservatively, without a lexicon.
///
/// Input is the word's letters after presentation-form, tashkeel and tatweel normalisation but
/// with hamza on alef kept (the article is always written with bare alef ا, so `إلغاء`, `ألمانيا`
/// are never split). Grammar: `[و|ف]? ([ب|ك] ال | لل | ال)?` + base, where `لل` is ل + ال with
/// the article's alef dropped. Rules, each keeping at least two letters of base:
/// - the article (alone or after ب ك ل) is split when at least two letters follow it and the word
///   is not one of the few words whose `ال` is not the article (`الى`, `الذي`, `الله`, `الف`, ...);
/// - ب ك ل are split only in front of the article (`بالعاصمة`, `للعاصمة`) or of one of those
///   ال-words (`بالله` = ب + الله, `لليبيا` = ل + ليبيا); a bare preposition
///   cannot be told from a word's first letter without a lexicon (`بريطانيا`, `لبنان`);
/// - و ف are split when the rest is at least two letters and neither the word, nor its light
///   stem, nor the word without a final tanween alef is in a list of frequent words that start
///   with و or ف (`وزير`, `وقت`, `فرنسا`, `فقط`, ...).
enum ProcliticSplitter {
    static let waw: UInt32 = 0x0648
    static let fa: UInt32 = 0x0641
    static let ba: UInt32 = 0x0628
    static let kaf: UInt32 = 0x0643
    static let lam: UInt32 = 0x0644
    static let alef: UInt32 = 0x0627

    /// The proclitics (canonical strings) and how many leading letters they take.
    static func split(_ w: [UInt32]) -> (proclitics: [String], letters: Int) {
        let n = w.count
        guard n >= 3 else { return ([], 0) }
        var clitics = [String]()
        var pos = 0
        if (w[0] == waw || w[0] == fa) && n - 1 >= 2 && !isConjunctionException(w) {
            clitics.append(w[0] == waw ? "و" : "ف")
            pos = 1
        }
        let r = w[pos...]
        let rn = r.count
        let r0 = r.startIndex
        if rn >= 4 && r[r0] == alef && r[r0 + 1] == lam && !articleExceptions.contains(lexical(r)) {
            clitics.append("ال")
            pos += 2
        } else if rn >= 5 && (r[r0] == ba || r[r0] == kaf) && r[r0 + 1] == alef && r[r0 + 2] == lam {
            clitics.append(r[r0] == ba ? "ب" : "ك")
            if articleExceptions.contains(lexical(r.dropFirst())) {
                pos += 1  // بالله, بالذي: the preposition only
            } else {
                clitics.append("ال")
                pos += 3
            }
        } else if rn >= 4 && r[r0] == lam && r[r0 + 1] == lam && !lamLamExceptions.contains(lexical(r)) {
            clitics.append("ل")
            clitics.append("ال")
            pos += 2
        } else if rn >= 3 && r[r0] == lam && r[r0 + 1] == lam && lamLamExceptions.contains(lexical(r)) {
            clitics.append("ل")
            pos += 1
        }
        return (clitics, pos)
    }

    /// True when the word, its light stem, or the word without a final alef (tanween alef) is a
    /// listed word that starts with و or ف.
    static func isConjunctionException(_ w: [UInt32]) -> Bool {
        let folded = w.map(fold)
        if conjunctionExceptions.contains(ScalarText.string(folded)) { return true }
        let stem = ArabicLightStemmer.stemRange(folded)
        if stem.count < folded.count && conjunctionExceptions.contains(ScalarText.string(folded[stem])) {
            return true
        }
        if folded.count > 3 && folded.last == alef {
            return conjunctionExceptions.contains(ScalarText.string(folded.dropLast()))
        }
        return false
    }

    /// `letters` with the alef variants, alef maqsura and ta marbuta folded, as a String key.
    static func lexical(_ letters: ArraySlice<UInt32>) -> String {
        ScalarText.string(letters.lazy.map(fold))
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

    private static func keys(_ words: String) -> Set<String> {
        Set(words.split(separator: " ").map { lexical(ArraySlice($0.unicodeScalars.map(\.value))) })
    }

    /// Words starting with ال whose ال is not the article (also when written without hamza).
    static let articleExceptions: Set<String> = keys(
        """
        الى الا الي اليه اليها اليهم اليهما اليهن اليك اليكم اليكما الينا الله اللهم اله الهه الذي التي الذين \
        اللذين اللذان اللتان اللتين اللاتي اللواتي اللائي الان الف الفا الفان الفين الاف الية اليات الة الات الم \
        الام المانيا الماني المانية البانيا الغاء الزام الحاق الفاظ الوان الو الاسكا
        """)

    /// Words starting with لل that are ل + a word starting with ل (no article).
    static let lamLamExceptions: Set<String> = keys("لليبيا للبنان للندن لله للهم")

    /// Frequent words whose first letter و or ف belongs to the word.
    static let conjunctionExceptions: Set<String> = keys(
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
