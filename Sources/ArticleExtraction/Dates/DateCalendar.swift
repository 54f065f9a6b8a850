/// The calendar a date is written in.
public enum DateCalendar: String, Sendable, Equatable {
    case gregorian
    case hijri
}
