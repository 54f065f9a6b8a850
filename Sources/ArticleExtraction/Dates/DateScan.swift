// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// One run of ``DateRecognizer`` over one text: the token facts, the publication day, the time
/// under discussion (for anaphoric expressions) and the expressions found so far. The patterns
/// are documented on ``DateRecognizer``.
struct DateScan {
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let lexicon: DateLexicon
    let reference: CalendarDay?
    let facts: [DateTokenFacts]
    /// For each token, whether an expression can start there: a word of the lexicon or of
    /// ``starts``, a number or an opening bracket.
    let canStart: [Bool]
    /// The month the text last spoke of (anaphoric السابق، المقابل).
    var focus: (year: Int, month: Int)?
    var found: [DateExpression] = []

    /// - Parameter types: the distinct tokens of `tokens`.
    init(tokens: [Token], types: TokenTypes, scalars: [Unicode.Scalar], lexicon: DateLexicon, reference: CalendarDay?) {
        precondition(types.typeOf.count == tokens.count, "types of other tokens")
        self.tokens = tokens
        self.scalars = scalars
        self.lexicon = lexicon
        self.reference = reference
        // Facts are a function of the token: worked out once per distinct token.
        let typeFacts = types.first.map { DateTokenFacts(tokens[Int($0)], lexicon: lexicon) }
        let typeStarts = zip(types.first, typeFacts).map { first, f in
            f.entryIndex >= 0 || f.number != nil || f.mark == 0x28 || Self.starts.contains(TermKey(f.key))
                || tokens[Int(first)].kind == .number
        }
        self.facts = types.typeOf.map { typeFacts[Int($0)] }
        self.canStart = types.typeOf.map { typeStarts[Int($0)] }
        self.focus = reference.map { ($0.year, $0.month) }
    }

    typealias Match = (expression: DateExpression, end: Int)

    mutating func run(isQuoted: (Int) -> Bool) -> [DateExpression] {
        var i = 0
        let n = tokens.count
        while i < n {
            // Only words, numbers, brackets and the Latin zone names can start an expression.
            if !canStart[i] {
                i += 1
                continue
            }
            if let match = match(at: i, isQuoted: isQuoted) {
                var expression = match.expression
                if let month = expression.month, expression.precision != .time, !expression.anaphoric { focus = month }
                if expression.precision == .time, let day = anchorDay(before: expression.range.start) {
                    expression = anchored(expression, on: day)
                }
                found.append(expression)
                i = max(match.end, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    /// Words without a date entry that start patterns.
    private static let starts: Set<TermKey> = [
        "بعد", "قبل", "منذ", "هذا", "هذه", "في", "عيد", "بدايه", "نهايه", "منتصف", "مطلع", "اوائل", "اواخر",
        "طوال", "حتي", "خلال", "صيف", "شتاء", "خريف", "ربيع", "وقت", "ليله", "ساعه", "بنهايه", "ببدايه", "الي",
    ]

    // MARK: - Dispatch

    private mutating func match(at i: Int, isQuoted: (Int) -> Bool) -> Match? {
        if let m = time(i) { return m }
        if let m = numericDate(i) { return m }
        if let m = rangeStart(i) { return m }
        if let m = dayAndMonth(i) { return m }
        if let m = relativeDay(i, isQuoted: isQuoted) { return m }
        if let m = weekday(i) { return m }
        if let m = monthName(i) { return m }
        if let m = holiday(i) { return m }
        if let m = unitPhrase(i) { return m }
        if let m = ago(i) { return m }
        if let m = year(i) { return m }
        if let m = vague(i) { return m }
        return nil
    }

    // MARK: - Token helpers

    func span(_ first: Int, _ end: Int) -> ScalarRange {
        ScalarRange(start: tokens[first].range.start, end: tokens[end - 1].range.end)
    }

    /// True when `i` indexes a token (helpers below answer "no" for any other index, before the first
    /// token included).
    func has(_ i: Int) -> Bool { i >= 0 && i < tokens.count }

    func base(_ i: Int) -> String { has(i) ? tokens[i].base : "" }

    func entry(_ i: Int) -> DateLexicon.Entry? { has(i) ? entryAt(i) : nil }

    /// The date-lexicon entry of token `i` (a valid index).
    @inline(__always)
    func entryAt(_ i: Int) -> DateLexicon.Entry? {
        let index = facts[i].entryIndex
        return index < 0 ? nil : lexicon.entry(at: index)
    }

    func isMark(_ i: Int, _ v: UInt32) -> Bool { has(i) && facts[i].mark == v }

    /// The token is the bare word `word` (normalised, no proclitics).
    func isWord(_ i: Int, _ word: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .arabicWord && Self.same(tokens[i].normalized, word)
    }

    /// Code-unit equality of two words in ``ArabicNormalizer`` form. `String ==` follows canonical
    /// equivalence: on Arabic it checks normalisation as it goes, which made these comparisons, a
    /// few per token of every article, a sizeable part of the scan.
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    func direction(_ i: Int) -> DateDirection? {
        guard i < tokens.count, facts[i].article || tokens[i].proclitics.isEmpty else { return nil }
        return entryAt(i)?.direction
    }

    /// A number that can be a day of the month (1...31, one or two digits).
    func dayNumber(_ i: Int) -> Int? {
        guard has(i), let v = facts[i].number, facts[i].digits <= 2, (1...31).contains(v) else { return nil }
        return v
    }

    /// A number that can be a year (three or four digits, 100...2199).
    func yearNumber(_ i: Int) -> Int? {
        guard has(i), let v = facts[i].number, facts[i].digits >= 3, facts[i].digits <= 4,
            (100...2199).contains(v)
        else { return nil }
        return v
    }

    /// A calendar marker (م، هـ، ميلادي، هجري) at `i`, alone or followed by a period.
    func marker(_ i: Int) -> DateCalendar? {
        guard has(i), tokens[i].proclitics.isEmpty else { return nil }
        return entryAt(i)?.marker
    }

    /// `end` extended over a calendar marker matching `calendar` (or any, when `nil`).
    func afterMarker(_ end: Int, _ calendar: DateCalendar? = nil) -> (end: Int, marker: DateCalendar?) {
        if let m = marker(end), calendar == nil || calendar == m { return (end + 1, m) }
        return (end, nil)
    }

    // MARK: - Months

    /// A month name at `i` (one or two words), with an alternative name after it in brackets, after
    /// a slash, or side by side. Returns the month, its calendar, the index after it, whether the
    /// name needs context (ambiguous and alone), and whether an alternative was written.
    func month(at i: Int) -> (month: Int, calendar: DateCalendar, end: Int, ambiguous: Bool, alternative: Bool)? {
        guard let (first, calendar, end, ambiguous) = singleMonth(at: i) else { return nil }
        var month = first
        var k = end
        var alternative = false
        if isMark(k, 0x28), let (alt, altCalendar, altEnd, _) = singleMonth(at: k + 1), altCalendar == calendar,
            isMark(altEnd, 0x29)
        {
            if alt != month { month = alt }  // the bracketed name, usually the editor's gloss
            k = altEnd + 1
            alternative = true
        } else if isMark(k, 0x2F), let (_, altCalendar, altEnd, _) = singleMonth(at: k + 1), altCalendar == calendar {
            k = altEnd
            alternative = true
        } else if let (_, altCalendar, altEnd, _) = singleMonth(at: k), altCalendar == calendar, calendar == .gregorian
        {
            k = altEnd
            alternative = true
        }
        return (month, calendar, k, ambiguous && !alternative, alternative)
    }

    private func singleMonth(at i: Int) -> (Int, DateCalendar, Int, Bool)? {
        guard i < tokens.count, tokens[i].kind == .arabicWord else { return nil }
        let f = facts[i]
        if let e = entryAt(i), e.monthHead, i + 1 < tokens.count,
            let two = lexicon.twoWordMonth(head: f.key, tail: tokens[i + 1].normalized)
        {
            return (two.month, two.calendar, i + 2, false)
        }
        if let (month, ambiguous) = entryAt(i)?.gregorianMonth, !f.article {
            return (month, .gregorian, i + 1, ambiguous)
        }
        if let (month, ambiguous) = entryAt(i)?.hijriMonth { return (month, .hijri, i + 1, ambiguous) }
        return nil
    }

    /// `شهر`, `بشهر`, `الشهر` at `i` before a month name: the index of the name.
    func afterMonthNoun(_ i: Int) -> Int? {
        guard let e = entry(i), let unit = e.unit, unit.unit == .month, unit.count == .one,
            Self.same(facts[i].key, "شهر")
        else { return nil }
        return i + 1
    }

    // MARK: - Numeric dates

    private func numericDate(_ i: Int) -> Match? {
        guard i < tokens.count, tokens[i].kind == .number else { return nil }
        var parts: [(value: Int, digits: Int)] = []
        var end = i
        let text = tokens[i].normalized
        if text.contains("/") || text.contains(".") {
            let pieces = text.split(whereSeparator: { $0 == "/" || $0 == "." })
            guard pieces.count == 3, !(text.contains("/") && text.contains(".")) else { return nil }
            for piece in pieces {
                guard let v = Int(piece), piece.count <= 4 else { return nil }
                parts.append((v, piece.count))
            }
            end = i + 1
        } else if let v = facts[i].number {
            parts.append((v, facts[i].digits))
            var k = i + 1
            var separator: UInt32 = 0
            while parts.count < 3, k + 1 < tokens.count, facts[k].mark == 0x2F || facts[k].mark == 0x2D,
                separator == 0 || facts[k].mark == separator, let next = facts[k + 1].number
            {
                separator = facts[k].mark
                parts.append((next, facts[k + 1].digits))
                k += 2
            }
            guard parts.count == 3 else { return nil }
            end = k
        } else {
            return nil
        }
        guard let (y, m, d) = Self.order(parts) else { return nil }
        let (afterEnd, mark) = afterMarker(end)
        let hijri = mark == .hijri || (mark == nil && (1300...1500).contains(y))
        let range = span(i, afterEnd)
        if hijri {
            guard let day = HijriCalendar.gregorian(year: y, month: m, day: d) else { return nil }
            return (.day(day, range, calendar: .hijri, relative: false), afterEnd)
        }
        guard (1800...2199).contains(y), let day = CalendarDay(year: y, month: m, day: d) else { return nil }
        return (.day(day, range, relative: false), afterEnd)
    }

    /// Year, month, day of three numeric parts: a four-digit year first (Y/M/D) or last (D/M/Y).
    static func order(_ parts: [(value: Int, digits: Int)]) -> (Int, Int, Int)? {
        if parts[0].digits == 4, parts[1].digits <= 2, parts[2].digits <= 2 {
            return (parts[0].value, parts[1].value, parts[2].value)
        }
        if parts[2].digits == 4, parts[0].digits <= 2, parts[1].digits <= 2 {
            return (parts[2].value, parts[1].value, parts[0].value)
        }
        return nil
    }

    /// The first date of a range written `من 2 إلى 5 / 11 / 1436 هـ` or `من 6 / 11 حتى 1 / 12 / 1436
    /// هـ`: a bare day (or day/month) after من or بين, completed from the full date after إلى، حتى or
    /// a dash.
    private func rangeStart(_ i: Int) -> Match? {
        guard i > 0, isWord(i - 1, "من") || isWord(i - 1, "بين"), let d = dayNumber(i) else { return nil }
        var k = i + 1
        var month: Int?
        if facts[k < tokens.count ? k : i].mark == 0x2F, k + 1 < tokens.count, let m = facts[k + 1].number,
            (1...12).contains(m)
        {
            month = m
            k += 2
        }
        guard k < tokens.count, isWord(k, "الي") || isWord(k, "حتي") || facts[k].mark == 0x2D || isWord(k, "و")
        else { return nil }
        guard let (full, _) = numericDate(k + 1) ?? dayAndMonth(k + 1), let fullDay = full.day,
            full.precision == .day
        else { return nil }
        let day: CalendarDay?
        if full.calendar == .hijri {
            let h = HijriCalendar.hijri(of: fullDay)
            day = HijriCalendar.gregorian(year: h.year, month: month ?? h.month, day: d)
        } else {
            day = CalendarDay(year: fullDay.year, month: month ?? fullDay.month, day: d)
        }
        guard let day else { return nil }
        return (.day(day, span(i, k), calendar: full.calendar, relative: false), k)
    }

    // MARK: - Day and month

    private func dayAndMonth(_ i: Int) -> Match? {
        guard i < tokens.count else { return nil }
        var start = i
        var k = i
        if isWord(k, "يوم") {
            k += 1
        }
        var day: Int?
        if let d = dayNumber(k) {
            day = d
            k += 1
            if isWord(k, "من") { k += 1 }
        } else if let d = ordinalDay(k) {
            guard isWord(d.end, "من") else { return nil }
            day = d.day
            k = d.end + 1
        }
        guard let day else { return nil }
        if k == i { start = i }
        // 12 من الشهر الحالي
        if facts.indices.contains(k), facts[k].article, let u = entry(k)?.unit, u.unit == .month, u.count == .one,
            let dir = direction(k + 1), let ref = reference
        {
            let offset: Int
            switch dir {
            case .past: offset = -1
            case .next: offset = 1
            case .current: offset = 0
            default: return nil
            }
            let (y, m) = Self.addMonths(ref.year, ref.month, offset)
            guard let value = CalendarDay(year: y, month: m, day: day) else { return nil }
            return (.day(value, span(start, k + 2), relative: true), k + 2)
        }
        var monthIndex = k
        if let after = afterMonthNoun(k) { monthIndex = after }
        guard let name = month(at: monthIndex) else { return nil }
        var end = name.end
        var relative = false
        var year: Int?
        var k2 = end
        if isWord(k2, "من") || isMark(k2, 0x2C) || isMark(k2, 0x060C) { k2 += 1 }
        if let yn = entry(k2), yn.yearNoun, !facts[k2].article || true, yearNumber(k2 + 1) != nil { k2 += 1 }
        if let y = yearNumber(k2) {
            year = y
            end = afterMarker(k2 + 1).end
        } else if let dir = direction(end), dir == .current || dir == .past || dir == .next {
            relative = true
            year = relativeYear(month: name.month, calendar: name.calendar, dir)
            end += 1
        }
        let calendar = name.calendar
        if calendar == .hijri {
            let y = year ?? reference.map { HijriCalendar.hijri(of: $0).year }
            guard let y, let value = HijriCalendar.gregorian(year: y, month: name.month, day: day) else { return nil }
            return (.day(value, span(start, end), calendar: .hijri, relative: relative), end)
        }
        guard let y = year ?? reference?.year, let value = CalendarDay(year: y, month: name.month, day: day) else {
            return nil
        }
        return (.day(value, span(start, end), relative: relative), end)
    }

    /// An ordinal day word (الثاني، الحادي عشر، الحادي والعشرين، العشرين) at `i`: its value and the
    /// index after it.
    func ordinalDay(_ i: Int) -> (day: Int, end: Int)? {
        guard i < tokens.count, facts[i].article, let o = entryAt(i)?.ordinal else { return nil }
        if o >= 20 { return (o, i + 1) }
        if i + 1 < tokens.count,
            Self.same(tokens[i + 1].normalized, "عشر") || Self.same(tokens[i + 1].normalized, "عشره")
        {
            return (o + 10, i + 2)
        }
        if i + 1 < tokens.count, tokens[i + 1].proclitics.first == "و", let tens = entryAt(i + 1)?.ordinal,
            tens >= 20, o <= 9
        {
            return (tens + o, i + 2)
        }
        return o <= 10 ? (o, i + 1) : nil
    }

    /// The year of a month named with a deictic adjective: the last one before the publication
    /// month (past), the next one after it (next), or the publication year (current); Hijri months
    /// in the publication's Hijri year.
    func relativeYear(month: Int, calendar: DateCalendar, _ direction: DateDirection) -> Int? {
        guard let ref = reference else { return nil }
        var y = ref.year
        var m = ref.month
        if calendar == .hijri {
            let h = HijriCalendar.hijri(of: ref)
            y = h.year
            m = h.month
        }
        switch direction {
        case .past: return month < m ? y : y - 1
        case .next: return month > m ? y : y + 1
        default: return y
        }
    }

    static func addMonths(_ year: Int, _ month: Int, _ offset: Int) -> (Int, Int) {
        let total = year * 12 + (month - 1) + offset
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        return (y, total - y * 12 + 1)
    }

    // MARK: - Month names

    private func monthName(_ i: Int) -> Match? {
        var k = i
        var noun = false
        if let after = afterMonthNoun(i) {
            k = after
            noun = true
        }
        guard let name = month(at: k) else { return nil }
        var end = name.end
        // Year: يوليو 2015, يوليو من عام 2015, رمضان 1436 هـ
        var k2 = end
        if isWord(k2, "من") || isMark(k2, 0x2C) || isMark(k2, 0x060C) { k2 += 1 }
        if let yn = entry(k2), yn.yearNoun, yearNumber(k2 + 1) != nil { k2 += 1 }
        if let y = yearNumber(k2) {
            let (after, _) = afterMarker(k2 + 1)
            end = after
            if name.calendar == .hijri {
                return (hijriMonth(y, name.month, span(i, end), relative: false), end)
            }
            return (.month(y, name.month, span(i, end), relative: false), end)
        }
        if let dir = direction(end), dir == .past || dir == .next || dir == .current,
            let y = relativeYear(month: name.month, calendar: name.calendar, dir)
        {
            end += 1
            if name.calendar == .hijri { return (hijriMonth(y, name.month, span(i, end), relative: true), end) }
            return (.month(y, name.month, span(i, end), relative: true), end)
        }
        let following = end < tokens.count ? tokens[end].normalized : ""
        guard !name.ambiguous || noun || Self.same(following, "المبارك") || Self.same(following, "الكريم") else {
            return nil
        }
        guard let ref = reference else { return nil }
        if name.calendar == .hijri {
            return (hijriMonth(HijriCalendar.hijri(of: ref).year, name.month, span(i, end), relative: false), end)
        }
        return (.month(ref.year, name.month, span(i, end), relative: false), end)
    }

    func hijriMonth(_ year: Int, _ month: Int, _ range: ScalarRange, relative: Bool) -> DateExpression {
        var month1 = HijriCalendar.gregorian(year: year, month: month, day: 1)
        if month1 == nil { month1 = HijriCalendar.gregorian(year: year, month: month, day: 2) }
        return DateExpression(
            range: range, value: CalendarDay.pad(year, 4) + "-" + CalendarDay.pad(month, 2), precision: .month,
            calendar: .hijri, relative: relative, month: month1.map { ($0.year, $0.month) })
    }

    // MARK: - Relative days and weekdays

    private func relativeDay(_ i: Int, isQuoted: (Int) -> Bool) -> Match? {
        guard let ref = reference else { return nil }
        var k = i
        var offset: Int?
        if isWord(i, "بعد"), let e = entry(i + 1), e.dayOffset == 1, !facts[i + 1].article {
            offset = 2
            k = i + 2
        } else if Self.same(base(i), "اول"), tokens[i].proclitics.isEmpty || tokens[i].proclitics == ["و"] {
            var j = i + 1
            if isWord(j, "من") { j += 1 }
            guard let e = entry(j), e.dayOffset == -1 else { return nil }
            offset = -2
            k = j + 1
        } else if isWord(i, "يوم"), let e = entry(i + 1), let o = e.dayOffset, o != 0, !facts[i + 1].article {
            offset = o
            k = i + 2
        } else if let e = entry(i), let o = e.dayOffset {
            let key = facts[i].key
            if o == 0 {
                // اليوم (with the article only)
                // اليوم, not باليوم "per day" or لليوم.
                guard facts[i].article, Self.same(key, "يوم"),
                    tokens[i].proclitics.count == 1 || tokens[i].proclitics.first == "و"
                else { return nil }
                if i > 0, Self.same(base(i - 1), "عين") { return nil }
                if i + 1 < tokens.count, let next = entry(i + 1),
                    next.ordinal != nil || next.direction != nil || Self.same(tokens[i + 1].base, "تالي")
                        || Self.same(tokens[i + 1].base, "عالمي") || Self.same(tokens[i + 1].base, "دولي")
                        || Self.same(tokens[i + 1].base, "وطني")
                {
                    return nil
                }
                if i + 1 < tokens.count, Self.same(tokens[i + 1].base, "تالي") || Self.same(tokens[i + 1].base, "عالمي")
                {
                    return nil
                }
                offset = 0
                k = i + 1
            } else if o == 1 {
                guard Self.same(key, "غدا") || (Self.same(key, "غد") && facts[i].article && false) else { return nil }
                offset = 1
                k = i + 1
            } else {
                guard Self.same(key, "امس") || Self.same(key, "بارحه") else { return nil }
                offset = -1
                k = i + 1
            }
        } else if Self.same(facts[i].key, "ليله"), facts[i].article {
            if isWord(i + 1, "قبل"), direction(i + 2) == .past {
                offset = -2
                k = i + 3
            } else if direction(i + 1) == .past {
                offset = -1
                k = i + 2
            } else {
                return nil
            }
        } else {
            return nil
        }
        guard var offset else { return nil }
        // أمس الأول
        if offset == -1, k < tokens.count, facts[k].article, Self.same(tokens[k].base, "اول") {
            offset = -2
            k += 1
        }
        // A weekday after it belongs to the expression.
        var pinned = false
        if k < tokens.count, facts[k].article, entry(k)?.weekday != nil {
            k += 1
            pinned = true
        }
        if offset == 0 && !pinned, isQuoted(tokens[i].range.start) {
            let before = i > 0 ? tokens[i - 1].normalized : ""
            let frame = i > 0 && entry(i - 1)?.partOfDay != nil
            if !(Self.same(before, "الي") || Self.same(before, "حتي") || Self.same(before, "لغايه") || frame) {
                return (.vague(span(i, k)), k)
            }
        }
        return (.day(ref.adding(days: offset), span(i, k), relative: true), k)
    }

    private func weekday(_ i: Int) -> Match? {
        var k = i
        if isWord(i, "يوم") { k = i + 1 }
        guard k < tokens.count, facts[k].article, let wd = entry(k)?.weekday else { return nil }
        if wd == 5, i > 0, ["صلاه", "خطبه", "صلاة"].contains(base(i - 1)) { return nil }
        var end = k + 1
        // An explicit date after the weekday: الخميس 30 يوليو 2015.
        var next = end
        if isMark(next, 0x2C) || isMark(next, 0x060C) { next += 1 }
        if let (explicit, explicitEnd) = numericDate(next) ?? dayAndMonth(next) {
            var e = explicit
            e.range = ScalarRange(start: tokens[i].range.start, end: e.range.end)
            return (e, explicitEnd)
        }
        guard let ref = reference else { return nil }
        let delta = (wd - ref.isoWeekday + 7) % 7  // days forward to the next such day (0: today)
        var day: CalendarDay
        if isWord(end, "قبل"), direction(end + 1) == .past {
            day = ref.adding(days: -((7 - delta) % 7 == 0 ? 7 : (7 - delta) % 7) - 7)
            end += 2
        } else if let dir = direction(end), dir == .past || dir == .next {
            end += 1
            if dir == .past {
                let back = (7 - delta) % 7
                day = ref.adding(days: -(back == 0 ? 7 : back))
            } else {
                day = ref.adding(days: delta == 0 ? 7 : delta)
            }
        } else if isFuture(around: k) {
            day = ref.adding(days: delta)
        } else {
            day = ref.adding(days: -((7 - delta) % 7))
        }
        return (.day(day, span(i, end), relative: true), end)
    }

    /// True when a future marker stands within a few tokens of `i` in the same sentence: سوف،
    /// المقرر، المزمع، المرتقب، or a verb with the future prefix سـ (سيعقد، ستبدأ).
    func isFuture(around i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && k >= i - 6 {
            let t = tokens[k]
            if t.kind == .punctuation, let v = t.surface.unicodeScalars.first?.value,
                ScalarClass.isSentenceTerminator(v)
            {
                break
            }
            if Self.isFutureMarker(t) { return true }
            k -= 1
        }
        k = i + 1
        while k < tokens.count && k <= i + 3 {
            if Self.isFutureMarker(tokens[k]) { return true }
            k += 1
        }
        return false
    }

    static func isFutureMarker(_ t: Token) -> Bool {
        guard t.kind == .arabicWord else { return false }
        if t.base == "سوف" || t.base == "مقرر" || t.base == "مزمع" || t.base == "مرتقب" { return true }
        let s = Array(t.base.unicodeScalars)
        guard s.count >= 4, s[0] == "س", s[1] == "ي" || s[1] == "ت" || s[1] == "ن" || s[1] == "ا" else { return false }
        return !nonFutureS.contains(t.stem) && !nonFutureS.contains(t.base)
    }

    /// Frequent words that begin with سي، ست، سن، سا and are not future verbs.
    static let nonFutureS: Set<String> = [
        "سياره", "سيار", "سيارات", "سته", "ستين", "ست", "سنه", "سنو", "سنوات", "سنوي", "سنويا", "سيد", "سيده",
        "سياس", "سياسه", "سياسي", "سياسيه", "سياح", "سياحه", "سياحي", "سيطره", "سيطر", "ستار", "سيول", "سينما",
        "سيناء", "سنغافوره", "سيناريو", "سيف", "سابق", "سابقه", "ساعه", "ساعات", "سادس", "ساحه", "ساحل", "سالم",
        "سامي", "سان", "ساعد", "سائق", "سائر", "سبت", "سنين", "سنتين", "سنغال", "ستوكهولم", "سيادة", "سياد", "سيئ",
        "سيئه", "سيل", "سيدني", "سياق", "سيرة", "سير", "سيره", "ستراتيجي", "سناتور", "سند", "سندات", "سنوك",
        "سابع", "ساخن", "سامح", "سار", "ساري", "سارة", "ساق", "سائل", "سائح", "سائحين",
    ]

    // MARK: - Holidays

    private func holiday(_ i: Int) -> Match? {
        guard i + 1 < tokens.count, facts[i + 1].article || tokens[i + 1].proclitics.isEmpty,
            lexicon.holidayFirstWords.contains(TermKey(tokens[i].bare)),
            let h = lexicon.holidays[tokens[i].bare + " " + tokens[i + 1].bare], let ref = reference
        else { return nil }
        var end = i + 2
        if h.calendar == .gregorian {
            guard let day = CalendarDay(year: ref.year, month: h.month, day: h.day) else { return nil }
            return (.day(day, span(i, end), relative: false), end)
        }
        var year = HijriCalendar.hijri(of: ref).year
        if let y = yearNumber(end), (1300...1600).contains(y) {
            year = y
            end = afterMarker(end + 1).end
        }
        guard let day = HijriCalendar.gregorian(year: year, month: h.month, day: h.day) else { return nil }
        return (.day(day, span(i, end), calendar: .hijri, relative: false), end)
    }

    // MARK: - Units with an adjective

    private func unitPhrase(_ i: Int) -> Match? {
        var k = i
        var demonstrative = false
        if isWord(i, "هذا") || isWord(i, "هذه") {
            demonstrative = true
            k = i + 1
        }
        guard k < tokens.count else { return nil }
        // هذا الوقت / الوقت الحالي
        if facts[k].article, Self.same(tokens[k].base, "وقت") {
            if demonstrative { return (.vague(span(i, k + 1)), k + 1) }
            if let dir = direction(k + 1), dir == .current { return (.vague(span(i, k + 2)), k + 2) }
            return nil
        }
        guard let unit = entry(k)?.unit else { return bareAnaphoric(i) }
        let article = facts[k].article
        if !article {
            // لسنين مقبلة، سنوات قادمة
            guard !demonstrative, unit.count == .plural,
                let dir = entryAt(k + 1 < tokens.count ? k + 1 : k)?
                    .direction, k + 1 < tokens.count, !facts[k + 1].article, dir == .next || dir == .past
            else { return nil }
            return (.vague(span(i, k + 2)), k + 2)
        }
        if demonstrative {
            guard unit.count == .one, unit.unit != .period else { return nil }
            return resolved(unit.unit, offset: 0, span(i, k + 1), end: k + 1)
        }
        if unit.count == .two {
            guard k + 1 < tokens.count, entryAt(k + 1)?.dualDirection == true else { return nil }
            return (.vague(span(i, k + 2)), k + 2)
        }
        if unit.count == .plural || unit.unit == .period {
            // الأيام الماضية، السنوات الخمس الأخيرة، السنوات القليلة الماضية
            var j = k + 1
            var skipped = 0
            while j < tokens.count, skipped < 2, facts[j].article,
                entryAt(j)?.cardinal != nil || Self.same(tokens[j].base, "قليله") || Self.same(tokens[j].base, "عشر")
            {
                j += 1
                skipped += 1
            }
            guard let dir = direction(j), facts[j].article else { return nil }
            switch dir {
            case .past, .last, .next, .current, .previous: return (.vague(span(i, j + 1)), j + 1)
            default: return nil
            }
        }
        // الأسبوع الماضي، الشهر المقبل، العام الجاري، الأسبوع قبل الماضي
        var j = k + 1
        var step = 1
        if isWord(j, "قبل"), direction(j + 1) == .past {
            step = 2
            j += 1
        }
        guard let dir = direction(j), facts[j].article else { return nil }
        var end = j + 1
        let offset: Int
        switch dir {
        case .past: offset = -step
        case .next: offset = step
        case .current: offset = 0
        case .previous:
            guard let f = focus else { return nil }
            switch unit.unit {
            case .month:
                let (y, m) = Self.addMonths(f.year, f.month, -1)
                var e = DateExpression.month(y, m, span(i, end), relative: true)
                e.anaphoric = true
                return (e, end)
            case .year:
                var e = DateExpression.year(f.year - 1, span(i, end), calendar: .gregorian, relative: true)
                e.anaphoric = true
                return (e, end)
            default: return nil
            }
        case .corresponding:
            // الشهر المقابل من عام 2014
            guard unit.unit == .month, let f = focus else { return nil }
            var y2 = end
            if isWord(y2, "من") { y2 += 1 }
            if entry(y2)?.yearNoun == true { y2 += 1 }
            guard let y = yearNumber(y2) else { return nil }
            end = afterMarker(y2 + 1).end
            var e = DateExpression.month(y, f.month, span(i, end), relative: true)
            e.anaphoric = true
            return (e, end)
        case .last: return nil
        }
        // العام الماضي 1435: the year the text gives.
        if unit.unit == .year, let y = yearNumber(end) {
            let (after, mark) = afterMarker(end + 1)
            let hijri = mark == .hijri || (mark == nil && (1300...1600).contains(y))
            return (.year(y, span(i, after), calendar: hijri ? .hijri : .gregorian, relative: true), after)
        }
        return resolved(unit.unit, offset: offset, span(i, end), end: end)
    }

    /// A bare `العام`/`الشهر`/`الأسبوع` after بداية، نهاية، منتصف، مطلع، أوائل، أواخر، طوال: the
    /// current one.
    private static let bareAnaphoricHeads: Set<TermKey> = [
        "بدايه", "نهايه", "منتصف", "مطلع", "اوائل", "اواخر", "طوال", "بنهايه", "ببدايه",
    ]

    private func bareAnaphoric(_ i: Int) -> Match? {
        guard i + 1 < tokens.count, facts[i + 1].article, let unit = entry(i + 1)?.unit,
            Self.bareAnaphoricHeads.contains(TermKey(facts[i].key)), unit.count == .one,
            unit.unit != .day, unit.unit != .period, direction(i + 2) == nil, yearNumber(i + 2) == nil
        else { return nil }
        return resolved(unit.unit, offset: 0, span(i + 1, i + 2), end: i + 2)
    }

    /// The unit `offset` units from the publication date, at the unit's precision.
    func resolved(_ unit: DateUnit, offset: Int, _ range: ScalarRange, end: Int) -> Match? {
        guard let ref = reference else { return (.vague(range), end) }
        switch unit {
        case .day:
            return (.day(ref.adding(days: offset), range, relative: true), end)
        case .week:
            let day = ref.adding(days: 7 * offset)
            return (
                DateExpression(
                    range: range, value: day.isoWeekText, precision: .week, calendar: .gregorian, relative: true,
                    month: (day.year, day.month)), end
            )
        case .month:
            let (y, m) = Self.addMonths(ref.year, ref.month, offset)
            return (.month(y, m, range, relative: true), end)
        case .year:
            return (.year(ref.year + offset, range, calendar: .gregorian, relative: true), end)
        case .decade, .period:
            return (.vague(range), end)
        }
    }

    // MARK: - Ago

    private func ago(_ i: Int) -> Match? {
        let isAgo = isWord(i, "قبل")
        guard isAgo || isWord(i, "منذ") else { return nil }
        var k = i + 1
        if k < tokens.count, ["حوالي", "نحو", "قرابه", "زهاء"].contains(tokens[k].normalized) { k += 1 }
        guard k < tokens.count else { return nil }
        var count: Int?
        var unit: DateUnit?
        if let u = entry(k)?.unit, u.count == .two, tokens[k].proclitics.isEmpty || facts[k].article {
            count = 2
            unit = u.unit
            k += 1
        } else if let u = entry(k)?.unit, u.count == .one, tokens[k].proclitics.isEmpty, !isAgo || u.unit != .day,
            month(at: k + 1) == nil
        {
            // (قبل شهر رمضان is "before the month of Ramadan", not "a month ago".)
            count = 1
            unit = u.unit
            k += 1
        } else if let c = entryAt(k)?.cardinal ?? facts[k].number, c >= 1, c <= 100,
            k + 1 < tokens.count, let u = entry(k + 1)?.unit, u.count != .two, tokens[k + 1].proclitics.isEmpty
        {
            count = c
            unit = u.unit
            k += 2
        }
        guard let count, let unit, unit != .period, unit != .decade, let ref = reference else { return nil }
        if !isAgo && !hasStartWord(before: i) { return nil }
        let range = span(i, k)
        switch unit {
        case .day: return (.day(ref.adding(days: -count), range, relative: true), k)
        case .week: return resolved(.week, offset: -count, range, end: k)
        case .month: return resolved(.month, offset: -count, range, end: k)
        case .year: return resolved(.year, offset: -count, range, end: k)
        default: return nil
        }
    }

    /// True when a word of starting (انطلاق، بدأ، دشن، اندلع...) stands in the 8 tokens before `i`
    /// within its sentence.
    func hasStartWord(before i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && k >= i - 8 {
            if tokens[k].kind == .punctuation, let v = tokens[k].surface.unicodeScalars.first?.value,
                ScalarClass.isSentenceTerminator(v)
            {
                return false
            }
            if lexicon.startWords.contains(tokens[k].base) || lexicon.startWords.contains(tokens[k].stem) {
                return true
            }
            k -= 1
        }
        return false
    }

    // MARK: - Years

    private static let yearContext: Set<String> = [
        "في", "منذ", "حتي", "خلال", "قبل", "بعد", "مطلع", "نهايه", "بدايه", "منتصف", "اواخر", "اوائل", "صيف", "شتاء",
        "ربيع", "خريف", "موسم", "عامي", "بحلول", "لغايه", "وفي", "ومنذ", "وحتي", "وخلال", "بنهايه", "ببدايه",
    ]

    private func year(_ i: Int) -> Match? {
        // عام 2014، لعام 2014م، العام 1430هـ
        if let e = entry(i), e.yearNoun, let y = yearNumber(i + 1), y >= 1000 {
            let (after, mark) = afterMarker(i + 2)
            let hijri = mark == .hijri || (mark == nil && (1300...1500).contains(y))
            return (.year(y, span(i, after), calendar: hijri ? .hijri : .gregorian, relative: false), after)
        }
        guard let y = yearNumber(i), facts[i].digits == 4 else { return nil }
        // 2015م، 1436هـ
        if let mark = marker(i + 1) {
            if mark == .hijri ? (1000...1600).contains(y) : (1000...2199).contains(y) {
                return (.year(y, span(i, i + 2), calendar: mark, relative: false), i + 2)
            }
            return nil
        }
        guard (1900...2100).contains(y) else { return nil }
        // (1971)
        if isMark(i - 1, 0x28), isMark(i + 1, 0x29), y <= 2030 {
            return (.year(y, span(i, i + 1), calendar: .gregorian, relative: false), i + 1)
        }
        guard i > 0, Self.yearContext.contains(tokens[i - 1].normalized) || Self.yearContext.contains(facts[i - 1].key)
        else { return nil }
        if i + 1 < tokens.count {
            let next = tokens[i + 1]
            // A counted noun after the number (في 2000 منزل: genitive, indefinite, no preposition) makes
            // it a count; an accusative adverbial (ارتفاعا) or a word with ب or ل does not.
            let first = next.base.unicodeScalars.first
            if next.kind == .arabicWord, next.proclitics.isEmpty, !Self.afterYear.contains(next.normalized),
                entry(i + 1)?.gregorianMonth == nil, next.normalized.unicodeScalars.last != "ا", first != "ب",
                first != "ل"
            {
                return nil
            }
        }
        return (.year(y, span(i, i + 1), calendar: .gregorian, relative: false), i + 1)
    }

    /// Words that may follow a year alone without making it a count.
    private static let afterYear: Set<String> = [
        "و", "او", "حتي", "الي", "مقارنه", "حيث", "عندما", "حين", "بينما", "لكن", "ثم", "قبل", "بعد", "في", "من",
        "على", "علي", "عن", "مع", "وفق", "حسب", "بحسب", "اي", "كما", "اذ", "الا", "ولكن", "وهو", "وهي", "فقط", "ايضا",
        "تقريبا", "بعدما", "قبيل", "اثر", "اثناء", "خلال", "لم", "لا", "قد", "كان", "كانت", "بين", "عقب",
    ]

    // MARK: - Vague

    private func vague(_ i: Int) -> Match? {
        if entryAt(i)?.vagueAdverb == true, !facts[i].article || Self.same(facts[i].key, "ان") {
            return (.vague(span(i, i + 1)), i + 1)
        }

        if isWord(i, "في"), i + 2 < tokens.count, Self.same(tokens[i + 1].normalized, "وقت"),
            ["لاحق", "سابق", "مسبق", "قريب", "متاخر"].contains(tokens[i + 2].normalized)
        {
            return (.vague(span(i, i + 3)), i + 3)
        }
        return nil
    }

    // MARK: - Clock times

    private func time(_ i: Int) -> Match? {
        var k = i
        var hour: Int?
        var minute = 0
        var clock = false
        if facts[i].article, Self.same(facts[i].key, "ساعه") {
            k = i + 1
            clock = true
        }
        guard k < tokens.count else { return nil }
        if tokens[k].kind == .number {
            let text = tokens[k].normalized
            if text.contains(":") {
                let parts = text.split(separator: ":")
                guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, h <= 24,
                    m < 60
                else { return nil }
                hour = h
                minute = m
                k += 1
            } else if clock, let h = facts[k].number, h <= 24 {
                hour = h
                k += 1
            }
        } else if facts[k].article, let h = entryAt(k)?.hourWord {
            hour = h
            k += 1
            if h >= 11 || h == 2 || h == 1, k < tokens.count,
                Self.same(tokens[k].normalized, "عشره") || Self.same(tokens[k].normalized, "عشر")
            {
                hour = h + 10
                k += 1
            }
        }
        guard var hour else { return nil }
        // والنصف، والربع، إلا ربعا
        if k < tokens.count {
            let w = tokens[k].normalized
            if Self.same(w, "والنصف") {
                minute = 30
                k += 1
            } else if Self.same(w, "والربع") {
                minute = 15
                k += 1
            } else if Self.same(w, "الا"), k + 1 < tokens.count, tokens[k + 1].base.hasPrefix("ربع") {
                hour -= 1
                minute = 45
                k += 2
            }
        }
        var part: DateLexicon.PartOfDay?
        if k < tokens.count, tokens[k].proclitics.isEmpty, let p = entryAt(k)?.partOfDay,
            tokens[k].normalized != "صباح" && tokens[k].normalized != "ظهر" && tokens[k].normalized != "عصر"
                && tokens[k].normalized != "ليل"
        {
            part = p
            k += 1
        }
        // A bare number needs الساعة; an hour word needs الساعة or a part of the day.
        guard clock || part != nil || tokens[i].normalized.contains(":") else { return nil }
        if !clock && tokens[i].kind != .number && part == nil { return nil }
        hour = Self.twentyFourHour(hour, part)
        guard (0...24).contains(hour) else { return nil }
        var zone: Int?
        var z = k
        if isMark(z, 0x28) { z += 1 }
        if z < tokens.count,
            Self.same(tokens[z].base, "بتوقيت") || (Self.same(tokens[z].base, "توقيت") && !tokens[z].proclitics.isEmpty)
        {
            if z + 1 < tokens.count {
                if let minutes = lexicon.timeZones[tokens[z + 1].normalized] ?? lexicon.timeZones[tokens[z + 1].base] {
                    zone = minutes
                    k = z + 2
                    if k < tokens.count, Self.same(tokens[k].normalized, "المكرمه") { k += 1 }
                    if z > k - 3, isMark(z - 1, 0x28), isMark(k, 0x29) { k += 1 }
                } else if Self.same(tokens[z + 1].base, "محلي") {
                    k = z + 2
                }
            }
        } else if z < tokens.count, Self.same(facts[z].key, "غرينتش") {
            zone = 0
            k = z + 1
        }
        var text = "T" + CalendarDay.pad(hour, 2) + ":" + CalendarDay.pad(minute, 2)
        if let zone { text += Self.offsetText(zone) }
        return (
            DateExpression(range: span(i, k), value: text, precision: .time, calendar: .gregorian, relative: false),
            k
        )
    }

    /// A 12-hour clock hour within `part` on the 24-hour clock.
    static func twentyFourHour(_ hour: Int, _ part: DateLexicon.PartOfDay?) -> Int {
        guard let part, hour <= 12 else { return hour }
        switch part {
        case .morning: return hour == 12 ? 0 : hour
        case .noon: return hour <= 5 ? hour + 12 : hour
        case .evening: return hour == 12 ? 12 : hour + 12
        case .night: return hour == 12 ? 0 : (hour >= 6 ? hour + 12 : hour)
        }
    }

    /// `Z` or `±HH:MM`.
    static func offsetText(_ minutes: Int) -> String {
        if minutes == 0 { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        let m = abs(minutes)
        return sign + CalendarDay.pad(m / 60, 2) + ":" + CalendarDay.pad(m % 60, 2)
    }

    /// The day of a day-precision expression ending at most three tokens before `offset` (a clock
    /// time's anchor: `يوم غد الأربعاء الساعة السادسة`).
    func anchorDay(before offset: Int) -> CalendarDay? {
        guard let last = found.last, last.precision == .day, let day = last.day, last.range.end <= offset else {
            return nil
        }
        var between = 0
        for t in tokens where t.range.start >= last.range.end && t.range.end <= offset { between += 1 }
        return between <= 3 ? day : nil
    }

    /// The time `expression` on `day`: `2015-08-12T18:00+03:00`.
    func anchored(_ expression: DateExpression, on day: CalendarDay) -> DateExpression {
        var e = expression
        e.value = day.isoDay + (e.value ?? "")
        e.day = day
        e.relative = found.last?.relative ?? false
        return e
    }
}
