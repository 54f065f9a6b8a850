// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Operations
import Pipeline
import Testing

/// The ledger keys: `ledger` (sqlite or a PostgreSQL URL), the lease and heartbeat periods, and
/// `ledger_documents`, as `watcherd validate` and `run` check them.
struct LedgerConfigurationTests {
    static func parse(_ text: String) throws(ConfigurationError) -> ServiceConfiguration {
        ServiceConfiguration(
            file: "w.toml",
            fileValues: try ConfigurationFile.parse(text, file: "w.toml", baseDirectory: "/etc/watcherd"))
    }

    @Test("the default ledger is SQLite with a 30 s lease and a 5 s heartbeat; a postgres URL makes it shared")
    func defaultsAndURL() throws {
        let plain = try Self.parse("")
        #expect(plain.ledgerLocation == .sqlite)
        #expect(plain.leaseSettings == .init(leaseMs: 30_000, heartbeatMs: 5_000))
        #expect(plain.ledgerProblems().isEmpty)
        let shared = try Self.parse(
            "ledger = \"postgres://news@db:5433/watcherd\"\nledger_lease_seconds = 12\nledger_heartbeat_seconds = 3\n"
                + "ledger_documents = true\n")
        guard case .postgres(let location) = shared.ledgerLocation else {
            Issue.record("not shared")
            return
        }
        #expect(location.host == "db" && location.port == 5433 && location.database == "watcherd")
        #expect(shared.leaseSettings == .init(leaseMs: 12_000, heartbeatMs: 3_000))
        #expect(shared.boolean(.ledgerDocuments))
        #expect(shared.ledgerProblems().isEmpty)
    }

    @Test("a bad ledger URL is refused with its line and the reason")
    func badURL() {
        do {
            _ = try Self.parse("settle_ms = 50\nledger = \"postgres://db/watcherd\"\n")
            Issue.record("accepted")
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "w.toml:2: ledger: the URL names no user: postgres://user@host:port/database"
                ])
            #expect(error.problems.first?.code == "bad-ledger")
        }
    }

    @Test("a heartbeat longer than half the lease, and documents without PostgreSQL, are problems named at their keys")
    func crossChecks() throws {
        let configuration = try Self.parse(
            "ledger_lease_seconds = 10\nledger_heartbeat_seconds = 6\nledger_documents = true\n")
        let problems = configuration.ledgerProblems()
        #expect(problems.map(\.code) == ["lease-too-short", "documents-need-postgres"])
        #expect(problems.first?.line == 2 && problems.first?.key == "ledger_heartbeat_seconds")
        #expect(problems.last?.line == 3)
    }
}
