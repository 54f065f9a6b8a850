// SPDX-License-Identifier: GPL-2.0-or-later

/// Nanoseconds spent in each step of one or many extractions, in the order the steps ran.
public struct StageTimings: Sendable, Equatable {
    /// `(name, nanoseconds)` per step, in running order; a name occurs once.
    public private(set) var stages: [(name: String, nanoseconds: UInt64)] = []

    /// No time charged yet.
    public init() {}

    /// Charges `nanoseconds` to `name`, appending it after the steps already seen.
    public mutating func charge(_ name: String, _ nanoseconds: UInt64) {
        if let index = stages.firstIndex(where: { $0.name == name }) {
            stages[index].nanoseconds &+= nanoseconds
        } else {
            stages.append((name, nanoseconds))
        }
    }

    /// Adds every step of `other`, keeping this one's order first.
    public mutating func add(_ other: StageTimings) {
        for stage in other.stages { charge(stage.name, stage.nanoseconds) }
    }

    /// Nanoseconds charged to `name`, 0 when none.
    public subscript(name: String) -> UInt64 { stages.first { $0.name == name }?.nanoseconds ?? 0 }

    /// Nanoseconds over all steps.
    public var total: UInt64 { stages.reduce(0) { $0 &+ $1.nanoseconds } }

    /// Milliseconds to 0.001 ms, as the document's `stage_ms` carries them.
    public static func milliseconds(_ nanoseconds: UInt64) -> Double {
        (Double(nanoseconds) / 1_000).rounded() / 1_000
    }

    public static func == (a: StageTimings, b: StageTimings) -> Bool {
        a.stages.elementsEqual(b.stages) { $0.name == $1.name && $0.nanoseconds == $1.nanoseconds }
    }
}
