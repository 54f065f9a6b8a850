// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import Testing

@testable import ArticleExtraction

/// Where a name starts inside a token that begins with لل (see `ProcliticSplitter`).
struct LamLamEntityStartTests {
    private func entities(_ text: String) throws -> [ArticleDocument.Entity] {
        let extractor = try #require(EntityRecognizerTests.extractor)
        return ExtractionFixtures.document(text, extractor: extractor).entities
    }

    @Test("للاذقية (ل + ال + لاذقية) names اللاذقية from its second ل, للعاصمة-style words skip لل whole")
    func lamInitialPlace() throws {
        let found = try entities("وصل الوفد للاذقية أمس.").filter { $0.type == "LOCATION" }
        #expect(found.map(\.text) == ["لاذقية"])
        #expect(found.first?.start == 11)
        #expect(found.first?.end == 17)
        let riyadh = try entities("وصل الوفد للرياض أمس.").filter { $0.type == "LOCATION" }
        #expect(riyadh.map(\.text) == ["رياض"])
    }
}
