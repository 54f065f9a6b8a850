// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Logging
import Operations
import Testing

/// stderr lines carry sd-daemon priorities only when stderr is the journal.
struct JournalLogHandlerTests {
    let date = Date(timeIntervalSince1970: 1_764_547_200)

    @Test("under the journal: <3> errors, <4> warnings, <5> notices, <6> info, no timestamp; metadata sorted")
    func journalPrefixes() {
        func line(_ level: Logger.Level) -> String {
            JournalLogHandler.format(
                level: level, message: "article failed", metadata: ["path": "a b.txt", "code": "binary"],
                journal: true, date: date)
        }
        #expect(line(.error) == "<3>article failed code=binary path=\"a b.txt\"")
        #expect(line(.warning).hasPrefix("<4>article failed"))
        #expect(line(.notice).hasPrefix("<5>"))
        #expect(line(.info).hasPrefix("<6>"))
        #expect(line(.debug).hasPrefix("<7>"))
        #expect(line(.critical).hasPrefix("<2>"))
    }

    @Test("plain text elsewhere: timestamp, level, no prefix; a newline in a message cannot split the line")
    func plain() {
        let line = JournalLogHandler.format(
            level: .warning, message: "two\nlines", metadata: [:], journal: false, date: date)
        #expect(line == "2025-12-01T00:00:00.000Z warning watcherd: two lines")
    }

    @Test("JOURNAL_STREAM must name stderr's own device and inode")
    func journalStreamMatch() {
        var info = stat()
        #expect(fstat(2, &info) == 0)
        #expect(JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino)"]))
        #expect(
            !JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino + 1)"]))
        #expect(!JournalLogHandler.stderrIsJournal(environment: [:]))
        #expect(!JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "junk"]))
    }

    @Test("the shared level box changes the level of loggers already made")
    func liveLevel() {
        let box = LogLevelBox(.info)
        let handler = JournalLogHandler(label: "t", level: box, journal: false)
        #expect(handler.logLevel == .info)
        box.level = .debug
        #expect(handler.logLevel == .debug)
    }
}
