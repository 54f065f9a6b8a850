// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Logging

/// A swift-log handler for stderr that journald understands: when stderr is the journal
/// (`$JOURNAL_STREAM` names stderr's device and inode, see systemd.exec(5)), each line starts with
/// the sd-daemon priority prefix (`<3>` error, `<4>` warning, `<5>` notice, `<6>` info, `<7>`
/// debug; sd-daemon(3)) and carries no timestamp (journald adds its own); otherwise lines are
/// plain, with a timestamp and the level.
///
/// Lines: `message key=value key=value`, metadata sorted by key; one `write(2)` per line.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let levelBox: LogLevelBox
    private let journal: Bool

    public var logLevel: Logger.Level {
        get { levelBox.level }
        set { levelBox.level = newValue }
    }

    /// `journal`: whether to write priority prefixes (see ``stderrIsJournal(environment:)``).
    public init(label: String, level: LogLevelBox, journal: Bool) {
        self.label = label
        self.levelBox = level
        self.journal = journal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let line = Self.format(
            level: event.level, message: "\(event.message)", metadata: all, journal: journal, date: Date())
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(2, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// One line, without its newline. Pure.
    public static func format(
        level: Logger.Level, message: String, metadata: Logger.Metadata, journal: Bool, date: Date
    ) -> String {
        let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted("\($0.value)"))" }
        let body = ([message.replacingOccurrences(of: "\n", with: " ")] + fields).joined(separator: " ")
        if journal { return "<\(priority(level))>" + body }
        return "\(Self.timestamp(date)) \(level.rawValue) watcherd: " + body
    }

    /// The syslog priority of `level` (sd-daemon(3)).
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Whether stderr is connected to the journal: `$JOURNAL_STREAM` is `device:inode` of fd 2.
    public static func stderrIsJournal(environment: [String: String]) -> Bool {
        guard let stream = environment["JOURNAL_STREAM"] else { return false }
        let parts = stream.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(2, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    private static func quoted(_ value: String) -> String {
        if !value.isEmpty, !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\n" }) {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }

    /// `2026-12-01T02:44:57.382Z`, through `gmtime_r` and `strftime` (cheap: one per log line).
    private static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        let milliseconds = min(999, Int((seconds - seconds.rounded(.down)) * 1000))
        var parts = tm()
        gmtime_r(&whole, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S", &parts)
        let millis = String(milliseconds)
        let text = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text + "." + String(repeating: "0", count: 3 - millis.count) + millis + "Z"
    }
}
