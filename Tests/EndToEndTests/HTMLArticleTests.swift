// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Testing

/// Issue 17 and issue 13 items 3 and 13, end to end: HTML pages dropped into the inbox of the real
/// daemon come out with their main text, the rule that found it, their declared encoding, and a
/// `parse` time; documents validate against the schema.
@Suite(.serialized)
struct HTMLArticleTests {
    private let story = [
        "أعلنت الحكومة الليبية اليوم عن خطة جديدة لإعادة إعمار المدن المتضررة من الحرب، وتشمل بناء المدارس.",
        "وقال المتحدث باسم الحكومة إن التمويل سيأتي من ميزانية الدولة ومن المانحين الدوليين، وإن العمل سيبدأ قريبا.",
    ]

    @Test("an ASP.NET page in a <form>, and a page declaring Windows-1252, become documents of their main text")
    func htmlPages() throws {
        let daemon = try DaemonHarness()
        try daemon.start()
        let webForms = """
            <html dir="rtl" lang="ar"><head><title>الموقع - إعادة الإعمار</title></head><body>
            <form method="post" id="aspnetForm"><div class="topbar">الأحد 10 أغسطس 2015</div>
            <div id="ctl00_Content"><h1>إعادة إعمار المدن الليبية</h1><p>\(story[0])</p><p>\(story[1])</p></div>
            <div class="copyright">جميع الحقوق محفوظة © 2015</div></form></body></html>
            """
        try daemon.write(Data(webForms.utf8), as: "webforms.html")
        let latin = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
            <title>Stra\u{DF}enbahn</title></head><body><nav><a href="/">Start</a></nav><article>
            <p>Die K\u{F6}lner Stra\u{DF}enbahn f\u{E4}hrt ab Montag wieder \u{201E}nach Plan\u{201C}, teilten die Verkehrsbetriebe mit.</p>
            <p>Gr\u{FC}\u{DF}e an alle Fahrg\u{E4}ste, die in den letzten Wochen Geduld bewiesen haben \u{2013} 5 \u{20AC} Gutschein.</p>
            </article></body></html>
            """
        let latinBytes = try Self.windows1252(latin)
        try daemon.write(Data(latinBytes), as: "latin.html")

        let a = try daemon.document(for: "webforms.html", timeout: 10)
        let source = a["source"] as? [String: Any] ?? [:]
        #expect(source["format"] as? String == "html")
        #expect(source["extraction"] as? String != nil)
        #expect(a["title"] as? String == "إعادة إعمار المدن الليبية")
        #expect(a["text"] as? String == story.joined(separator: "\n"))
        let stages = (a["pipeline"] as? [String: Any])?["stage_ms"] as? [String: Any] ?? [:]
        #expect(stages["parse"] != nil && stages["decode"] != nil && stages["extract"] != nil)

        let b = try daemon.document(for: "latin.html", timeout: 10)
        #expect((b["source"] as? [String: Any])?["encoding"] as? String == "windows-1252")
        #expect((b["source"] as? [String: Any])?["extraction"] as? String == "article-element")
        #expect((b["text"] as? String)?.contains("„nach Plan“") == true)
        #expect((b["text"] as? String)?.contains("Start") == false)

        let errors = SchemaValidator.errors(for: [
            daemon.output.appendingPathComponent("webforms.html.json"),
            daemon.output.appendingPathComponent("latin.html.json"),
        ])
        #expect(errors.isEmpty, "\(errors)")
        #expect(daemon.stop() == 0)
    }

    /// `text` in Windows-1252 (Latin-1 plus the few marks this test uses).
    static func windows1252(_ text: String) throws -> [UInt8] {
        let extra: [Unicode.Scalar: UInt8] = ["\u{201E}": 0x84, "\u{201C}": 0x93, "\u{2013}": 0x96, "\u{20AC}": 0x80]
        return try text.unicodeScalars.map { scalar in
            if let byte = extra[scalar] { return byte }
            guard scalar.value < 0x100, !(0x80..<0xA0).contains(scalar.value) else {
                throw CocoaError(.fileWriteInapplicableStringEncoding)
            }
            return UInt8(scalar.value)
        }
    }
}
