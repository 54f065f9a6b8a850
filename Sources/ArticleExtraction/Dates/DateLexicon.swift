// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The words of Arabic date and time expressions, looked up by a token's normalised base form
/// (proclitics removed; see `Token.base`). Written by hand for this project from news usage; every
/// entry goes through the tokenizer's normaliser when the lexicon is built, so spelling variants
/// that normalise alike (أغسطس/اغسطس, الأولى/الاولي) need one entry.
///
/// Month names: the Egyptian/Gulf set (يناير…ديسمبر, with يونيه/يوليه), the Levantine and Iraqi set
/// (كانون الثاني…كانون الأول), the Maghreb sets (جانفي…ديسمبر; Moroccan يوليوز، غشت، شتنبر، نونبر،
/// دجنبر), and the Hijri months (محرم…ذو الحجة). Two-word names start with a head word
/// (``Entry/monthHead``) completed by the next token.
public struct DateLexicon: Sendable {
    /// What a word can be in a date expression; a word can have several roles (الثاني is an
    /// ordinal day and the second word of كانون الثاني).
    public struct Entry: Sendable {
        /// A Gregorian month 1...12, and whether the word has an everyday sense (مارس "practised",
        /// آب "father") so that it needs a day, a year or a deictic word next to it.
        public var gregorianMonth: (month: Int, ambiguous: Bool)?
        /// A Hijri month 1...12, and whether the word is also a name (رجب، رمضان، شعبان) or a
        /// number (صفر "zero").
        public var hijriMonth: (month: Int, ambiguous: Bool)?
        /// The first word of a two-word month name (كانون، تشرين، ربيع، جمادى، ذو، ذي).
        public var monthHead: Bool = false
        /// The second word of a two-word month name: `الأول` 1, `الثاني`/`الآخر`/`الآخرة` 2.
        public var monthTail: Int?
        /// ISO weekday 1 (Monday) ... 7 (Sunday); only with the article (الخميس).
        public var weekday: Int?
        /// A day relative to the publication date: أمس -1, غدا +1, اليوم 0 (with the article).
        public var dayOffset: Int?
        /// A unit of time and its number: يوم/أيام/يومين, أسبوع, شهر, عام/سنة, and the vague فترة.
        public var unit: (unit: DateUnit, count: UnitCount)?
        /// A deictic or anaphoric adjective: الماضي، المقبل، الجاري، السابق...
        public var direction: DateDirection?
        /// The direction adjective is in the dual (الماضيين): the period is vague.
        public var dualDirection: Bool = false
        /// A calendar marker after a year: م، ميلادي (Gregorian), هـ، هجري (Hijri).
        public var marker: DateCalendar?
        /// An ordinal 1...31 (الأول … الحادي والثلاثين's first word), for `الثاني من فبراير`.
        public var ordinal: Int?
        /// A cardinal 1...10 (ثلاثة، خمس), for `قبل ثلاثة أيام`.
        public var cardinal: Int?
        /// A vague time adverb: مؤخرا، حاليا، سابقا، مستقبلا، الآن.
        public var vagueAdverb: Bool = false
        /// A word that gives a year alone a date context before it (عام، سنة).
        public var yearNoun: Bool = false
        /// A part of the day (صباحا، مساء، ظهرا...) and the hours it adds to a 12-hour clock
        /// time (0 for the morning, 12 for the evening); `nil` hours for words that only frame a
        /// day (صباح أمس).
        public var partOfDay: PartOfDay?
        /// An hour as an ordinal word (العاشرة = 10), for clock times.
        public var hourWord: Int?
    }

    /// A part of the day and how a 12-hour clock time within it maps to 24 hours.
    public enum PartOfDay: Sendable, Equatable {
        /// فجرا، صباحا، ص: hours as written (12 is midnight).
        case morning
        /// ظهرا: 12 stays 12, 1...5 are afternoon hours.
        case noon
        /// عصرا، مساء، م، ليلا: 1...11 gain 12; ليلا 12 is midnight.
        case evening
        case night
    }

    /// Index into ``entryList`` of each word's entry (an index keeps per-token facts small).
    private let entries: [TermKey: Int32]
    private let entryList: [Entry]
    /// Second words of two-word month names, keyed by head and tail: كانون + الثاني → (1, gregorian).
    private let twoWordMonths: [String: (month: Int, calendar: DateCalendar)]
    /// Time-zone names after `بتوقيت`, normalised, with their UTC offset in minutes.
    let timeZones: [String: Int]
    /// Holidays that name one day: (Hijri month, day) or (Gregorian month, day), by their normalised
    /// two-word name.
    let holidays: [String: (calendar: DateCalendar, month: Int, day: Int)]
    /// The first words of ``holidays``' names: a token that is none of them starts no holiday, and
    /// the two-word key is not built.
    let holidayFirstWords: Set<TermKey>
    /// Words before `منذ N unit` that make it a point in time (a start), not a duration.
    let startWords: Set<String>
    let normalizer: ArabicNormalizer

    /// The lexicon, normalised with `normalizer` (the tokenizer's).
    public init(normalizer: ArabicNormalizer = .init()) {
        self.normalizer = normalizer
        var entries: [TermKey: Entry] = [:]
        func add(_ words: String, _ update: (inout Entry) -> Void) {
            for word in words.split(separator: " ") {
                let key = TermKey(normalizer.normalize(String(word)))
                update(&entries[key, default: Entry()])
            }
        }
        let gregorian: [(String, Int)] = [
            ("يناير جانفي كانون_الثاني", 1), ("فبراير فيفري شباط فبرير", 2), ("مارس آذار اذار", 3),
            ("أبريل إبريل ابريل أفريل نيسان", 4), ("مايو ماي أيار", 5), ("يونيو يونيه جوان حزيران", 6),
            ("يوليو يوليه جويلية جويلة يوليوز تموز", 7), ("أغسطس اغسطس اوت أوت آب غشت", 8),
            ("سبتمبر أيلول شتنبر", 9), ("أكتوبر اكتوبر تشرين_الأول", 10), ("نوفمبر نونبر تشرين_الثاني", 11),
            ("ديسمبر دجنبر كانون_الأول", 12),
        ]
        let ambiguousMonths: Set<String> = ["مارس", "ماي", "آب", "اوت", "أوت"].reduce(into: []) {
            $0.insert(normalizer.normalize($1))
        }
        var twoWord: [String: (Int, DateCalendar)] = [:]
        for (words, month) in gregorian {
            for word in words.split(separator: " ") {
                if word.contains("_") {
                    let parts = word.split(separator: "_").map { normalizer.normalize(String($0)) }
                    twoWord[parts[0] + " " + ArabicDateText.withoutArticle(parts[1])] = (month, .gregorian)
                    continue
                }
                let key = normalizer.normalize(String(word))
                entries[TermKey(key), default: Entry()].gregorianMonth = (month, ambiguousMonths.contains(key))
            }
        }
        let hijri: [(String, Int, Bool)] = [
            ("محرم", 1, true), ("صفر", 2, true), ("ربيع_الأول", 3, false), ("ربيع_الثاني ربيع_الآخر", 4, false),
            ("جمادى_الأولى جمادى_الأول", 5, false), ("جمادى_الآخرة جمادى_الثانية جمادى_الآخر", 6, false),
            ("رجب", 7, true), ("شعبان", 8, true), ("رمضان", 9, true), ("شوال", 10, false),
            ("ذو_القعدة ذي_القعدة", 11, false), ("ذو_الحجة ذي_الحجة", 12, false),
        ]
        for (words, month, ambiguous) in hijri {
            for word in words.split(separator: " ") {
                if word.contains("_") {
                    let parts = word.split(separator: "_").map { normalizer.normalize(String($0)) }
                    twoWord[parts[0] + " " + ArabicDateText.withoutArticle(parts[1])] = (month, .hijri)
                    continue
                }
                entries[TermKey(normalizer.normalize(String(word))), default: Entry()].hijriMonth = (month, ambiguous)
            }
        }
        add("كانون تشرين ربيع جمادى ذو ذي") { $0.monthHead = true }
        let weekdays = ["اثنين إثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة", "سبت", "أحد"]
        for (index, words) in weekdays.enumerated() { add(words) { $0.weekday = index + 1 } }
        add("أمس امس بارحة") { $0.dayOffset = -1 }
        add("غدا غد") { $0.dayOffset = 1 }
        add("يوم") { $0.dayOffset = 0 }  // اليوم, with the article only (checked by the recogniser)
        add("يوم") { $0.unit = (.day, .one) }
        add("يوما") { $0.unit = (.day, .one) }
        add("أيام ايام") { $0.unit = (.day, .plural) }
        add("يومين يومان") { $0.unit = (.day, .two) }
        add("أسبوع اسبوع") { $0.unit = (.week, .one) }
        add("أسابيع") { $0.unit = (.week, .plural) }
        add("أسبوعين أسبوعان") { $0.unit = (.week, .two) }
        add("شهر") { $0.unit = (.month, .one) }
        add("أشهر شهور") { $0.unit = (.month, .plural) }
        add("شهرين شهران") { $0.unit = (.month, .two) }
        add("عام سنة") { $0.unit = (.year, .one) }
        add("أعوام سنوات سنين سنون") { $0.unit = (.year, .plural) }
        add("عامين عامان سنتين سنتان") { $0.unit = (.year, .two) }
        add("عقود") { $0.unit = (.decade, .plural) }
        add("فترة مرحلة آونة") { $0.unit = (.period, .one) }
        add("عام سنة") { $0.yearNoun = true }
        add("ماضي ماضية منصرم منصرمة فائت فائتة منقضي منقضية") { $0.direction = .past }
        add("أخير أخيرة") { $0.direction = .last }
        add("مقبل مقبلة قادم قادمة") { $0.direction = .next }
        add("جاري جارية حالي حالية راهن راهنة") { $0.direction = .current }
        add("سابق سابقة") { $0.direction = .previous }
        add("مقابل") { $0.direction = .corresponding }
        add("ماضيين ماضيتين أخيرين أخيرتين مقبلين مقبلتين قادمين قادمتين منصرمين") { $0.dualDirection = true }
        add("م ميلادي ميلادية") { $0.marker = .gregorian }
        add("ه هـ هجري هجرية") { $0.marker = .hijri }
        let ordinals = [
            "أول أولى", "ثاني ثانية", "ثالث ثالثة", "رابع رابعة", "خامس خامسة", "سادس سادسة", "سابع سابعة",
            "ثامن ثامنة", "تاسع تاسعة", "عاشر عاشرة", "حادي حادية",
        ]
        for (index, words) in ordinals.enumerated() { add(words) { $0.ordinal = index + 1 } }
        add("عشرين") { $0.ordinal = 20 }
        add("ثلاثين") { $0.ordinal = 30 }
        add("أول") { $0.monthTail = 1 }
        add("ثاني ثانية آخر آخرة أخر") { $0.monthTail = 2 }
        add("أولى") { $0.monthTail = 1 }
        let cardinals = [
            "واحد واحدة", "اثنين اثنان اثنتين", "ثلاثة ثلاث", "أربعة أربع", "خمسة خمس", "ستة ست", "سبعة سبع",
            "ثمانية ثماني ثمان", "تسعة تسع", "عشرة عشر",
        ]
        for (index, words) in cardinals.enumerated() { add(words) { $0.cardinal = index + 1 } }
        add("مؤخرا حاليا سابقا مستقبلا الآن") { $0.vagueAdverb = true }  // للآن: ل + ال + ان, see DateScan.vague
        add("فجرا صباحا صباح ص") { $0.partOfDay = .morning }
        add("ظهرا ظهر") { $0.partOfDay = .noon }
        add("عصرا عصر مساء مساءا م") { $0.partOfDay = .evening }
        add("ليلا ليل") { $0.partOfDay = .night }
        let hours = [
            "واحدة", "ثانية", "ثالثة", "رابعة", "خامسة", "سادسة", "سابعة", "ثامنة", "تاسعة", "عاشرة", "حادية",
        ]
        for (index, word) in hours.enumerated() { add(word) { $0.hourWord = index + 1 } }
        var entryList: [Entry] = []
        self.entries = entries.mapValues { entry in
            entryList.append(entry)
            return Int32(entryList.count - 1)
        }
        self.entryList = entryList
        self.twoWordMonths = twoWord.mapValues { (month: $0.0, calendar: $0.1) }

        var zones: [String: Int] = [:]
        let zoneList: [(String, Int)] = [
            ("غرينتش جرينتش غرينيتش غرينيش جرينيتش", 0), ("مكة الرياض السعودية جدة", 180),
            ("بغداد الكويت الدوحة قطر البحرين المنامة", 180), ("القاهرة مصر", 120), ("الإمارات أبوظبي دبي", 240),
        ]
        for (words, minutes) in zoneList {
            for word in words.split(separator: " ") { zones[normalizer.normalize(String(word))] = minutes }
        }
        timeZones = zones
        var holidays: [String: (DateCalendar, Int, Int)] = [:]
        for (name, calendar, month, day) in [
            ("عيد الفطر", DateCalendar.hijri, 10, 1), ("عيد الأضحى", .hijri, 12, 10), ("يوم عرفة", .hijri, 12, 9),
            ("عيد الاضحى", .hijri, 12, 10), ("اليوم الوطني", .gregorian, 9, 23),
        ] {
            holidays[normalizer.normalize(name)] = (calendar, month, day)
        }
        self.holidays = holidays.mapValues { (calendar: $0.0, month: $0.1, day: $0.2) }
        holidayFirstWords = Set(holidays.keys.map { TermKey(String($0.prefix { $0 != " " })) })
        startWords = Set(
            """
            انطلاق انطلقت انطلق بدأ بدأت بدء بداية دشن دشنت تدشين أطلق أطلقت إطلاق اندلع اندلعت اندلاع افتتح \
            افتتحت افتتاح وصل وصلت وصول تأسيس تأسست أسس انطلاقة
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { normalizer.normalize(String($0)) })
    }

    /// The entry of a normalised base form, or `nil`.
    @inline(__always)
    public func entry(_ base: String) -> Entry? { entryIndex(base).map(entry(at:)) }

    /// The index of the entry of the normalised base form `base` (for ``entry(at:)``), if any.
    func entryIndex(_ base: String) -> Int32? { entries[TermKey(base)] }

    /// The entry at `index`, from ``entryIndex(_:)``.
    func entry(at index: Int32) -> Entry { entryList[Int(index)] }

    /// The month named by the head word `head` and the normalised tail `tail` (with or without
    /// its article): كانون + الثاني → January.
    public func twoWordMonth(head: String, tail: String) -> (month: Int, calendar: DateCalendar)? {
        twoWordMonths[head + " " + ArabicDateText.withoutArticle(tail)]
    }
}
