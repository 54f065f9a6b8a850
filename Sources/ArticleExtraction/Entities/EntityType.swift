// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The four ANERcorp / CoNLL entity classes, spelled as in the output document.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person = "PERSON"
    case location = "LOCATION"
    case organization = "ORGANIZATION"
    case misc = "MISC"
}
