// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import ArabicText

/// HTML pages are decoded by the encoding they declare; plain text keeps the strict policy.
@Suite("Declared charsets")
struct DeclaredCharsetTests {
    private let german = "Grüße aus Köln: „Straßenbahn“ – 5 €"

    private func page(_ head: String, _ body: String) -> String {
        "<!DOCTYPE html><html><head>\(head)<title>t</title></head><body><p>\(body)</p></body></html>"
    }

    private func encode(_ text: String, _ encoding: String) throws -> [UInt8] {
        try #require(Iconv.convert(Array(text.utf8), from: "UTF-8", to: encoding))
    }

    @Test("<meta charset=iso-8859-1> decodes as Windows-1252, as browsers do (curly quotes, euro)")
    func latin1Meta() throws {
        let bytes = try encode(page(#"<meta charset="ISO-8859-1">"#, german), "CP1252")
        let decoded = try ArticleDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.confidence == ArticleDecoder.declaredConfidence)
        #expect(decoded.text.contains(german))
    }

    @Test("<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>")
    func httpEquiv() throws {
        let head = #"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#
        let decoded = try ArticleDecoder.decode(try encode(page(head, german), "CP1252"))
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.contains(german))
    }

    @Test("an XML declaration's encoding is honoured")
    func xmlDeclaration() throws {
        let doc = #"<?xml version="1.0" encoding="ISO-8859-2"?><html><body><p>Zażółć gęślą jaźń</p></body></html>"#
        let decoded = try ArticleDecoder.decode(try encode(doc, "ISO-8859-2"))
        #expect(decoded.encoding.rawValue == "iso-8859-2")
        #expect(decoded.text.contains("Zażółć gęślą jaźń"))
    }

    @Test("any encoding iconv knows: GBK, Shift_JIS, Windows-1251")
    func otherEncodings() throws {
        let cases: [(label: String, iconv: String, name: String, text: String)] = [
            ("gb2312", "GBK", "gbk", "一个约定，信守15年"), ("shift_jis", "SHIFT_JIS", "shift_jis", "子どもへの虐待"),
            ("windows-1251", "CP1251", "windows-1251", "Привет, мир"),
        ]
        for c in cases {
            let decoded = try ArticleDecoder.decode(try encode(page("<meta charset=\(c.label)>", c.text), c.iconv))
            #expect(decoded.encoding.rawValue == c.name)
            #expect(decoded.text.contains(c.text), "\(c.label)")
        }
    }

    @Test("a Windows-1256 page that declares it decodes by the declaration")
    func arabicDeclared() throws {
        let text = "أعلنت الحكومة الليبية اليوم عن خطة جديدة"
        let decoded = try ArticleDecoder.decode(try encode(page("<meta charset=windows-1256>", text), "CP1256"))
        #expect(decoded.encoding == .windows1256)
        #expect(decoded.text.contains(text))
    }

    @Test("a byte order mark wins over a <meta charset> that contradicts it")
    func bomWins() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(page(#"<meta charset="iso-8859-1">"#, german).utf8)
        let decoded = try ArticleDecoder.decode(bytes)
        #expect(decoded.encoding == .utf8BOM)
        #expect(decoded.text.contains(german))
    }

    @Test("valid UTF-8 stays UTF-8 whatever a page declares")
    func utf8Wins() throws {
        let decoded = try ArticleDecoder.decode(Array(page(#"<meta charset="iso-8859-1">"#, german).utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text.contains(german))
    }

    @Test("a declaration after a comment is found; one inside a comment is not")
    func comments() throws {
        let inComment = try encode(
            page(#"<!-- <meta charset="utf-8"> --><meta charset="windows-1252">"#, german), "CP1252")
        #expect(try ArticleDecoder.decode(inComment).encoding == .windows1252)
        #expect(DeclaredCharset.label(in: Array(#"<html><!-- <meta charset="koi8-r"> --></html>"#.utf8)) == nil)
    }

    @Test("UTF-8 with a few stray Latin-1 bytes: HTML reads them as Windows-1252, plain text fails")
    func strayBytes() throws {
        var html = Array(page(#"<meta charset="utf-8">"#, german).utf8)
        let end = try #require(html.indices.last { html[$0...].starts(with: Array("</p>".utf8)) })
        html.insert(contentsOf: [0x20, 0x4B, 0xFC, 0x63, 0x68, 0x65], at: end)  // " Küche" in Latin-1
        let decoded = try ArticleDecoder.decode(html)
        #expect(decoded.encoding.rawValue == "utf-8+windows-1252")
        #expect(decoded.text.contains("Küche"))
        #expect(decoded.text.contains(german))
        #expect(!decoded.text.unicodeScalars.contains("\u{FFFD}"))
        var plain = Array("Grüße aus Köln, eine Nachricht ohne Auszeichnung.".utf8)
        plain.insert(0xFC, at: 10)
        #expect(throws: TextDecodingError.self) { try ArticleDecoder.decode(plain) }
        do {
            _ = try ArticleDecoder.decode(plain)
        } catch {
            #expect(error.code == .invalidUTF8)
        }
    }

    @Test("plain text in Latin-1 is never guessed; an unknown declared charset is named in the error")
    func strictPlainText() throws {
        let latin1 = try encode(
            "Grüße aus Köln, eine Nachricht in Latin-1 ohne Deklaration über die Straßenbahn.", "ISO-8859-1")
        #expect(throws: TextDecodingError.self) { try ArticleDecoder.decode(latin1) }
        let unknown = try encode(page(#"<meta charset="x-no-such-charset">"#, german), "CP1252")
        do {
            _ = try ArticleDecoder.decode(unknown)
            Issue.record("expected a decoding error")
        } catch {
            #expect(error.detail.contains("x-no-such-charset"))
        }
    }

    @Test("labels resolve as the WHATWG Encoding Standard does")
    func labels() {
        #expect(DeclaredCharset.resolve("Latin1")?.name == "windows-1252")
        #expect(DeclaredCharset.resolve("US-ASCII")?.name == "windows-1252")
        #expect(DeclaredCharset.resolve("GB2312")?.iconvName == "GB18030")
        #expect(DeclaredCharset.resolve("iso-8859-9")?.name == "windows-1254")
        #expect(DeclaredCharset.resolve("UTF8")?.name == "utf-8")
        #expect(DeclaredCharset.resolve("koi8-r")?.iconvName == "KOI8-R")
        #expect(DeclaredCharset.resolve("") == nil)
        #expect(DeclaredCharset.resolve("bad label!") == nil)
    }
}
