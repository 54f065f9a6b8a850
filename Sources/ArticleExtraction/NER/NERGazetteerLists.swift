// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Name lists for the model's gazetteer features, as plain strings (read by the caller from the
/// project's `Resources/gazetteer` and, when given, `../shared/data/gazetteers`).
public struct NERGazetteerLists: Sendable {
    public var firstNames: [String] = []
    public var lastNames: [String] = []
    /// Curated place names: the project's list, country names, capitals, big cities.
    public var locations: [String] = []
    public var countries: [String] = []
    /// Other places (GeoNames cities and villages): noisier.
    public var minorPlaces: [String] = []
    public var organizations: [String] = []
    /// Where the lists came from, one line each (for the model's notes).
    public var sources: [String] = []

    public init() {}

    /// Entries over all lists.
    public var count: Int {
        firstNames.count + lastNames.count + locations.count + countries.count + minorPlaces.count
            + organizations.count
    }
}
