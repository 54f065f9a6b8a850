// SPDX-License-Identifier: GPL-2.0-or-later

/// The grammatical number a unit word carries: singular (شهر), dual (شهرين) or plural (أشهر).
public enum UnitCount: Sendable, Equatable {
    case one, two, plural
}
