// SPDX-License-Identifier: GPL-2.0-or-later

/// The answer of ``Ledger/claim(_:path:)``: whether this host may process the content.
public enum ClaimResult: Sendable, Equatable {
    /// This host holds the claim: it reads on, writes the document and moves the input; `done` or
    /// `failed` ends the claim.
    case claimed
    /// The content has its document already (`done`): the input is a duplicate.
    case recorded(LedgerEntry)
    /// Another host holds the content (or has just finished it and is moving the input): leave
    /// the path alone and look again after `retryAfterMs`.
    case wait(retryAfterMs: Int, holder: String)
}
