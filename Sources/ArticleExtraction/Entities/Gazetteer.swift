// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Name lists keyed by the tokenizer's normalised, proclitic-stripped base forms, so that
/// `لطرابلس`, `وطرابلس` and `طرابلس` all hit the same entry.
///
/// Built from plain name lists (the project's derived resources and ``EntityCues``); building is
/// pure, loading the lists from disk is the caller's job (``GazetteerLoader``).
public struct Gazetteer: Sendable {
    /// Base-form key (`base` of each token joined by a space) -> the name as listed.
    public let locations: [String: String]
    public let organizations: [String: String]
    /// Normalised first names (whole words: names such as باسم or وليد start with proclitic letters).
    public let firstNames: Set<String>
    /// First names that are also common words; see ``EntityCues/ambiguousFirstNames``.
    public let ambiguousFirstNames: Set<String>
    public let personTitles: Set<String>
    public let organizationHeads: Set<String>
    public let directions: Set<String>
    public let stopWords: Set<String>
    public let speechVerbs: Set<String>
    public let nameParticles: Set<String>
    /// Longest key in tokens, over locations and organisations.
    public let longestKey: Int
    /// The same lists as integer-keyed tables, for the recogniser.
    let index: GazetteerIndex

    /// - Parameters:
    ///   - locations: place names as written (one or more words each).
    ///   - firstNames: Arabic first names.
    ///   - tokenizer: the tokenizer whose `base` forms the recogniser will look up.
    public init(locations: [String], firstNames: [String], tokenizer: Tokenizer) {
        func key(_ name: String) -> String {
            tokenizer.tokens(in: Array(name.unicodeScalars)).filter { $0.kind == .arabicWord || $0.kind == .latinWord }
                .map(\.base).joined(separator: " ")
        }
        // Cue words are looked up on the base form of a token, with ال and other proclitics off.
        let keyNoClitics = key
        let normalizer = tokenizer.normalizer
        let stop = Set(EntityCues.stopWords.map { normalizer.normalize($0) })
        var locationTable: [String: String] = [:]
        for name in EntityCues.extraLocations + locations {
            let k = key(name)
            // Keys of two letters or stop words (أن, الخميس as a village) would fire on function words.
            guard k.unicodeScalars.count >= 3, !stop.contains(k), !stop.contains(normalizer.normalize(name)) else {
                continue
            }
            // Several spellings share a key; keep the fullest (الإسكندرية over اسكندريه).
            if let kept = locationTable[k], kept.unicodeScalars.count >= name.unicodeScalars.count { continue }
            locationTable[k] = name
        }
        var organizationTable: [String: String] = [:]
        for name in EntityCues.knownOrganizations { organizationTable[key(name)] = name }
        self.locations = locationTable
        self.organizations = organizationTable
        self.firstNames = Set(firstNames.map { normalizer.normalize($0) }).subtracting(stop)
        // A title or an organisation head that is also in the first-name list (رئيس, أمير, رائد)
        // is ambiguous: it starts a name only after a title, never on its own (رئيس اللجنة).
        let cueWords = Set((EntityCues.personTitles + EntityCues.organizationHeads).map { normalizer.normalize($0) })
        ambiguousFirstNames = Set(EntityCues.ambiguousFirstNames.map { normalizer.normalize($0) })
            .union(self.firstNames.intersection(cueWords))
        personTitles = Set(EntityCues.personTitles.map(keyNoClitics))
        organizationHeads = Set(EntityCues.organizationHeads.map(keyNoClitics))
        directions = Set(EntityCues.directions.map(keyNoClitics))
        stopWords = stop
        speechVerbs = Set(EntityCues.speechVerbs.map { tokenizer.normalizer.normalize($0) })
        nameParticles = Set(EntityCues.nameParticles.map { tokenizer.normalizer.normalize($0) })
        longestKey =
            (Array(locationTable.keys) + Array(organizationTable.keys))
            .map { $0.split(separator: " ").count }.max() ?? 1
        index = GazetteerIndex(
            lists: [
                (stopWords, .stopWord), (speechVerbs, .speechVerb), (personTitles, .personTitle),
                (organizationHeads, .organizationHead), (directions, .direction), (self.firstNames, .firstName),
                (ambiguousFirstNames, .ambiguousFirstName), (nameParticles, .nameParticle),
            ],
            locations: locationTable, organizations: organizationTable)
    }
}
