// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// Why one article could not be turned into a document. A value, not a crash: it is logged,
/// written next to the failed input as `<name>.error.json`, and the daemon goes on.
public struct ArticleFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable machine-readable code (its raw value is what records and logs carry).
    public let code: FailureCode
    /// Pipeline stage that failed.
    public let stage: FailureStage
    /// The input, relative to the inbox and escaped with ``PathEscaper``.
    public let path: String
    /// Human-readable cause.
    public let cause: String
    /// Whether retrying later can succeed (disk full, EMFILE, EIO...). Permanent failures move the
    /// input to `failed/`; temporary ones keep it in the inbox and retry with backoff.
    public let isTemporary: Bool

    public init(code: FailureCode, stage: FailureStage, path: String, cause: String, isTemporary: Bool = false) {
        self.code = code
        self.stage = stage
        self.path = path
        self.cause = cause
        self.isTemporary = isTemporary
    }

    public var description: String { "\(stage.rawValue)/\(code.rawValue): \(path): \(cause)" }

    /// Errno values that describe the machine, not the article: retry later.
    public static func isTemporary(_ errno: Errno) -> Bool {
        [
            .noSpace, .diskQuotaExceeded, .ioError, .tooManyOpenFiles, .noMemory, .resourceTemporarilyUnavailable,
            .interrupted, .permissionDenied, .readOnlyFileSystem, .staleNFSFileHandle,
        ]
        .contains(errno) || errno.rawValue == 23  // ENFILE
    }
}
