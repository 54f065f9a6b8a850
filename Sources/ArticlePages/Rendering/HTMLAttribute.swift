// SPDX-License-Identifier: GPL-2.0-or-later

/// An attribute of a generated element: a trusted name and an untrusted value (escaped when
/// written, always inside double quotes).
public struct HTMLAttribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// ` name="escaped value"`.
    public var html: String { " \(name)=\"\(HTMLEscaper.escape(value))\"" }
}
