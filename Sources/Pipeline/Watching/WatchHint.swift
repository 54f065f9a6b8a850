// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// What a watch backend tells the intake. Hints, not a record: the intake re-checks everything.
public enum WatchHint: Sendable, Equatable {
    /// A file was closed after writing (`IN_CLOSE_WRITE`): take it once it has settled.
    case written(FilePath)
    /// A file was renamed into a watched directory (`IN_MOVED_TO`): complete, take it at once.
    case renamedIn(FilePath)
    /// A file's metadata changed (`IN_ATTRIB`): interesting only if it was unreadable before.
    case attributesChanged(FilePath)
    /// An entry was created (`IN_CREATE`) that is not a directory. A regular file is not taken on
    /// this alone (it is still being written); a symlink, FIFO or socket gets its failure record.
    case created(FilePath)
    /// A directory appeared (created or renamed in) and is now watched: scan it.
    case directoryAppeared(FilePath)
    /// The whole inbox must be rescanned.
    case rescan(RescanReason)
}

/// Why the inbox is rescanned; logged with the rescan.
public enum RescanReason: String, Sendable, Equatable {
    /// The watch is set and the daemon is starting.
    case startup
    /// The kernel's event queue overflowed (`IN_Q_OVERFLOW`, wd -1): events were lost.
    case overflow
    /// The inbox root was deleted, moved away or unmounted and is watched again.
    case rootReplaced = "root-replaced"
    /// The periodic safety net.
    case periodic
    /// The intake's backlog was full and dropped hints; it has drained and takes the next batch.
    case backlog
}
