// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// The daemon's directories, absolute. `archive` is `nil` when inputs are kept in the inbox.
public struct DirectoryLayout: Sendable, Equatable {
    public var inbox: FilePath
    public var output: FilePath
    public var archive: FilePath?
    public var failed: FilePath
    public var state: FilePath

    public init(inbox: FilePath, output: FilePath, archive: FilePath?, failed: FilePath, state: FilePath) {
        self.inbox = inbox
        self.output = output
        self.archive = archive
        self.failed = failed
        self.state = state
    }

    /// Each directory with the key that sets it, inbox first.
    public var named: [(key: ConfigurationKey, path: FilePath)] {
        [(.inbox, inbox), (.output, output)] + (archive.map { [(ConfigurationKey.archive, $0)] } ?? [])
            + [(.failed, failed), (.state, state)]
    }
}
