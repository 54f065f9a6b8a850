// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import TestSupport
import Testing

@testable import ArticleExtraction

/// The first entity pass over the seed article, against its hand-checked expectations.
struct EntityRecognizerTests {
    static let extractor = ExtractionFixtures.extractor

    @Test(
        "the sample's persons, places and organisations are found",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sampleEntities() throws {
        let extractor = try #require(Self.extractor)
        let text = String(decoding: try SharedData.bytes(SharedData.sample), as: UTF8.self)
        let document = ExtractionFixtures.document(text, extractor: extractor)
        func canonicals(_ type: EntityType) -> Set<String> {
            Set(document.entities.filter { $0.type == type.rawValue }.map(\.canonical))
        }
        #expect(
            canonicals(.person).isSuperset(of: [
                "أحمد المسماري", "خليفة حفتر", "سامح شكري", "أحمد حافظ", "ماريا زاخاروفا",
            ]))
        #expect(
            canonicals(.location).isSuperset(of: [
                "طرابلس", "القاهرة", "جنيف", "برلين", "مصر", "العراق", "سوريا", "تركيا", "ليبيا", "غرب أفريقيا",
            ]))
        #expect(
            canonicals(.organization).isSuperset(of: [
                "حكومة الوفاق", "مجلس الأمن", "داعش", "جبهة النصرة", "هيئة تحرير الشام", "الجيش الوطني الليبي",
            ]))
        // must_not of the expectations file
        for (surface, type) in [
            ("المجتمع الدولي", EntityType.person), ("الخميس", .person), ("الخميس", .location),
            ("الفيديو كونفرانس", .person),
        ] {
            #expect(
                !document.entities.contains { $0.text == surface && $0.type == type.rawValue }, "\(surface) as \(type)")
        }
        // A later bare family name links to the full name; titles are kept.
        let misrati = document.entityIndex.first { $0.canonical == "أحمد المسماري" }
        #expect(misrati?.titles.contains("اللواء") == true)
        #expect((misrati?.mentions ?? 0) >= 3)
        // Every span's text is the text at its offsets.
        let scalars = Array(text.unicodeScalars)
        for entity in document.entities {
            #expect(String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.text)
        }
    }

    @Test(
        "a title that is also in the first-name list starts a person only after another title",
        arguments: [
            ("وقال رئيس اللجنة إن الاجتماع انتهى.", [String]()),
            ("وقال رئيس الوزراء إن الحكومة مستمرة.", []),
            ("وحضر أمير المؤمنين الحفل.", []),
            ("وقال الأمير سلطان بن سلمان إن البرنامج مستمر.", ["سلطان بن سلمان"]),
            ("وقال أحمد المسماري إن القوات تقدمت.", ["أحمد المسماري"]),
        ])
    func titlesAreNotFirstNames(sentence: String, persons: [String]) throws {
        let extractor = try #require(Self.extractor)
        let document = ExtractionFixtures.document(sentence, extractor: extractor)
        #expect(document.entities.filter { $0.type == EntityType.person.rawValue }.map(\.text) == persons)
    }
}
