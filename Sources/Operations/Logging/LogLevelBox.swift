// SPDX-License-Identifier: GPL-2.0-or-later

import Logging
import Synchronization

/// The stderr log level, shared by every ``JournalLogHandler`` so that a reload (SIGHUP) changes
/// it for loggers already made.
public final class LogLevelBox: Sendable {
    private let raw: Atomic<Int>
    private static let levels = Logger.Level.allCases

    public init(_ level: Logger.Level) { raw = Atomic(Self.levels.firstIndex(of: level) ?? 2) }

    public var level: Logger.Level {
        get { Self.levels[raw.load(ordering: .relaxed)] }
        set { raw.store(Self.levels.firstIndex(of: newValue) ?? 2, ordering: .relaxed) }
    }
}
