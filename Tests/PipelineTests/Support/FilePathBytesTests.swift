// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage
import Testing

@testable import Pipeline

@Suite("FilePath bytes")
struct FilePathBytesTests {
    @Test("relative(to:) compares whole components")
    func relativeIsComponentWise() {
        let inbox = FilePath("/srv/inbox")
        #expect(FilePath("/srv/inbox/a/b.txt").relative(to: inbox) == FilePath("a/b.txt"))
        #expect(FilePath("/srv/inbox").relative(to: inbox) == FilePath())
        #expect(FilePath("/srv/inbox2/a.txt").relative(to: inbox) == nil)
        #expect(FilePath("/srv/in").relative(to: inbox) == nil)
        #expect(FilePath("/etc/passwd").relative(to: inbox) == nil)
        #expect(FilePath("/a/b").relative(to: FilePath("/")) == FilePath("a/b"))
    }

    @Test("names that are not UTF-8 survive a round trip and a relative path")
    func rawBytesRoundTrip() {
        let name: [UInt8] = [0x61, 0xE9, 0x0A, 0x62]
        let path = FilePath("/srv/inbox").appending(nameBytes: name)
        #expect(path.bytes == Array("/srv/inbox/".utf8) + name)
        #expect(path.lastComponentBytes == name)
        #expect(path.relative(to: FilePath("/srv/inbox"))?.bytes == name)
    }
}
