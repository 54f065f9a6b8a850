// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Conversions between Hijri dates of the Umm al-Qura calendar (the Saudi official calendar) and
/// ``CalendarDay``s, through Foundation's `Calendar(identifier: .islamicUmmAlQura)` (ICU's tables;
/// 25 Shawwal 1436 = 2015-08-10). Pure: no I/O.
public enum HijriCalendar {
    /// A Hijri date: year, month 1...12 (1 Muharram ... 12 Dhu al-Hijja), day 1...30.
    public struct Day: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The Gregorian day of the Hijri date `year-month-day`, or `nil` when that date does not
    /// exist (day 30 of a 29-day month, month out of 1...12) or the year is outside 1...9999.
    public static func gregorian(year: Int, month: Int, day: Int) -> CalendarDay? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...30).contains(day) else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: 12)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return CalendarDay(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The Hijri date of the Gregorian day `day`.
    public static func hijri(of day: CalendarDay) -> Day {
        let date = Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 43_200)
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0)
    }
}
