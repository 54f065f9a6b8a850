// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArticleExtraction

/// Gregorian day arithmetic and the Umm al-Qura conversions.
struct CalendarDayTests {
    @Test("day numbers round-trip, 1970-01-01 is day 0 and a Thursday, leap days exist only in leap years")
    func dayNumbers() throws {
        let epoch = try #require(CalendarDay(year: 1970, month: 1, day: 1))
        #expect(epoch.dayNumber == 0)
        #expect(epoch.isoWeekday == 4)
        let day = try #require(CalendarDay(year: 2015, month: 8, day: 10))
        #expect(CalendarDay(dayNumber: day.dayNumber) == day)
        #expect(day.isoWeekday == 1)
        #expect(day.adding(days: 23).isoDay == "2015-09-02")
        #expect(day.adding(days: -10).isoDay == "2015-07-31")
        #expect(CalendarDay(year: 2016, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2015, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
    }

    @Test("ISO weeks: 2015-08-10 is in 2015-W33, 2016-01-01 in 2015-W53, 2014-12-29 in 2015-W01")
    func isoWeeks() throws {
        #expect(try #require(CalendarDay(year: 2015, month: 8, day: 10)).isoWeekText == "2015-W33")
        #expect(try #require(CalendarDay(year: 2016, month: 1, day: 1)).isoWeekText == "2015-W53")
        #expect(try #require(CalendarDay(year: 2014, month: 12, day: 29)).isoWeekText == "2015-W01")
    }

    @Test("Umm al-Qura: 25 Shawwal 1436 = 2015-08-10, 1 Shawwal 1436 = 2015-07-17, and back")
    func hijri() throws {
        #expect(HijriCalendar.gregorian(year: 1436, month: 10, day: 25)?.isoDay == "2015-08-10")
        #expect(HijriCalendar.gregorian(year: 1436, month: 10, day: 1)?.isoDay == "2015-07-17")
        #expect(HijriCalendar.gregorian(year: 1436, month: 13, day: 1) == nil)
        let back = HijriCalendar.hijri(of: try #require(CalendarDay(year: 2015, month: 8, day: 11)))
        #expect(back == HijriCalendar.Day(year: 1436, month: 10, day: 26))
    }
}
