// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Operations
import Pipeline

/// The progress bar of `watcherd process` (``ProgressBar``), redrawn on stderr at most ten times a
/// second, and the summary line at the end; only when stderr is a terminal. When stdout is the
/// same terminal, the bar is cleared before each document line.
final class ProgressReporter {
    private let total: Int
    private let enabled: Bool
    private let stdoutIsTerminal: Bool
    private let started = System.monotonicNanoseconds()
    private var lastDrawn: UInt64 = 0
    private(set) var done = 0
    private(set) var failures = 0

    init(total: Int) {
        self.total = total
        enabled = isatty(2) == 1
        stdoutIsTerminal = isatty(1) == 1
    }

    private var elapsed: Double { Double(System.monotonicNanoseconds() - started) / 1e9 }

    /// Before a document is written to stdout.
    func willWriteOutput() {
        if enabled, stdoutIsTerminal { write("\r\u{1B}[K") }
    }

    /// Before a message is written to stderr.
    func clearBar() {
        if enabled { write("\r\u{1B}[K") }
    }

    func finished(failed: Bool) {
        done += 1
        if failed { failures += 1 }
        guard enabled else { return }
        let now = System.monotonicNanoseconds()
        guard now - lastDrawn >= 100_000_000 || done == total else { return }
        lastDrawn = now
        write("\r\u{1B}[K" + ProgressBar.line(done: done, total: total, failures: failures, elapsedSeconds: elapsed))
    }

    /// The summary line (replacing the bar).
    func end() {
        guard enabled else { return }
        write("\r\u{1B}[K" + ProgressBar.summary(done: done, failures: failures, elapsedSeconds: elapsed) + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
