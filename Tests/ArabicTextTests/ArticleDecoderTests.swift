// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

@Suite("ArticleDecoder")
struct ArticleDecoderTests {
    @Test("plain UTF-8 decodes with confidence 1, and CRLF and lone CR become LF")
    func utf8AndLineEnds() throws {
        let decoded = try ArticleDecoder.decode(Array("سطر أول\r\nسطر ثان\rثالث\n".utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.confidence == 1)
        #expect(decoded.text == "سطر أول\nسطر ثان\nثالث\n")
    }

    @Test("a UTF-8 byte order mark is recorded and not part of the text")
    func utf8BOM() throws {
        let decoded = try ArticleDecoder.decode([0xEF, 0xBB, 0xBF] + Array("خبر".utf8))
        #expect(decoded.encoding == .utf8BOM)
        #expect(decoded.text == "خبر")
    }

    @Test("UTF-16 with a byte order mark decodes in either byte order")
    func utf16WithBOM() throws {
        let text = "ليبيا\r\n5+5"
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let a = try ArticleDecoder.decode(le)
        let b = try ArticleDecoder.decode(be)
        #expect(a.encoding == .utf16LE && a.confidence == 1)
        #expect(b.encoding == .utf16BE && b.confidence == 1)
        #expect(a.text == "ليبيا\n5+5")
        #expect(b.text == "ليبيا\n5+5")
    }

    @Test("UTF-16 LE without a byte order mark is recognised by its NUL pattern, with confidence 0.8")
    func utf16WithoutBOM() throws {
        let text = "Breaking news: الجيش الوطني الليبي in Tripoli today."
        let le: [UInt8] = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try ArticleDecoder.decode(le)
        #expect(decoded.encoding == .utf16LE)
        #expect(decoded.confidence == 0.8)
        #expect(decoded.text == text)
    }

    @Test("an unpaired surrogate in UTF-16 is undecodable, with its byte offset")
    func utf16UnpairedSurrogate() {
        // BOM, "A", then a lone high surrogate D800 followed by "B".
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]
        #expect(
            throws: TextDecodingError(
                code: .undecodable, detail: "malformed UTF-16 (unpaired surrogate) at byte offset 4")
        ) {
            try ArticleDecoder.decode(bytes)
        }
    }

    @Test("no bytes, whitespace only, or a bare BOM are 'empty'")
    func empty() {
        for bytes: [UInt8] in [[], Array("  \n\t\r\n ".utf8), [0xEF, 0xBB, 0xBF], Array("\u{00A0}\n".utf8)] {
            #expect(throws: TextDecodingError.self) { try ArticleDecoder.decode(bytes) }
            do {
                _ = try ArticleDecoder.decode(bytes)
            } catch {
                #expect(error.code == .empty)
            }
        }
    }

    @Test("PNG and ELF signatures, and a NUL byte in the first 4 KB, are 'binary'")
    func binary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 56)
        let nul: [UInt8] = Array("نص عادي".utf8) + [0x00] + Array("ثم المزيد".utf8)
        let controls: [UInt8] = (0..<200).map { $0 % 3 == 0 ? UInt8(0x01 + $0 % 7) : 0x41 }
        #expect(code(png) == "binary")
        #expect(code(elf) == "binary")
        #expect(code(nul) == "binary")
        #expect(code(controls) == "binary")
        #expect(detail(png) == "binary content (PNG image signature)")
        #expect(detail(nul) == "binary content (NUL byte at offset 13)")
    }

    @Test("the first NUL is reported at its offset, wherever it falls in an 8-byte word or the file")
    func nulOffsets() {
        for offset in [0, 1, 7, 8, 9, 15, 100, 4_095] {
            var bytes = [UInt8](repeating: 0x41, count: 4_200)
            bytes[offset] = 0
            bytes[offset + 3] = 0
            #expect(detail(bytes) == "binary content (NUL byte at offset \(offset))")
        }
        // One rule for the whole file: a NUL past the first 4 KB is binary too, never dropped.
        var late = [UInt8](repeating: 0x41, count: 1_000_000)
        late[999_000] = 0
        #expect(detail(late) == "binary content (NUL byte at offset 999000)")
        // Four controls in 150 bytes are more than 2%; three are not, wherever they stand.
        var four = [UInt8](repeating: 0x41, count: 150)
        var three = four
        for k in [3, 8, 64, 149] { four[k] = 0x01 }
        for k in [3, 8, 64] { three[k] = 0x01 }
        #expect(detail(four) == "binary content (4 control bytes in the first 150 bytes)")
        #expect(detail(three) == nil)
    }

    @Test("controls are removed after the first 4 KB: C0 controls, DEL and C1 controls; TAB stays")
    func controlsRemoved() throws {
        let head = String(repeating: "خبر ", count: 1200)  // 8,400 bytes
        let bytes = Array(head.utf8) + [0x41, 0x07, 0x09, 0x42, 0x7F, 0xC2, 0x85, 0x43, 0xC2, 0x9F, 0x44]
        let decoded = try ArticleDecoder.decode(bytes)
        #expect(decoded.text == head + "A\tBCD")
        #expect(!decoded.text.unicodeScalars.contains("\u{FFFD}"))
    }

    @Test("a UTF-8 file with one invalid byte is reported as invalid-utf8 with its offset, not guessed")
    func oneInvalidByte() throws {
        var bytes = Array("أعلن الناطق باسم قوات القيادة العامة، اللواء أحمد المسماري".utf8)
        // "أعلن " is 4 two-byte letters and a space: the stray byte goes in before "الناطق".
        bytes.insert(0xFF, at: 9)
        do {
            let decoded = try ArticleDecoder.decode(bytes)
            Issue.record("decoded as \(decoded.encoding) instead of failing")
        } catch {
            #expect(error.code == .invalidUTF8)
            #expect(error.detail.hasPrefix("invalid UTF-8 at byte offset 9 (1 invalid sequence(s), 50 valid"))
        }
    }

    @Test("strict UTF-8: overlong forms, encoded surrogates and truncated sequences are invalid")
    func strictUTF8() {
        #expect(code([0x41, 0xC0, 0xAF] + Array("نص عربي طويل بما يكفي".utf8)) == "invalid-utf8")  // overlong '/'
        #expect(code(Array("نص عربي طويل".utf8) + [0xED, 0xA0, 0x80]) == "invalid-utf8")  // U+D800
        #expect(code(Array("نص عربي طويل".utf8) + [0xD8]) == "invalid-utf8")  // truncated
        #expect(code(Array("نص عربي طويل".utf8) + [0xF4, 0x90, 0x80, 0x80]) == "invalid-utf8")  // > U+10FFFF
    }

    @Test(
        "the sample article decodes as UTF-8 to 4,873 scalars",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sample() throws {
        let decoded = try ArticleDecoder.decode(try SharedData.bytes(SharedData.sample))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text.unicodeScalars.count == 4873)
        #expect(decoded.text.hasPrefix("أعلن الناطق باسم قوات القيادة العامة،"))
    }

    @Test("the eight-bytes-at-a-time control scan agrees with a byte-by-byte one")
    func controlScan() {
        func byteByByte(_ b: [UInt8]) -> Bool {
            for (i, c) in b.enumerated() {
                if (c < 0x20 && c != 0x0A && c != 0x09) || c == 0x7F { return true }
                if c == 0xC2 && i + 1 < b.count && b[i + 1] <= 0x9F { return true }
            }
            return false
        }
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("ب".utf8), Array("a".utf8), [0x0A], [0x09], [0x0D], [0x00], [0x1F], [0x7F], [0xC2, 0x85],
            [0xC2, 0xA0],
            [0xC2, 0xBB], Array("«".utf8), [0x20],
        ]
        var mismatches = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                // Mostly clean text, so that whole clean words are skipped and flagged ones rechecked.
                let piece =
                    Int.random(in: 0..<100, using: &generator) < 90
                    ? Int.random(in: 0...1, using: &generator)
                    : Int.random(in: 0..<pieces.count, using: &generator)
                bytes += pieces[piece]
            }
            if DecodedTextCleaner.needsCleaning(bytes) != byteByByte(bytes) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    private func code(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ArticleDecoder.decode(bytes)
            return nil
        } catch {
            return error.code.rawValue
        }
    }

    private func detail(_ bytes: [UInt8]) -> String? {
        do {
            _ = try ArticleDecoder.decode(bytes)
            return nil
        } catch {
            return error.detail
        }
    }
}
