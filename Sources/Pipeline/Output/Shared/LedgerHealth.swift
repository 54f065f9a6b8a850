// SPDX-License-Identifier: GPL-2.0-or-later

/// What the daemon reports about its ledger in the status file and the metrics.
public struct LedgerHealth: Codable, Sendable, Equatable {
    /// `sqlite` or `postgresql`.
    public var backend: String
    /// The SQLite file, or the PostgreSQL URL without its password.
    public var location: String
    /// Whether the last attempt reached the ledger (always true for SQLite).
    public var reachable: Bool
    /// ISO 8601 UTC time the ledger became unreachable, while it is.
    public var unreachableSince: String?
    /// This daemon's id in the shared ledger (`hostname/pid/nonce`).
    public var host: String?
    /// Claims this host held at its last heartbeat.
    public var claims: Int?

    enum CodingKeys: String, CodingKey {
        case backend, location, reachable
        case unreachableSince = "unreachable_since"
        case host, claims
    }

    public init(
        backend: String, location: String, reachable: Bool, unreachableSince: String? = nil, host: String? = nil,
        claims: Int? = nil
    ) {
        self.backend = backend
        self.location = location
        self.reachable = reachable
        self.unreachableSince = unreachableSince
        self.host = host
        self.claims = claims
    }
}
