// SPDX-License-Identifier: GPL-2.0-or-later

/// A document as the shared ledger stores it beside its `done` row (`watcherd.documents`, when
/// `ledger_documents` is on): the JSON bytes exactly as written to the output tree.
public struct LedgerDocument: Sendable, Equatable {
    /// Lower-case hex SHA-256 of the input; the row's id is `sha256:<hex>`, as the document's `id`.
    public var sha256: String
    /// Inbox-relative escaped path of the input (`source.path`).
    public var sourcePath: String
    /// The document, UTF-8 JSON.
    public var json: [UInt8]

    public init(sha256: String, sourcePath: String, json: [UInt8]) {
        self.sha256 = sha256
        self.sourcePath = sourcePath
        self.json = json
    }
}
