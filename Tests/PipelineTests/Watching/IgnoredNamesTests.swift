// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import Pipeline

struct IgnoredNamesTests {
    @Test(
        "dot-files and temporary names are ignored", arguments: [".x.txt", "x.part", "x.tmp", "x~", ".x.swp", "y.swp"])
    func temporaryNamesIgnored(name: String) {
        #expect(IgnoredNames.isIgnored(Array(name.utf8)))
    }

    @Test("plain names are taken", arguments: ["x.txt", "news.json", "تقرير.html", "partial", "tmp.txt"])
    func plainNamesTaken(name: String) {
        #expect(!IgnoredNames.isIgnored(Array(name.utf8)))
    }
}
