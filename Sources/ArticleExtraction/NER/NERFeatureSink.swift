// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Receives the feature keys (``FeatureHash/feature(_:_:)``) of one token, in template order.
/// Training interns them (``NERFeatureInterner``); the tagger looks them up in the model.
protocol NERFeatureSink {
    mutating func add(_ key: UInt64)
}
