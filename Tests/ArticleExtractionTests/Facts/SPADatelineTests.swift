// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import TestSupport
import Testing

@testable import ArticleExtraction

/// The Saudi Press Agency articles of the shared SaudiNewsNet sample open with a dateline holding a
/// Hijri date and its Gregorian equivalent (`الطائف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`),
/// except continuation parts. Both dates are found and denote the same day.
@Suite(.enabled(if: SharedData.runnable, SharedData.skipMessage))
struct SPADatelineTests {
    @Test("19 of the 22 snn_was files open with a Hijri and a Gregorian date of the same day")
    func datelines() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let directory = try SharedData.require(SharedData.saudiNewsNet)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("snn_was_") && $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 22)
        var withDateline: [String] = []
        for file in files {
            let bytes = try SharedData.bytes(SharedData.saudiNewsNet + "/" + file)
            let article = try ArticleParser.parse(try ArticleDecoder.decode(bytes), fileExtension: "txt")
            let document = extractor.extract(article, source: ExtractionFixtures.source).document
            guard let firstLine = document.paragraphs.first else { continue }
            let head = document.dates.filter { $0.start < firstLine.end && $0.precision == "day" && !$0.relative }
            let hijri = head.filter { $0.calendar == "hijri" }
            let gregorian = head.filter { $0.calendar == "gregorian" }
            guard let h = hijri.first, let g = gregorian.first else { continue }
            withDateline.append(file)
            #expect(h.start < g.start, "\(file): the Hijri date comes first")
            #expect(h.value == g.value, "\(file): \(h.text) = \(h.value ?? "nil") but \(g.text) = \(g.value ?? "nil")")
            #expect(document.published == .init(value: g.value ?? "", source: .dateline), "\(file)")
        }
        #expect(withDateline.count == 19, "datelines in \(withDateline)")
    }
}
