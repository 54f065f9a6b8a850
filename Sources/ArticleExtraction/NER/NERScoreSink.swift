// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Adds the weights of every feature key it receives to a running ``NERScores`` (features the
/// model has no row for add nothing).
struct NERScoreSink: NERFeatureSink {
    let table: NERRowTable
    let records: UnsafeRawPointer
    var scores = NERScores()

    @inline(__always)
    mutating func add(_ key: UInt64) {
        if let row = table.row(for: key) { NERRowWeights.add(records, row: row, to: &scores) }
    }

    /// The scores so far, and a fresh start.
    @inline(__always)
    mutating func take() -> NERScores {
        defer { scores = NERScores() }
        return scores
    }
}
