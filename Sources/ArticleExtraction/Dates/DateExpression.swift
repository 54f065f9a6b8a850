// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// One date or time expression found by ``DateRecognizer``: its span and its resolved value.
public struct DateExpression: Sendable, Equatable {
    /// What the value's precision is.
    public enum Precision: String, Sendable, Equatable {
        case day, week, month, year
        /// A clock time, alone (`T18:00`) or on a day (`2015-08-12T18:00+03:00`).
        case time
    }

    /// Token-aligned scalar range of the expression.
    public var range: ScalarRange
    /// ISO 8601 text at ``precision``; `nil` for a vague expression.
    public var value: String?
    public var precision: Precision?
    public var calendar: DateCalendar
    /// Resolved against the publication date (or the time under discussion), or vague.
    public var relative: Bool
    /// The Gregorian day the expression denotes, when it denotes one (for anchoring a clock time).
    public var day: CalendarDay?
    /// The Gregorian year and month it falls in, when known (the time under discussion for
    /// anaphoric expressions such as `الشهر السابق`).
    public var month: (year: Int, month: Int)?
    /// Resolved against the time under discussion (السابق، المقابل), which it does not move.
    var anaphoric = false

    public static func == (a: DateExpression, b: DateExpression) -> Bool {
        a.range == b.range && a.value == b.value && a.precision == b.precision && a.calendar == b.calendar
            && a.relative == b.relative && a.day == b.day && a.month?.year == b.month?.year
            && a.month?.month == b.month?.month
    }

    /// A vague expression (no value) over `range`.
    static func vague(_ range: ScalarRange) -> DateExpression {
        DateExpression(range: range, value: nil, precision: nil, calendar: .gregorian, relative: true)
    }

    /// A day.
    static func day(_ day: CalendarDay, _ range: ScalarRange, calendar: DateCalendar = .gregorian, relative: Bool)
        -> DateExpression
    {
        DateExpression(
            range: range, value: day.isoDay, precision: .day, calendar: calendar, relative: relative, day: day,
            month: (day.year, day.month))
    }

    /// A Gregorian month.
    static func month(_ year: Int, _ month: Int, _ range: ScalarRange, relative: Bool) -> DateExpression {
        DateExpression(
            range: range, value: CalendarDay.pad(year, 4) + "-" + CalendarDay.pad(month, 2), precision: .month,
            calendar: .gregorian, relative: relative, month: (year, month))
    }

    /// A year (`calendar` numbering).
    static func year(_ year: Int, _ range: ScalarRange, calendar: DateCalendar, relative: Bool) -> DateExpression {
        DateExpression(
            range: range, value: CalendarDay.pad(year, 4), precision: .year, calendar: calendar, relative: relative)
    }
}
