// SPDX-License-Identifier: GPL-2.0-or-later

/// The shared ledger cannot be reached (no connection, no answer in time, the server shutting
/// down): a temporary condition. The article stays in the inbox and is retried; the intake pauses
/// until the ledger is reachable again. Stable code: `ledger-unavailable`.
public struct LedgerUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    public static let code = "ledger-unavailable"
    /// The ledger, without credentials (`postgres://user@host:port/db`).
    public var location: String
    /// What failed.
    public var cause: String

    public init(location: String, cause: String) {
        self.location = location
        self.cause = cause
    }

    public var description: String { "\(Self.code): \(location): \(cause)" }
}
