// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// One IOB2 tag over the four ANERcorp classes (``EntityType``: PERS, LOC, ORG, MISC): `O`
/// (outside any entity), `B-X` (the first token of an entity of class X) or `I-X` (a later token
/// of it).
///
/// Tags have a dense ``index`` in `0..<9`: 0 is `O`, `1 + 2k` is `B-` and `2 + 2k` is `I-` of the
/// class with ``EntityType/classIndex`` `k`. IOB2 allows `I-X` only right after `B-X` or `I-X`
/// (``allows(_:_:)``); corpora also hold `I-X` opening an entity (IOB1 leftovers), which
/// ``IOB2Span/spans(in:)`` reads as conlleval does.
public struct EntityTag: Hashable, Sendable, CustomStringConvertible {
    /// Dense index, `0..<EntityTag.count`.
    public let index: Int

    /// The tag with dense index `index` (`0..<9`).
    public init(index: Int) {
        precondition(index >= 0 && index < Self.count, "tag index out of range")
        self.index = index
    }

    /// Number of tags: `O` and `B-`/`I-` of four classes.
    public static let count = 9
    /// `O`.
    public static let outside = EntityTag(index: 0)
    /// Every tag, by index.
    public static let all: [EntityTag] = (0..<count).map(EntityTag.init(index:))

    /// `B-X` for `type`.
    public static func begin(_ type: EntityType) -> EntityTag { EntityTag(index: 1 + 2 * type.classIndex) }
    /// `I-X` for `type`.
    public static func inside(_ type: EntityType) -> EntityTag { EntityTag(index: 2 + 2 * type.classIndex) }

    /// The entity class, `nil` for `O`.
    public var type: EntityType? { index == 0 ? nil : EntityType.allCases[(index - 1) / 2] }
    public var isOutside: Bool { index == 0 }
    public var isBegin: Bool { index % 2 == 1 }
    public var isInside: Bool { index > 0 && index % 2 == 0 }

    /// Parses `O`, `B-PERS`, `I-LOC`, ... (class labels as ``EntityType/init(corpusLabel:)``).
    public init?(label: some StringProtocol) {
        if label == "O" {
            self = .outside
            return
        }
        guard label.count > 2, let type = EntityType(corpusLabel: label.dropFirst(2)) else { return nil }
        switch label.prefix(2) {
        case "B-": self = .begin(type)
        case "I-": self = .inside(type)
        default: return nil
        }
    }

    /// `O`, `B-PERS`, `I-LOC`, ...
    public var label: String {
        guard let type else { return "O" }
        return (isBegin ? "B-" : "I-") + type.corpusLabel
    }

    public var description: String { label }

    /// Whether IOB2 allows `next` right after `previous` (`nil`: at the start of a sequence):
    /// `I-X` only after `B-X` or `I-X`; every other tag anywhere.
    public static func allows(_ previous: EntityTag?, _ next: EntityTag) -> Bool {
        guard next.isInside else { return true }
        guard let previous, !previous.isOutside else { return false }
        return previous.type == next.type
    }
}
