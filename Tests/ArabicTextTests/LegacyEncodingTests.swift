// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

@Suite("Legacy Arabic encodings")
struct LegacyEncodingTests {
    private func sampleText() throws -> String {
        try ArticleDecoder.decode(try SharedData.bytes(SharedData.sample)).text
    }

    @Test("the generated code page tables agree with glibc iconv for every byte 0x80-0xFF")
    func tablesMatchIconv() throws {
        for (name, table) in [
            ("CP1256", LegacyArabicCodePages.windows1256), ("ISO-8859-6", LegacyArabicCodePages.iso88596),
        ] {
            for byte in 0x80...0xFF {
                let utf8 = Iconv.convert([UInt8(byte)], from: name, to: "UTF-8")
                let expected = utf8.map { String(decoding: $0, as: UTF8.self).unicodeScalars.first!.value }
                let actual = table[byte - 0x80] == 0xFFFF ? nil : UInt32(table[byte - 0x80])
                #expect(actual == expected, "\(name) byte 0x\(String(byte, radix: 16))")
            }
        }
    }

    @Test(
        "the sample saved as Windows-1256 decodes to the original text",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sampleWindows1256() throws {
        let text = try sampleText()
        let bytes = try #require(Iconv.convert(Array(text.utf8), from: "UTF-8", to: "CP1256"))
        let decoded = try ArticleDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1256)
        #expect(decoded.text == text)
        #expect(decoded.confidence >= 0.9 && decoded.confidence <= 0.95)
    }

    @Test(
        "the sample saved as Windows-1256 and as ISO-8859-6 decodes to the identical text",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sampleBothCodePages() throws {
        // ISO-8859-6 has no «» “”: those four marks become ASCII quotes first, in both files.
        let text = String(
            String.UnicodeScalarView(
                try sampleText().unicodeScalars.map { "«»“”".unicodeScalars.contains($0) ? "\"" : $0 }))
        let cp1256 = try #require(Iconv.convert(Array(text.utf8), from: "UTF-8", to: "CP1256"))
        let iso = try #require(Iconv.convert(Array(text.utf8), from: "UTF-8", to: "ISO-8859-6"))
        #expect(cp1256 != iso)
        let a = try ArticleDecoder.decode(cp1256)
        let b = try ArticleDecoder.decode(iso)
        #expect(a.encoding == .windows1256)
        #expect(b.encoding == .iso88596)
        #expect(a.text == b.text)
        #expect(a.text == text)
        #expect(b.confidence >= 0.9)
    }

    @Test("a short Windows-1256 headline and ISO-8859-6 line are told apart")
    func shortTexts() throws {
        let headline = "وزير الخارجية يلتقي نظيره الليبي في القاهرة"
        let cp = try #require(Iconv.convert(Array(headline.utf8), from: "UTF-8", to: "CP1256"))
        let iso = try #require(Iconv.convert(Array(headline.utf8), from: "UTF-8", to: "ISO-8859-6"))
        #expect(try ArticleDecoder.decode(cp).encoding == .windows1256)
        #expect(try ArticleDecoder.decode(cp).text == headline)
        #expect(try ArticleDecoder.decode(iso).encoding == .iso88596)
        #expect(try ArticleDecoder.decode(iso).text == headline)
    }

    @Test(
        "UTF-8 with one or two bad bytes stays invalid-utf8 now that legacy decoding exists",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func damagedUTF8IsNotGuessed() throws {
        var bytes = try SharedData.bytes(SharedData.sample)
        bytes.insert(0xE1, at: 1000)  // a lone cp1256 "ل" among UTF-8 (offset 1000 is a character start)
        bytes.insert(0xC7, at: 3000)
        do {
            let d = try ArticleDecoder.decode(bytes)
            Issue.record("decoded as \(d.encoding)")
        } catch {
            #expect(error.code == .invalidUTF8)
            #expect(error.detail.hasPrefix("invalid UTF-8 at byte offset 1000 (2 invalid sequence(s)"))
        }
    }

    @Test("Latin-1 French text and random high bytes are undecodable")
    func notArabic() {
        let french = Array(
            "Le café est très bon à Paris, où il fait beau. Ça va? Très bien, déjà.".unicodeScalars.map {
                UInt8($0.value)
            })
        let noise: [UInt8] = (0..<400).map { UInt8(0x80 + ($0 * 37) % 0x40) }  // 0x80-0xBF: punctuation, C1
        for bytes in [french, noise] {
            do {
                let d = try ArticleDecoder.decode(bytes)
                Issue.record("decoded as \(d.encoding)")
            } catch {
                #expect(error.code == .undecodable)
            }
        }
    }
}
