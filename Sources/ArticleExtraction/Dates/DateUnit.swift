// SPDX-License-Identifier: GPL-2.0-or-later

/// A unit of time in a date expression (`يوم`, `أسبوع`, `شهر`, `عام`), or a vague period (`فترة`).
public enum DateUnit: Sendable, Equatable {
    case day, week, month, year, decade
    /// فترة، مرحلة، آونة: no length of its own; only vague expressions use it.
    case period
}
