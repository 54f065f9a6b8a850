// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// How often a word form was tagged `O` and each entity class in the training data, packed in 32
/// bits (6 bits per count, saturating at 63): `O` in bits 0–5, then PERS, LOC, ORG, MISC.
///
/// Gives the "seen in training as type T" features. For training tokens the counts come from the
/// other cross-validation folds only, or the model would trust them more than it can on new
/// text (see `../shared/NER-NOTES.md`). Part of the model file format.
struct NERSeenCounts: Sendable, Equatable {
    var raw: UInt32

    init(raw: UInt32 = 0) { self.raw = raw }

    /// Count of `O` (`nil`) or of an entity class.
    func count(_ type: EntityType?) -> Int {
        Int((raw >> UInt32(Self.shift(type))) & 63)
    }

    /// Count of slot `slot`: 0 `O`, 1 + class index.
    @inline(__always)
    func count(slot: Int) -> Int { Int((raw >> UInt32(6 * slot)) & 63) }

    /// Adds one occurrence tagged `type` (`nil`: `O`).
    mutating func add(_ type: EntityType?) {
        let s = UInt32(Self.shift(type))
        let c = (raw >> s) & 63
        if c < 63 { raw += 1 << s }
    }

    var total: Int { count(slot: 0) + count(slot: 1) + count(slot: 2) + count(slot: 3) + count(slot: 4) }

    private static func shift(_ type: EntityType?) -> Int { type.map { 6 * (1 + $0.classIndex) } ?? 0 }
}
