// SPDX-License-Identifier: GPL-2.0-or-later

/// A fast reader of the ISO 8601 forms the documents use, to seconds since 1970-01-01T00:00:00Z:
/// `2026-11-29T10:04:43.120Z`, `2015-07-21T02:51:32+03:00`, `2015-07-21 02:51:32` (UTC assumed),
/// `2015-08-10T18:00` and `2015-08-10` (midnight UTC). Fractions are dropped. Pure.
///
/// Days from the civil date by Howard Hinnant's `days_from_civil` (proleptic Gregorian).
public enum ISOTimestamp {
    /// Seconds since the epoch, or `nil` when `text` is not one of the forms above.
    public static func seconds(_ text: String) -> Int? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= b.count else { return nil }
            var value = 0
            for i in from..<(from + length) {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = days(year: year, month: month, day: day) * 86_400
        guard b.count > 10 else { return seconds }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), let hour = number(11, 2), b.count >= 16,
            b[13] == UInt8(ascii: ":"), let minute = number(14, 2), hour < 24, minute < 60
        else { return nil }
        seconds += hour * 3600 + minute * 60
        var i = 16
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let second = number(17, 2), second <= 60 else { return nil }
            seconds += second
            i = 19
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                while i < b.count, (48...57).contains(b[i]) { i += 1 }
            }
        }
        guard i < b.count else { return seconds }
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return i + 1 == b.count ? seconds : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
            guard let offsetHours = number(i + 1, 2) else { return nil }
            var offsetMinutes = 0
            if i + 3 < b.count {
                let minuteAt = b[i + 3] == UInt8(ascii: ":") ? i + 4 : i + 3
                guard let m = number(minuteAt, 2), minuteAt + 2 == b.count else { return nil }
                offsetMinutes = m
            }
            return seconds - sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            return nil
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `seconds` as `YYYY-MM-DDTHH:MMZ` (UTC).
    public static func format(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = civil(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest % 3600 / 60))Z"
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
