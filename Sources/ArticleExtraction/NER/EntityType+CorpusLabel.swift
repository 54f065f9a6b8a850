// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

extension EntityType {
    /// The class label of ANERcorp and CoNLL files: `PERS`, `LOC`, `ORG`, `MISC`.
    public var corpusLabel: String {
        switch self {
        case .person: "PERS"
        case .location: "LOC"
        case .organization: "ORG"
        case .misc: "MISC"
        }
    }

    /// The type of a corpus class label (`PERS`, `LOC`, `ORG`, `MISC`; also `PER`), `nil` for others.
    public init?(corpusLabel: some StringProtocol) {
        switch corpusLabel {
        case "PERS", "PER": self = .person
        case "LOC": self = .location
        case "ORG": self = .organization
        case "MISC": self = .misc
        default: return nil
        }
    }

    /// Position in `allCases` (PERSON 0, LOCATION 1, ORGANIZATION 2, MISC 3): the class index of ``EntityTag``.
    public var classIndex: Int {
        switch self {
        case .person: 0
        case .location: 1
        case .organization: 2
        case .misc: 3
        }
    }
}
