// SPDX-License-Identifier: GPL-2.0-or-later

import Logging
import ServiceLifecycle

/// The shared ledger's heartbeat as a swift-service-lifecycle `Service`: runs
/// ``PostgresLedger/maintain()`` until graceful shutdown, then releases this host's claims. In
/// the daemon's service group it comes after the `PostgresClient` and before the pipeline, so it
/// starts before the pipeline and stops after it has drained (and before the client closes).
public struct PostgresLeaseService: Service {
    public let ledger: PostgresLedger

    public init(ledger: PostgresLedger) {
        self.ledger = ledger
    }

    public func run() async throws {
        await ledger.maintain()
        await ledger.releaseClaims()
    }
}
