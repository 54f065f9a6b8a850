// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The name lists a word form is in, for the model's gazetteer features. Built at training time
/// from the project's lists (`Resources/gazetteer`: GeoNames places, Faker first names) and, when
/// given, the shared lists (GeoNames cities, world_countries names, Faker first and last names),
/// and stored in the model. Part of the model file format.
struct NERGazetteerFlags: OptionSet, Sendable {
    let rawValue: UInt16

    /// An Arabic first name.
    static let firstName = NERGazetteerFlags(rawValue: 1 << 0)
    /// An Arabic family name.
    static let lastName = NERGazetteerFlags(rawValue: 1 << 1)
    /// A place name of one word.
    static let location = NERGazetteerFlags(rawValue: 1 << 2)
    /// A country name of one word.
    static let country = NERGazetteerFlags(rawValue: 1 << 3)
    /// A word of a place name of several words.
    static let locationPart = NERGazetteerFlags(rawValue: 1 << 4)
    /// An organisation known by a bare name of one word.
    static let organization = NERGazetteerFlags(rawValue: 1 << 5)
    /// A word of an organisation name of several words.
    static let organizationPart = NERGazetteerFlags(rawValue: 1 << 6)
    /// A place of the GeoNames lists that the curated lists do not hold (noisier).
    static let minorPlace = NERGazetteerFlags(rawValue: 1 << 7)

    /// Every flag, in bit order (for feature templates).
    static let all: [NERGazetteerFlags] = (0..<8).map { NERGazetteerFlags(rawValue: 1 << $0) }
}
