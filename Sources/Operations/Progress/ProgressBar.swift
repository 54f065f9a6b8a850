// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// The progress line of `watcherd process` on a terminal:
/// `[#########...........]  45/100 files  12.3/s  1 failed  ETA 4 s`. Pure.
public enum ProgressBar {
    public static func line(done: Int, total: Int, failures: Int, elapsedSeconds: Double, width: Int = 24) -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0
        var text = "[\(bar)] \(done)/\(total) files  \(format(rate))/s"
        if failures > 0 { text += "  \(failures) failed" }
        if rate > 0, done < total { text += "  ETA \(Int((Double(total - done) / rate).rounded(.up))) s" }
        return text
    }

    /// The line printed once at the end.
    public static func summary(done: Int, failures: Int, elapsedSeconds: Double) -> String {
        let rate = elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0
        return "processed \(done) files in \(format(elapsedSeconds)) s (\(format(rate))/s), \(failures) failed"
    }

    private static func format(_ value: Double) -> String { value.formatted(.number.precision(.fractionLength(1))) }
}
