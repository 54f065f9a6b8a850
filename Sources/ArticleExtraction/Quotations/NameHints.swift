// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// What tells ``SpeakerResolver`` that a word can start a person's name that the entity recogniser
/// missed: a list of known first names (normalised), or rarity in the background corpus (a word in
/// fewer than ``rareBelow`` documents of ``DocumentFrequencies`` is more likely a name than a common
/// noun such as أسماء or مدى).
public struct NameHints: Sendable {
    public let firstNames: Set<String>
    public let frequencies: DocumentFrequencies?
    public let rareBelow: Int32
    /// Words of time (الأشهر، الماضية، الخميس), which neither name nor describe a speaker.
    public let dates: DateLexicon?

    /// No hints: only known entity mentions name speakers.
    public static let none = NameHints(firstNames: [], frequencies: nil)

    public init(
        firstNames: Set<String>, frequencies: DocumentFrequencies?, dates: DateLexicon? = nil, rareBelow: Int32 = 150
    ) {
        self.firstNames = firstNames
        self.frequencies = frequencies
        self.dates = dates
        self.rareBelow = rareBelow
    }

    /// `base` is a month, weekday, unit of time, deictic adjective or relative day.
    func isDateWord(_ base: String) -> Bool {
        guard let e = dates?.entry(base) else { return false }
        return e.gregorianMonth != nil || e.weekday != nil || e.unit != nil || e.direction != nil
            || e.dayOffset != nil || e.vagueAdverb
    }

    /// `normalized` is a known first name.
    func isFirstName(_ normalized: String) -> Bool { firstNames.contains(normalized) }

    /// The stem occurs in fewer than `below` (default ``rareBelow``) background documents.
    func isRare(_ stem: String, below: Int32? = nil) -> Bool {
        guard let frequencies else { return false }
        return frequencies.count(TermKey(stem)) < (below ?? rareBelow)
    }

    /// The first names listed one per line in `directory/gazetteer/person-first-names.txt` (the
    /// entity gazetteer's list; `#` lines skipped), normalised with `normalizer`.
    ///
    /// - Throws: ``ResourceError`` when the file cannot be read.
    public static func firstNames(from directory: String, normalizer: ArabicNormalizer) throws(ResourceError) -> Set<
        String
    > {
        let path = directory + "/gazetteer/person-first-names.txt"
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ResourceError(path: path, cause: "\(error.localizedDescription)")
        }
        return Set(
            text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map {
                normalizer.normalize(String($0))
            })
    }
}
