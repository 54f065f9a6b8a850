// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation
import Testing

@testable import ArticleExtraction

/// The document encoder: keys in `CodingKeys` order, JSON escapes, numbers, failures.
struct OrderedJSONEncoderTests {
    struct Inner: Codable, Equatable {
        var z: Int
        var a: String?
    }

    struct Outer: Codable, Equatable {
        var zeta: String
        var alpha: [Inner]
        var middle: Double
        var flag: Bool
        var missing: String?
        var empty: [Int]
    }

    private func text(_ value: some Encodable) throws -> String {
        String(decoding: try OrderedJSONEncoder.encode(value), as: UTF8.self)
    }

    @Test("keys come out in CodingKeys order, nil optionals are omitted, arrays and nesting close properly")
    func order() throws {
        let value = Outer(
            zeta: "z", alpha: [Inner(z: 1, a: nil), Inner(z: 2, a: "b")], middle: 0.25, flag: true, missing: nil,
            empty: [])
        #expect(
            try text(value)
                == #"{"zeta":"z","alpha":[{"z":1},{"z":2,"a":"b"}],"middle":0.25,"flag":true,"empty":[]}"#)
        #expect(try JSONDecoder().decode(Outer.self, from: Data(OrderedJSONEncoder.encode(value))) == value)
    }

    @Test("strings escape quotes, backslashes and C0 controls only; slashes and Arabic stay as written")
    func escapes() throws {
        #expect(try text("a\"b\\c/d\ne\tf\u{1}g سلام") == #""a\"b\\c/d\ne\tf\u0001g سلام""#)
    }

    @Test("integral doubles without a fraction, others in shortest form, large ones with an exponent")
    func numbers() throws {
        #expect(try text([5.0, -3.0, 0.434, 28.703, 1e20, 123_456_789.5]) == "[5,-3,0.434,28.703,1e+20,123456789.5]")
        #expect(try text([Int64(7), Int64(-8)]) == "[7,-8]")
    }

    @Test("every fixed-width integer and Float is a number, as a member, an element and a single value")
    func integerTypes() throws {
        enum Level: Int, Encodable { case high = 3 }
        struct All: Encodable {
            var a: Int8 = -8
            var b: Int16 = -16
            var c: Int32 = -32
            var d: Int64 = -64
            var e: UInt8 = 8
            var f: UInt16 = 16
            var g: UInt32 = 32
            var h = UInt64.max
            var i: UInt = 7
            var j: Float = 0.5
            var k = Level.high
            var l: [UInt8] = [1, 2]
        }
        #expect(
            try text(All())
                == #"{"a":-8,"b":-16,"c":-32,"d":-64,"e":8,"f":16,"g":32,"h":18446744073709551615,"i":7,"j":0.5,"k":3,"l":[1,2]}"#
        )
        #expect(try text(Level.high) == "3")
        #expect(try text(UInt64.max) == "18446744073709551615")
    }

    @Test("a non-finite number fails with its coding path instead of yielding bytes")
    func nonFinite() throws {
        struct Mention: Encodable { var value: Double? }
        struct Numbers: Encodable { var numbers: [Mention] }
        #expect(throws: DocumentEncodingError(path: "numbers.1.value", value: "inf")) {
            try OrderedJSONEncoder.encode(Numbers(numbers: [Mention(value: 1), Mention(value: .infinity)]))
        }
        #expect(throws: DocumentEncodingError.self) { try OrderedJSONEncoder.encode([Double.nan]) }
    }

    @Test("a hand-written encode(to:) with nested containers closes each before its owner goes on")
    func nestedContainers() throws {
        struct Custom: Encodable {
            enum Keys: String, CodingKey { case first, second, third }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var first = container.nestedContainer(keyedBy: Keys.self, forKey: .first)
                try first.encode(1, forKey: .second)
                var second = container.nestedUnkeyedContainer(forKey: .second)
                try second.encode("x")
                try second.encode("y")
                try container.encode(3, forKey: .third)
            }
        }
        #expect(try text(Custom()) == #"{"first":{"second":1},"second":["x","y"],"third":3}"#)
    }

    @Test("a document encodes in the schema's key order and decodes back to itself")
    func documentRoundTrip() throws {
        let extractor = try #require(ExtractionFixtures.extractor)
        let document = ExtractionFixtures.document("قال أحمد المسماري في طرابلس إن 5 جنود وصلوا.", extractor: extractor)
        let bytes = try OrderedJSONEncoder.encode(document)
        #expect(try JSONDecoder().decode(ArticleDocument.self, from: Data(bytes)) == document)
        let json = String(decoding: bytes, as: UTF8.self)
        let keys = ["schema_version", "id", "source", "language", "text", "paragraphs", "sentences", "entities"]
        let offsets = keys.compactMap { json.range(of: "\"\($0)\":")?.lowerBound }
        #expect(offsets.count == keys.count && offsets == offsets.sorted())
        #expect(json.hasPrefix(#"{"schema_version":1,"id":"sha256:"#))
    }
}
