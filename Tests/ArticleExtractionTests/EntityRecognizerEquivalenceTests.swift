// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import TestSupport
import Testing

@testable import ArticleExtraction

/// The recogniser's integer-keyed look-ups give exactly the mentions of the `String`-keyed
/// reference (``StringKeyedEntityRecognizer``).
struct EntityRecognizerEquivalenceTests {
    static let gazetteer = ExtractionFixtures.gazetteer

    static func compare(_ tokens: [Token], _ scalars: [Unicode.Scalar], _ gazetteer: Gazetteer) -> Bool {
        GazetteerEntityRecognizer(gazetteer: gazetteer).mentions(in: tokens, scalars: scalars)
            == StringKeyedEntityRecognizer(gazetteer: gazetteer).mentions(in: tokens, scalars: scalars)
    }

    @Test(
        "same mentions over the 1,000 SaudiNewsNet articles and the sample",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func corpus() throws {
        let gazetteer = try #require(Self.gazetteer)
        let tokenizer = Tokenizer()
        let dir = try SharedData.require(SharedData.saudiNewsNet)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasPrefix("snn_") && $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 1000)
        var mentions = 0
        for url in files.map({ dir.appendingPathComponent($0) }) + [try SharedData.require(SharedData.sample)] {
            let decoded = try ArticleDecoder.decode([UInt8](try Data(contentsOf: url)))
            let scalars = Array(try ArticleParser.parse(decoded, fileExtension: "txt").text.unicodeScalars)
            let tokens = tokenizer.tokens(in: scalars)
            #expect(Self.compare(tokens, scalars, gazetteer), "\(url.lastPathComponent)")
            mentions += GazetteerEntityRecognizer(gazetteer: gazetteer).mentions(in: tokens, scalars: scalars).count
        }
        #expect(mentions > 10_000)
    }

    @Test(
        "same mentions when token forms are decomposed (hamza as a combining mark) or carry marks",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func canonicallyEquivalentForms() throws {
        let gazetteer = try #require(Self.gazetteer)
        let text = String(decoding: try SharedData.bytes(SharedData.sample), as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokens(in: scalars)
        // ئ ؤ أ إ آ as letter + combining hamza or madda: canonically the same words.
        func decompose(_ s: String) -> String {
            var out = ""
            for scalar in s.unicodeScalars {
                switch scalar.value {
                case 0x0626: out += "\u{64A}\u{654}"
                case 0x0624: out += "\u{648}\u{654}"
                case 0x0623: out += "\u{627}\u{654}"
                case 0x0625: out += "\u{627}\u{655}"
                case 0x0622: out += "\u{627}\u{653}"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        func rebuilt(_ t: Token, _ form: (String) -> String) -> Token {
            Token(
                range: t.range, kind: t.kind, surface: t.surface, normalized: form(t.normalized),
                proclitics: t.proclitics.map(form), base: form(t.base), stem: t.stem)
        }
        let decomposed = tokens.map { rebuilt($0, decompose) }
        #expect(decomposed.contains { $0.base.unicodeScalars.contains("\u{654}") })
        #expect(Self.compare(decomposed, scalars, gazetteer))
        #expect(
            GazetteerEntityRecognizer(gazetteer: gazetteer).mentions(in: decomposed, scalars: scalars)
                == GazetteerEntityRecognizer(gazetteer: gazetteer).mentions(in: tokens, scalars: scalars))
        // A mark that changes the word (a fatha) must not match, in either recogniser.
        let marked = tokens.map { rebuilt($0, { $0.isEmpty ? $0 : $0 + "\u{64E}" }) }
        #expect(Self.compare(marked, scalars, gazetteer))
        // Proclitics compared canonically too: a decomposed article is still the article.
        let clitics = tokens.map { t in
            Token(
                range: t.range, kind: t.kind, surface: t.surface, normalized: t.normalized,
                proclitics: t.proclitics.map { $0 == "ال" ? "\u{627}\u{644}" : $0 }, base: t.base, stem: t.stem)
        }
        #expect(Self.compare(clitics, scalars, gazetteer))
    }
}
