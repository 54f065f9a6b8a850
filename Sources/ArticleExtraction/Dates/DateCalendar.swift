// SPDX-License-Identifier: GPL-2.0-or-later

/// The calendar a date is written in.
public enum DateCalendar: String, Sendable, Equatable {
    case gregorian
    case hijri
}
