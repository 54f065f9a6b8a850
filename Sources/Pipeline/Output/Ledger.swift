// SPDX-License-Identifier: GPL-2.0-or-later

/// The record of what was processed, keyed by content (SHA-256), never by inode, path or mtime.
///
/// ``SQLiteLedger`` is the single-host implementation (its claims are trivial: one daemon per
/// state directory and inbox); ``PostgresLedger`` is shared by several hosts on one inbox: a host
/// claims content before it processes it (``claim(_:path:)``), holds the claim with a lease that
/// its heartbeat renews, and records `done` or `failed` in the transaction that ends the claim.
///
/// Calls are synchronous: the engine makes them from its Dispatch queues (never from a SwiftNIO
/// event loop). A shared ledger that cannot be reached throws ``LedgerUnavailable``.
public protocol Ledger: Sendable {
    /// The entry for `sha256`, or `nil` when the content was never seen.
    func entry(for sha256: String) throws -> LedgerEntry?
    /// Inserts or replaces the entry for `entry.sha256`, keeping the first `firstSeen`.
    func record(_ entry: LedgerEntry) throws
    /// ``record(_:)`` for several entries in one transaction: all are recorded, or none. A shared
    /// ledger ends this host's claims on the entries' contents in the same transaction.
    func record(_ entries: [LedgerEntry]) throws
    /// Number of entries.
    func count() throws -> Int

    /// Whether several hosts share this ledger (and the inbox): claims and leases matter.
    var isShared: Bool { get }
    /// Claims `sha256` (found at the inbox-relative escaped `path`) for this host: `.claimed` when
    /// this host may process it, `.recorded` when the content is `done` already, `.wait` when
    /// another live host holds it. Taking over the claim of a host whose lease expired is part of
    /// the claim.
    func claim(_ sha256: String, path: String) throws -> ClaimResult
    /// Before reading `path`: `.wait` when another live host holds a claim on that path, else `nil`.
    func claimOnPath(_ path: String) throws -> ClaimResult?
    /// ``record(_:)`` with the documents of the `done` entries, stored in the same transaction
    /// when the ledger keeps documents (``storesDocuments``); other ledgers ignore them.
    func record(_ entries: [LedgerEntry], documents: [LedgerDocument]) throws
    /// Whether ``record(_:documents:)`` stores documents.
    var storesDocuments: Bool { get }
    /// Whether this host's lease on its claims is current (its last heartbeat reached the ledger
    /// recently enough that no other host can have taken its claims over). Documents are written
    /// only while it is.
    var holdsLease: Bool { get }
    /// Reachability and identity, for the status and the metrics.
    var health: LedgerHealth { get }
    /// Calls `observer` (on any thread) whenever the ledger becomes reachable (`true`) or
    /// unreachable (`false`); at once with the current state.
    func observeReachability(_ observer: @escaping @Sendable (Bool) -> Void)
}

extension Ledger {
    public func record(_ entry: LedgerEntry) throws { try record([entry]) }

    /// One host: no claims to take; the content is `.recorded` when it is done, else `.claimed`.
    public var isShared: Bool { false }

    public func claim(_ sha256: String, path: String) throws -> ClaimResult {
        if let entry = try entry(for: sha256), entry.status == .done { return .recorded(entry) }
        return .claimed
    }

    public func claimOnPath(_ path: String) throws -> ClaimResult? { nil }

    public func record(_ entries: [LedgerEntry], documents: [LedgerDocument]) throws { try record(entries) }

    public var storesDocuments: Bool { false }

    public var holdsLease: Bool { true }

    public func observeReachability(_ observer: @escaping @Sendable (Bool) -> Void) { observer(true) }
}
