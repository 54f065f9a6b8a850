/// The record of what was processed, keyed by content (SHA-256), never by inode, path or mtime.
///
/// Kept behind a protocol so that several hosts can later share one ledger in PostgreSQL (a host
/// claims content by inserting its hash); ``SQLiteLedger`` is the single-host implementation.
public protocol Ledger: Sendable {
    /// The entry for `sha256`, or `nil` when the content was never seen.
    func entry(for sha256: String) throws -> LedgerEntry?
    /// Inserts or replaces the entry for `entry.sha256`, keeping the first `firstSeen`.
    func record(_ entry: LedgerEntry) throws
    /// ``record(_:)`` for several entries in one transaction: all are recorded, or none.
    func record(_ entries: [LedgerEntry]) throws
    /// Number of entries.
    func count() throws -> Int
}
