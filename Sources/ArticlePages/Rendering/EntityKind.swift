// SPDX-License-Identifier: GPL-2.0-or-later

/// The entity types of the documents (`PERSON`, `LOCATION`, `ORGANIZATION`, `MISC`) as the pages
/// show them: a CSS class, a legend label and a colour.
public enum EntityKind: String, CaseIterable, Sendable {
    case person = "PERSON"
    case location = "LOCATION"
    case organization = "ORGANIZATION"
    case misc = "MISC"

    /// The kind of a document's `type` string; unknown types show as ``misc``.
    public init(type: String) {
        self = EntityKind(rawValue: type) ?? .misc
    }

    /// CSS class of its highlights.
    public var cssClass: String {
        switch self {
        case .person: "per"
        case .location: "loc"
        case .organization: "org"
        case .misc: "misc"
        }
    }

    public var label: String {
        switch self {
        case .person: "person"
        case .location: "place"
        case .organization: "organisation"
        case .misc: "other name"
        }
    }

    /// Background colour (CSS hex) of its highlights and bars.
    public var colour: String {
        switch self {
        case .person: "#ffd29d"
        case .location: "#b9f2b0"
        case .organization: "#a9c8ff"
        case .misc: "#e2c7fb"
        }
    }
}
