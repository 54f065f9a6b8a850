// SPDX-License-Identifier: GPL-2.0-or-later

/// A configuration value as written in the file or on the command line.
public enum ConfigurationValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case boolean(Bool)
    case string(String)

    public var description: String {
        switch self {
        case .integer(let value): "\(value)"
        case .boolean(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        }
    }
}
