// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import SystemPackage
import Testing

@testable import Pipeline

/// Where a content's document goes.
struct DocumentSlotTests {
    static let hashA = String(repeating: "a", count: 64)
    static let hashB = "bbbbbbbb" + String(repeating: "c", count: 56)

    private func withTree(_ body: (FilePath, URL) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("slot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(FilePath(url.path), url)
    }

    private func document(_ hash: String) -> Data {
        Data(#"{"schema_version":1,"id":"sha256:\#(hash)","text":"x"}"#.utf8)
    }

    @Test("a free name is taken; the same content's document is replaced; another content's is not")
    func slots() throws {
        try withTree { root, url in
            #expect(
                DocumentSlot.resolve(display: "d/x.txt", sha256: Self.hashA, outputRoot: root)
                    == .write(relative: "d/x.txt.json", replacing: false))
            try FileManager.default.createDirectory(
                at: url.appendingPathComponent("d"), withIntermediateDirectories: true)
            try document(Self.hashA).write(to: url.appendingPathComponent("d/x.txt.json"))
            #expect(
                DocumentSlot.resolve(display: "d/x.txt", sha256: Self.hashA, outputRoot: root)
                    == .write(relative: "d/x.txt.json", replacing: true))
            #expect(
                DocumentSlot.resolve(display: "d/x.txt", sha256: Self.hashB, outputRoot: root)
                    == .write(relative: "d/x.txt.bbbbbbbb.json", replacing: false))
        }
    }

    @Test("a file the daemon did not write, or a directory, is never a slot; both names taken is reported")
    func foreignFiles() throws {
        try withTree { root, url in
            try Data("user's notes".utf8).write(to: url.appendingPathComponent("x.json"))
            #expect(DocumentSlot.holder(of: root.appending("x.json"), sha256: Self.hashA) == .foreign)
            #expect(
                DocumentSlot.resolve(display: "x", sha256: Self.hashA, outputRoot: root)
                    == .write(relative: "x.aaaaaaaa.json", replacing: false))
            try FileManager.default.createDirectory(
                at: url.appendingPathComponent("x.aaaaaaaa.json"), withIntermediateDirectories: true)
            #expect(
                DocumentSlot.resolve(display: "x", sha256: Self.hashA, outputRoot: root)
                    == .taken(primary: "x.json", versioned: "x.aaaaaaaa.json"))
        }
    }

    @Test("documents written before keys had a fixed order are recognised by their id")
    func olderDocuments() throws {
        try withTree { root, url in
            let old = Data(#"{"text":"x","id":"sha256:\#(Self.hashA)","schema_version":1}"#.utf8)
            try old.write(to: url.appendingPathComponent("o.json"))
            #expect(DocumentSlot.holder(of: root.appending("o.json"), sha256: Self.hashA) == .sameContent)
            #expect(DocumentSlot.holder(of: root.appending("o.json"), sha256: Self.hashB) == .otherContent)
            #expect(DocumentSlot.holder(of: root.appending("missing.json"), sha256: Self.hashA) == .nothing)
        }
    }

    @Test("temporary names carry their writer's PID; a live writer's are kept")
    func temporaryNames() {
        #expect(AtomicFileWriter.writerPID(ofTemporary: Array(".x.txt.json.tmp-4242-17".utf8)) == 4242)
        #expect(AtomicFileWriter.writerPID(ofTemporary: Array(".a.tmp-b.json.tmp-9-1".utf8)) == 9)
        #expect(AtomicFileWriter.writerPID(ofTemporary: Array(".notes.tmp".utf8)) == nil)
        #expect(AtomicFileWriter.writerPID(ofTemporary: Array(".x.tmp-12-".utf8)) == nil)
        #expect(AtomicFileWriter.isAlive(getpid()))
        #expect(!AtomicFileWriter.isAlive(Int32.max - 7))
    }
}
