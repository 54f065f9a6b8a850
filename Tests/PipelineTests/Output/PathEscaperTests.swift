// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import Pipeline

struct PathEscaperTests {
    @Test("printable UTF-8 names pass through unchanged")
    func printableNamesUnchanged() {
        #expect(PathEscaper.escape(Array("ليبيا/خبر 1.txt".utf8)) == "ليبيا/خبر 1.txt")
    }

    @Test("an invalid byte, a newline and % become %XX and come back byte for byte")
    func escapesAreLossless() {
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt\nx%y".utf8)
        let escaped = PathEscaper.escape(name)
        #expect(escaped == "caf%E9.txt%0Ax%25y")
        #expect(PathEscaper.unescape(escaped) == name)
    }

    @Test("overlong and surrogate encodings are escaped, not decoded")
    func malformedSequencesEscaped() {
        #expect(PathEscaper.escape([0xC0, 0xAF]) == "%C0%AF")
        #expect(PathEscaper.escape([0xED, 0xA0, 0x80]) == "%ED%A0%80")
    }

    @Test("invisible format characters (U+202E, U+FEFF, U+200B) become %XX per byte and come back")
    func formatCharactersEscaped() {
        let name = Array("txt.\u{202E}exe\u{FEFF}a\u{200B}b".utf8)
        let escaped = PathEscaper.escape(name)
        #expect(escaped == "txt.%E2%80%AEexe%EF%BB%BFa%E2%80%8Bb")
        #expect(PathEscaper.unescape(escaped) == name)
        #expect(PathEscaper.escape(Array("خبر.txt".utf8)) == "خبر.txt")
    }

    @Test("a truncated escape is rejected")
    func malformedEscapeRejected() {
        #expect(PathEscaper.unescape("abc%4") == nil)
    }
}
