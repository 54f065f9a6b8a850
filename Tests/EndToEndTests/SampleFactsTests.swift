// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Testing

/// The seed article's hand-checked expectations for quotations, dates and numbers
/// (`samples/libya-ceasefire-ar.expected.json`), read from the document the daemon writes. The
/// sample is dropped as a JSON input whose `published` is the expectations' publication date
/// (2020-06-04), so that relative dates resolve as the expectations say.
@Suite(.serialized)
struct SampleFactsTests {
    struct Expected: Decodable {
        struct Quote: Decodable {
            var speaker: String
            var verbs: [String]
        }
        struct Date: Decodable {
            var text: String
            var value: String?
        }
        var quotes: [Quote]
        var dates: [Date]
        var numbers: [String]
    }

    /// `text` without tashkeel (U+064B...U+0652) and with its alef forms as bare alef, the way a
    /// reader compares verb forms (`عبّرت` = `عبرت`, `أكد` = `اكد`).
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !(0x064B...0x0652).contains(s.value) {
            out.append(["أ", "إ", "آ"].contains(s) ? "ا" : s)
        }
        return String(out)
    }

    @Test(
        "the daemon's document of the sample holds its expected quotations, dates and numbers, and is valid",
        .enabled(if: SharedSample.runnable, SharedSample.skipMessage))
    func sampleFacts() throws {
        let expected = try JSONDecoder().decode(
            Expected.self,
            from: Data(
                contentsOf: SharedSample.dataRoot.appendingPathComponent("samples/libya-ceasefire-ar.expected.json")))
        let text = String(decoding: try SharedSample.data(), as: UTF8.self)
        let input = try JSONSerialization.data(withJSONObject: ["text": text, "published": "2020-06-04"])

        let daemon = try DaemonHarness()
        try daemon.start()
        try daemon.write(input, as: "sample.json")
        let document = try daemon.document(for: "sample.json", timeout: 10)
        #expect(daemon.stop() == 0)

        let published = document["published"] as? [String: Any]
        #expect(published?["value"] as? String == "2020-06-04")
        #expect(published?["source"] as? String == "metadata")

        // A quotation counts for a listed verb when its own verb is one of them (proclitics و/ف
        // allowed), or, for a participle continuing a clause (وطالب … مشيرا إلى أن), when the
        // listed verb stands earlier in its sentence.
        let scalars = Array(text.unicodeScalars)
        let sentences = (document["sentences"] as? [[String: Int]] ?? []).map { ($0["start"]!, $0["end"]!) }
        let quotes = document["quotes"] as? [[String: Any]] ?? []
        for item in expected.quotes {
            let forms = Set(item.verbs.map(Self.folded))
            let found = quotes.contains { quote in
                guard quote["speaker_canonical"] as? String == item.speaker,
                    let verb = quote["verb"] as? String, let verbStart = quote["verb_start"] as? Int
                else { return false }
                var words = [Self.folded(verb)]
                if let sentence = sentences.first(where: { $0.0 <= verbStart && verbStart < $0.1 }) {
                    let before = String(String.UnicodeScalarView(scalars[sentence.0..<verbStart]))
                    words += Self.folded(before).split(whereSeparator: { $0 == " " || $0 == "،" }).map(String.init)
                }
                return words.contains { w in forms.contains(w) || forms.contains { w == "و" + $0 || w == "ف" + $0 } }
            }
            #expect(found, "no quotation by \(item.speaker) with \(item.verbs)")
        }
        let dates = document["dates"] as? [[String: Any]] ?? []
        for item in expected.dates {
            #expect(
                dates.contains { $0["text"] as? String == item.text && $0["value"] as? String == item.value },
                "\(item.text) = \(item.value ?? "null") not among the dates")
        }
        let numbers = document["numbers"] as? [[String: Any]] ?? []
        for item in expected.numbers {
            #expect(numbers.contains { $0["text"] as? String == item }, "\(item) not among the numbers")
        }
        let errors = SchemaValidator.errors(for: [daemon.output.appendingPathComponent("sample.json.json")])
        #expect(errors.isEmpty, "\(errors)")
    }
}
