// SPDX-License-Identifier: GPL-2.0-or-later

import Pipeline
import Synchronization

/// What the running daemon has done, fed with every processing-log entry (see
/// `ProcessingLog.observe`): totals since start, per-second counts over the last hour, failures by
/// code, the last document. Thread-safe; the clock is injected (whole seconds).
public final class ActivityTracker: Sendable {
    public struct Totals: Sendable, Equatable {
        public var documents = 0
        public var duplicates = 0
        public var failures = 0
        public var failuresByCode: [String: Int] = [:]
        public var lastDocument: StatusSnapshot.LastDocument?
        public var rescans: [String: Int] = [:]
    }

    private struct State {
        var totals = Totals()
        var window = ActivityWindow()
    }

    private let state = Mutex(State())
    private let clock: @Sendable () -> Int

    public init(clock: @escaping @Sendable () -> Int) { self.clock = clock }

    public func record(_ entry: ProcessingLogEntry) {
        let now = clock()
        state.withLock { state in
            switch entry.event {
            case "processed":
                state.totals.documents += 1
                state.totals.lastDocument = .init(path: entry.path ?? "", output: entry.output, at: entry.ts)
                state.window.record(.document, at: now)
            case "duplicate":
                state.totals.duplicates += 1
                state.window.record(.duplicate, at: now)
            case "failed":
                state.totals.failures += 1
                state.totals.failuresByCode[entry.result, default: 0] += 1
                state.window.record(.failure, at: now)
            case "rescan":
                state.totals.rescans[entry.result, default: 0] += 1
            default:
                break
            }
        }
    }

    public var totals: Totals { state.withLock { $0.totals } }

    /// Events of `kind` over the last `seconds` seconds.
    public func count(_ kind: ActivityWindow.Kind, lastSeconds seconds: Int) -> Int {
        let now = clock()
        return state.withLock { $0.window.count(kind, lastSeconds: seconds, now: now) }
    }
}
