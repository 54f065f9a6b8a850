// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What the model's lexicon knows about one word form, packed in 32 bits: its frequency bucket in
/// the text the lexicon was made from, its word cluster, and the gazetteer and cue lists it is in.
///
/// Bits 0–4: frequency bucket, 0 for a word not counted, else `1 + ⌊log2 count⌋` (at most 31);
/// bits 5–15: cluster id + 1 (0: no cluster; at most 2,046 clusters); bits 16–23:
/// ``NERGazetteerFlags``; bits 24–31: ``NERCueFlags``. Part of the model file format.
struct NERWordInfo: Sendable, Equatable {
    var raw: UInt32

    init(raw: UInt32 = 0) { self.raw = raw }

    static let none = NERWordInfo()
    /// Clusters a word info can name.
    static let maximumClusters = 2046

    var frequencyBucket: Int {
        get { Int(raw & 0x1F) }
        set { raw = raw & ~0x1F | UInt32(min(max(newValue, 0), 31)) }
    }

    /// Cluster id, `nil` when the word has none.
    var cluster: Int? {
        get {
            let c = Int((raw >> 5) & 0x7FF)
            return c == 0 ? nil : c - 1
        }
        set {
            let c = newValue.map { UInt32(min($0, Self.maximumClusters) + 1) } ?? 0
            raw = raw & ~(0x7FF << 5) | c << 5
        }
    }

    var gazetteer: NERGazetteerFlags {
        get { NERGazetteerFlags(rawValue: UInt16((raw >> 16) & 0xFF)) }
        set { raw = raw & ~(0xFF << 16) | UInt32(newValue.rawValue & 0xFF) << 16 }
    }

    var cues: NERCueFlags {
        get { NERCueFlags(rawValue: UInt16(raw >> 24)) }
        set { raw = raw & ~(0xFF << 24) | UInt32(newValue.rawValue & 0xFF) << 24 }
    }

    /// The frequency bucket of a count: 0 for 0, else `1 + ⌊log2 count⌋`.
    static func bucket(ofCount count: Int) -> Int {
        count <= 0 ? 0 : 1 + (Int.bitWidth - 1 - count.leadingZeroBitCount)
    }
}
