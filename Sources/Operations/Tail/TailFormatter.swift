// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Pipeline

/// One processing-log entry as a readable line for `watcherd tail`, coloured (ANSI) when asked:
///
///     2026-11-29 10:04:43.120  processed  news/a.txt -> news/a.txt.json  12.3 ms
///     2026-11-29 10:04:44.001  failed     bin/x.txt  read/binary: looks like binary data
///
/// Pure.
public enum TailFormatter {
    public static func line(_ entry: ProcessingLogEntry, colour: Bool) -> String {
        let time = entry.ts.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
        let event = entry.event.padding(toLength: 9, withPad: " ", startingAt: 0)
        var detail: String
        switch entry.event {
        case "processed":
            detail = (entry.path ?? "?") + (entry.output.map { " -> \($0)" } ?? "")
        case "duplicate":
            detail = (entry.path ?? "?") + " (same content as " + (entry.output ?? "an earlier document") + ")"
        case "rescan":
            detail = "\(entry.result): \(entry.count ?? 0) new"
        default:
            detail = (entry.path ?? "") + "  \(entry.stage ?? "?")/\(entry.result)"
            if let error = entry.error { detail += ": " + error }
        }
        if let ms = entry.ms, entry.event != "rescan" {
            detail += "  " + ms.formatted(.number.precision(.fractionLength(1))) + " ms"
        }
        let text = "\(time)  \(event)  \(detail)"
        guard colour else { return text }
        let code: String
        switch (entry.event, entry.level) {
        case ("processed", _): code = "32"  // green
        case ("failed", _), (_, "error"): code = "31"  // red
        case (_, "warning"): code = "33"  // yellow
        default: code = "2"  // dim
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
