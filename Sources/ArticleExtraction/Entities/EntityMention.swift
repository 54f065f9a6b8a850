// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// One entity mention found in a text: a half-open range of Unicode scalar offsets.
public struct EntityMention: Sendable, Hashable {
    public var type: EntityType
    public var range: ScalarRange
    /// 0...1, the recogniser's confidence in the span and type.
    public var confidence: Double
    /// The name all mentions of this entity share (a bare surname maps to the full name).
    public var canonical: String
    /// The title word before a person (اللواء, المشير), tashkeel removed; `nil` when none.
    public var title: String?
}
