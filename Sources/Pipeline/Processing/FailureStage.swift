// SPDX-License-Identifier: GPL-2.0-or-later

/// The pipeline stage an article failed in: `stage` in failure records and the processing log.
public enum FailureStage: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Opening and reading the input.
    case read
    /// Bytes to text.
    case decode
    /// Format parsing (plain, HTML, JSON).
    case parse
    /// The analyzers and the document's encoding.
    case extract
    /// Writing the document and finalising the input.
    case write
    /// Claiming the content in, or recording it into, a shared ledger.
    case ledger

    /// The raw value, so that interpolation writes the stable name.
    public var description: String { rawValue }
}
