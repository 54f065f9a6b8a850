// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Where the ledger lives, from the `ledger` setting: `""` or `"sqlite"` for the single-host
/// SQLite file in the state directory (the default), or a PostgreSQL URL
/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]` (scheme
/// `postgres` or `postgresql`, as libpq spells it; port 5432 by default; `sslmode` `disable` by
/// default) for a ledger shared by several hosts. Pure: parsing only.
public enum LedgerLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite
    case postgres(PostgresLocation)

    /// A parsed PostgreSQL URL.
    public struct PostgresLocation: Sendable, Equatable {
        public enum TLSMode: String, Sendable, Equatable {
            case disable, prefer, require
        }
        public var host: String
        public var port: Int
        public var user: String
        public var password: String?
        public var database: String
        public var tls: TLSMode

        public init(host: String, port: Int, user: String, password: String?, database: String, tls: TLSMode) {
            self.host = host
            self.port = port
            self.user = user
            self.password = password
            self.database = database
            self.tls = tls
        }

        /// `user@host:port/database`, never the password: for logs and the status.
        public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }
    }

    /// Why a `ledger` value is not usable.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses a `ledger` value.
    ///
    /// - Throws: ``ParseError`` naming what is wrong (scheme, host, user, database, port, sslmode).
    public static func parse(_ text: String) throws(ParseError) -> LedgerLocation {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "sqlite" { return .sqlite }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw ParseError(message: "\"\(text)\" is neither \"sqlite\" nor a postgres://user@host:port/database URL")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw ParseError(message: "unknown scheme \"\(scheme)\": use postgres://user@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ParseError(message: "the URL names no host: postgres://user@host:port/database")
        }
        guard let user = components.user, !user.isEmpty else {
            throw ParseError(message: "the URL names no user: postgres://user@host:port/database")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw ParseError(message: "the URL names no database: postgres://user@host:port/database")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw ParseError(message: "port \(port) is out of range") }
        var tls = PostgresLocation.TLSMode.disable
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw ParseError(message: "unknown URL parameter \"\(item.name)\" (only sslmode is understood)")
            }
            guard let mode = item.value.flatMap(PostgresLocation.TLSMode.init(rawValue:)) else {
                throw ParseError(message: "sslmode must be disable, prefer or require")
            }
            tls = mode
        }
        return .postgres(
            PostgresLocation(
                host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: port,
                user: components.percentEncodedUser?.removingPercentEncoding ?? user,
                password: components.percentEncodedPassword?.removingPercentEncoding, database: database, tls: tls))
    }

    public var isShared: Bool { self != .sqlite }

    public var description: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres(let location): location.redacted
        }
    }
}
