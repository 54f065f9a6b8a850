// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Reads a publication date as sources write it in metadata, into the day it names and an ISO 8601
/// text. A hand-written scanner (no regular expressions) over digit and letter groups.
///
/// Accepted: ISO 8601 and its common relaxations (`2015-07-21`, `2015-07-21T02:51:32Z`,
/// `2015-07-21 02:51:32`, `2015-07-21T02:51:32.120+03:00`, `2015/07/21`); day-first numeric dates
/// (`21/07/2015`, `21-07-2015 14:05`); dates with an English or Arabic month name (`July 21, 2015`,
/// `Tue, 21 Jul 2015 02:51:32 +0300` (RFC 2822), `21 يوليو 2015`); Unix time in seconds (9–10
/// digits) or milliseconds (12–13 digits). The day is the date as written (the writer's local
/// date); the ISO text keeps the time and zone when given (`2015-07-21T02:51:32+03:00`), else it is
/// the day.
public enum PublicationDateParser {
    /// A parsed publication date.
    public struct Parsed: Sendable, Equatable {
        public var day: CalendarDay
        /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with `Z`/`±HH:MM` when the source gave a zone.
        public var iso: String
    }

    private enum Group: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case mark(Unicode.Scalar)
    }

    private static let englishMonths: [String: Int] = {
        var months: [String: Int] = [:]
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (i, name) in names.enumerated() {
            months[name] = i + 1
            months[String(name.prefix(3))] = i + 1
        }
        months["sept"] = 9
        return months
    }()

    /// The publication date in `text`, or `nil` when it is not a date this parser knows.
    public static func parse(_ text: String, lexicon: DateLexicon = .init()) -> Parsed? {
        let groups = scan(text)
        guard !groups.isEmpty else { return nil }
        if groups.count == 1, case .number(let v, let digits) = groups[0] {
            if digits == 9 || digits == 10 { return epoch(seconds: v) }
            if digits == 12 || digits == 13 { return epoch(seconds: v / 1000) }
            return nil
        }
        var year = 0
        var month = 0
        var day = 0
        var timeStart = 0
        if case .number(let y, 4) = groups[0], groups.count >= 5, case .number(let m, _) = groups[2],
            case .number(let d, _) = groups[4]
        {
            (year, month, day, timeStart) = (y, m, d, 5)
        } else if groups.count >= 5, case .number(let d, let dd) = groups[0], dd <= 2,
            case .number(let m, _) = groups[2],
            case .number(let y, 4) = groups[4]
        {
            (year, month, day, timeStart) = (y, m, d, 5)
        } else {
            // A month name: the four-digit number is the year, the one- or two-digit number next to
            // the name the day.
            var monthIndex = -1
            for (i, g) in groups.enumerated() {
                if case .word(let w) = g {
                    if let m = englishMonths[w] {
                        month = m
                        monthIndex = i
                        break
                    }
                    if let m = lexicon.entry(w)?.gregorianMonth?.month {
                        month = m
                        monthIndex = i
                        break
                    }
                }
            }
            guard monthIndex >= 0 else { return nil }
            var last = monthIndex
            for (i, g) in groups.enumerated() {
                if case .number(let v, let digits) = g {
                    if digits == 4, year == 0 {
                        year = v
                        last = max(last, i)
                    } else if digits <= 2, day == 0, abs(i - monthIndex) <= 2 {
                        day = v
                        last = max(last, i)
                    }
                }
            }
            timeStart = last + 1
        }
        guard let date = CalendarDay(year: year, month: month, day: day) else { return nil }
        return Parsed(day: date, iso: date.isoDay + time(groups, from: timeStart))
    }

    /// `THH:MM:SS` and a zone, when `groups[from...]` hold a time `HH:MM[:SS[.fff]]` and a zone
    /// (`Z`, `GMT`, `UTC`, `±HH:MM`, `±HHMM`); empty when they hold no time.
    private static func time(_ groups: [Group], from start: Int) -> String {
        var i = start
        while i < groups.count {
            if case .mark = groups[i] {
                i += 1
            } else if groups[i] == .word("t") {
                i += 1
            } else {
                break
            }
        }
        guard i + 2 < groups.count, case .number(let h, _) = groups[i], groups[i + 1] == .mark(":"),
            case .number(let m, _) = groups[i + 2], h < 24, m < 60
        else { return "" }
        var s = 0
        var k = i + 3
        if k + 1 < groups.count, groups[k] == .mark(":"), case .number(let sec, _) = groups[k + 1], sec < 61 {
            s = sec
            k += 2
        }
        if k + 1 < groups.count, groups[k] == .mark("."), case .number = groups[k + 1] { k += 2 }
        var text = "T" + CalendarDay.pad(h, 2) + ":" + CalendarDay.pad(m, 2) + ":" + CalendarDay.pad(s, 2)
        while k < groups.count, groups[k] == .mark(" ") { k += 1 }
        guard k < groups.count else { return text }
        switch groups[k] {
        case .word(let w) where w == "z" || w == "gmt" || w == "utc":
            text += "Z"
        case .mark(let sign) where sign == "+" || sign == "-":
            if k + 1 < groups.count, case .number(let v, let digits) = groups[k + 1] {
                var hours = v
                var minutes = 0
                if digits == 4 {
                    hours = v / 100
                    minutes = v % 100
                } else if k + 3 < groups.count, groups[k + 2] == .mark(":"), case .number(let mm, _) = groups[k + 3] {
                    minutes = mm
                }
                if hours <= 14, minutes < 60 {
                    text +=
                        (hours == 0 && minutes == 0)
                        ? "Z"
                        : String(sign) + CalendarDay.pad(hours, 2) + ":"
                            + CalendarDay.pad(minutes, 2)
                }
            }
        default:
            break
        }
        return text
    }

    private static func epoch(seconds: Int) -> Parsed {
        let day = CalendarDay(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rest = seconds - day.dayNumber * 86_400
        let time =
            "T" + CalendarDay.pad(rest / 3600, 2) + ":" + CalendarDay.pad(rest / 60 % 60, 2) + ":"
            + CalendarDay.pad(rest % 60, 2) + "Z"
        return Parsed(day: day, iso: day.isoDay + time)
    }

    /// Digit runs (ASCII or Arabic-Indic), letter runs (Latin lowercased, Arabic normalised) and
    /// single marks; runs of spaces become one `" "` mark.
    private static func scan(_ text: String) -> [Group] {
        var groups: [Group] = []
        let scalars = Array(text.unicodeScalars)
        let normalizer = ArabicNormalizer()
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            let d = ScalarClass.digitValue(v)
            if d >= 0 {
                var value = 0
                var digits = 0
                while i < scalars.count, ScalarClass.digitValue(scalars[i].value) >= 0 {
                    if digits < 15 { value = value * 10 + ScalarClass.digitValue(scalars[i].value) }
                    digits += 1
                    i += 1
                }
                groups.append(.number(value, digits: digits))
            } else if ScalarClass.isLatinLetter(v) || ScalarClass.isArabicWordScalar(v) {
                var word = String.UnicodeScalarView()
                while i < scalars.count,
                    ScalarClass.isLatinLetter(scalars[i].value)
                        || ScalarClass.isArabicWordScalar(scalars[i].value)
                {
                    word.append(scalars[i])
                    i += 1
                }
                let w = String(word)
                groups.append(.word(ScalarClass.isLatinLetter(v) ? w.lowercased() : normalizer.normalize(w)))
            } else if ScalarClass.isSpace(v) {
                while i < scalars.count, ScalarClass.isSpace(scalars[i].value) { i += 1 }
                if !groups.isEmpty { groups.append(.mark(" ")) }
            } else {
                groups.append(.mark(scalars[i]))
                i += 1
            }
        }
        return groups
    }
}
