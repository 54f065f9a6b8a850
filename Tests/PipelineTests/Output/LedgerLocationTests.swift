// SPDX-License-Identifier: GPL-2.0-or-later

import Pipeline
import Testing

struct LedgerLocationTests {
    @Test("sqlite and the empty string mean the single-host ledger; a postgres URL is parsed with defaults")
    func parses() throws {
        #expect(try LedgerLocation.parse("") == .sqlite)
        #expect(try LedgerLocation.parse("sqlite") == .sqlite)
        let location = try LedgerLocation.parse("postgres://news@db.example:6543/watcherd")
        #expect(
            location
                == .postgres(
                    .init(
                        host: "db.example", port: 6543, user: "news", password: nil, database: "watcherd",
                        tls: .disable)))
        guard case .postgres(let full) = try LedgerLocation.parse("postgresql://u:p%40ss@10.0.0.5/db?sslmode=require")
        else {
            Issue.record("not a postgres location")
            return
        }
        #expect(full.port == 5432 && full.password == "p@ss" && full.tls == .require)
        #expect(full.redacted == "postgres://u@10.0.0.5:5432/db", "no password in logs")
        #expect(location.isShared && !LedgerLocation.sqlite.isShared)
    }

    @Test("a URL without user, host or database, with another scheme or an unknown parameter is refused, saying which")
    func refuses() {
        let cases: [(String, String)] = [
            ("mysql://u@h/db", "unknown scheme"), ("postgres://h/db", "no user"), ("postgres://u@h", "no database"),
            ("postgres://u@h/db?ssl=1", "unknown URL parameter"), ("postgres://u@h/db?sslmode=verify", "sslmode"),
            ("ledger.sqlite", "neither"),
        ]
        for (text, expected) in cases {
            do {
                _ = try LedgerLocation.parse(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.message.contains(expected), "\(text): \(error.message)")
            }
        }
    }
}
