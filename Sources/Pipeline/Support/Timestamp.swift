// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// ISO 8601 UTC timestamps with milliseconds, e.g. `2026-11-29T10:04:43.120Z`.
public enum Timestamp {
    /// The current time.
    public static func now() -> String { format(Date()) }

    /// `date` formatted as ISO 8601 UTC with milliseconds.
    public static func format(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
                .timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
