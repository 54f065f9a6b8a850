// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Gives training features dense ids: each new key gets the next id (unless ``frozen``, when
/// unknown keys are dropped, as for development and test data: a feature never seen in training
/// has no weight). Collects the ids of the token being extracted in ``current``.
struct NERFeatureInterner: NERFeatureSink {
    private var table = HashedTable<Int32>(capacity: 1 << 20, empty: -1)
    /// Key of each id.
    private(set) var keys: [UInt64] = []
    /// Training occurrences of each id (counted while not frozen).
    private(set) var counts: [Int32] = []
    /// Ids of the features added since the last ``startToken()``.
    private(set) var current: [Int32] = []
    var frozen = false

    init() {}

    var count: Int { keys.count }

    mutating func startToken() { current.removeAll(keepingCapacity: true) }

    mutating func add(_ key: UInt64) {
        if frozen {
            if let id = table.value(for: key) { current.append(id) }
            return
        }
        let id = table.value(for: key) {
            keys.append(key)
            counts.append(0)
            return Int32(keys.count - 1)
        }
        counts[Int(id)] &+= 1
        current.append(id)
    }
}
