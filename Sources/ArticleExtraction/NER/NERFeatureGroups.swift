// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The feature groups of the model, switchable at training time (`watcherd ner train --groups`)
/// to measure what each adds; the groups a model was trained with are stored in it.
///
/// The lexical group (the token's forms, proclitics and shape, and the forms of two tokens on each
/// side) is always on. Part of the model file format.
public struct NERFeatureGroups: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Prefixes and suffixes of one to four letters of the clitic-stripped form.
    public static let affixes = NERFeatureGroups(rawValue: 1 << 0)
    /// Letter trigrams of the clitic-stripped form, with word-boundary marks.
    public static let trigrams = NERFeatureGroups(rawValue: 1 << 1)
    /// Gazetteer lists (names of places, people, organisations), for the token and its neighbours.
    public static let gazetteer = NERFeatureGroups(rawValue: 1 << 2)
    /// Hand-written cue words (titles, organisation heads, reporting verbs, stop words).
    public static let cues = NERFeatureGroups(rawValue: 1 << 3)
    /// How the word was tagged in the training data (cross-validated for training tokens).
    public static let seen = NERFeatureGroups(rawValue: 1 << 4)
    /// Word clusters learnt from unlabelled text, at several granularities.
    public static let clusters = NERFeatureGroups(rawValue: 1 << 5)
    /// Frequency bucket of the word in the text the lexicon counted.
    public static let frequency = NERFeatureGroups(rawValue: 1 << 6)
    /// The second stage: the first stage's tags of the token, its neighbours and the other
    /// occurrences of the word in the article.
    public static let document = NERFeatureGroups(rawValue: 1 << 7)
    /// The tags the gazetteer and rule recogniser (``GazetteerEntityRecognizer``) gives the token and its
    /// neighbours (the model then needs the gazetteer at run time).
    public static let rules = NERFeatureGroups(rawValue: 1 << 8)

    /// Every group.
    public static let all: NERFeatureGroups = [
        .affixes, .trigrams, .gazetteer, .cues, .seen, .clusters, .frequency, .document, .rules,
    ]

    /// Names as given on the command line, in bit order.
    public static let names: [(String, NERFeatureGroups)] = [
        ("affixes", .affixes), ("trigrams", .trigrams), ("gazetteer", .gazetteer), ("cues", .cues),
        ("seen", .seen), ("clusters", .clusters), ("frequency", .frequency), ("document", .document),
        ("rules", .rules),
    ]

    /// Parses a comma-separated list of names (`all` for every group, `none` for the lexical group only).
    public init?(list: String) {
        var groups: NERFeatureGroups = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: " ") }) where !name.isEmpty {
            if name == "all" {
                groups.formUnion(.all)
            } else if name == "none" {
                continue
            } else if let found = Self.names.first(where: { $0.0 == name }) {
                groups.insert(found.1)
            } else {
                return nil
            }
        }
        self = groups
    }

    /// `lexical` and the names of the groups on, comma-separated.
    public var listDescription: String {
        (["lexical"] + Self.names.filter { contains($0.1) }.map(\.0)).joined(separator: ",")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
