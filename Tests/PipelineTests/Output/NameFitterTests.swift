// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import Pipeline

@Suite("Name fitter")
struct NameFitterTests {
    @Test("a name within the limit is unchanged")
    func shortNameUnchanged() {
        let name = Array("تقرير.txt".utf8)
        #expect(NameFitter.fit(name, limit: 220) == name)
    }

    @Test("a long Arabic name is cut at a letter boundary and ends with ~ and 8 hex digits of its hash")
    func longNameFitted() {
        let name = Array((String(repeating: "وقف إطلاق النار في ليبيا ", count: 10) + ".txt").utf8)
        let fitted = NameFitter.fit(name, limit: 220)
        #expect(name.count > 220)
        #expect(fitted.count <= 220)
        #expect(String(validating: fitted, as: UTF8.self) != nil, "a UTF-8 sequence was split")
        let suffix = String(decoding: fitted.suffix(9), as: UTF8.self)
        #expect(suffix == "~" + InputFile.sha256Hex(name).prefix(8))
        #expect(Array(fitted.prefix(100)) == Array(name.prefix(100)))
    }

    @Test("two long names with the same first bytes stay distinct")
    func distinctAfterFitting() {
        let stem = Array(String(repeating: "L", count: 300).utf8)
        #expect(
            NameFitter.fit(stem + Array("a".utf8), limit: 220) != NameFitter.fit(stem + Array("b".utf8), limit: 220))
    }
}
