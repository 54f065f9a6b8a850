// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import SystemPackage
import Testing

@testable import Pipeline

@Suite("Input finaliser")
struct InputFinaliserTests {
    private struct Trees {
        let root: URL
        var inbox: URL { root.appendingPathComponent("inbox") }
        var archive: URL { root.appendingPathComponent("archive") }
        var failed: URL { root.appendingPathComponent("failed") }
        var finaliser: InputFinaliser {
            InputFinaliser(
                inbox: FilePath(inbox.path), archive: FilePath(archive.path), failed: FilePath(failed.path))
        }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("finaliser-\(UUID().uuidString)")
            for url in [inbox, archive, failed] {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            }
        }

        func put(_ text: String, _ name: String) throws -> FilePath {
            let url = inbox.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return FilePath(url.path)
        }
    }

    @Test("the file that was read is archived under its relative path, a taken name gets .1")
    func archivesTheFileRead() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        try Data("old".utf8).write(to: trees.archive.appendingPathComponent("a.txt"))
        let input = try trees.put("first", "a.txt")
        let identity = try #require(FileIdentity.current(input))
        let outcome = try trees.finaliser.archive(input, relative: FilePath("a.txt"), expected: identity)
        #expect(outcome == .moved(to: FilePath(trees.archive.appendingPathComponent("a.txt.1").path)))
        #expect(FileIdentity.current(input) == nil)
    }

    @Test("a new version renamed over the input is left in the inbox, not archived in its place")
    func newVersionStaysInTheInbox() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        let input = try trees.put("first", "a.txt")
        let read = try #require(FileIdentity.current(input))
        let staged = trees.root.appendingPathComponent("staged")
        try Data("second".utf8).write(to: staged)
        #expect(rename(staged.path, input.string) == 0)

        #expect(try trees.finaliser.archive(input, relative: FilePath("a.txt"), expected: read) == .replaced)
        #expect(try String(contentsOfFile: input.string, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: trees.archive.path).isEmpty)
    }

    @Test("a failed input replaced meanwhile stays in the inbox and leaves no error record")
    func replacedFailureLeavesNoRecord() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        let input = try trees.put("", "e.txt")
        let read = try #require(FileIdentity.current(input))
        try Data("now with content".utf8).write(to: URL(fileURLWithPath: input.string))  // same inode, new size
        let failure = ArticleFailure(code: .empty, stage: .decode, path: "e.txt", cause: "no bytes")
        let record = FailureRecord(failure: failure, attempts: 1, sha256: nil)

        let outcome = try trees.finaliser.fail(input, relative: FilePath("e.txt"), record: record, expected: read)
        #expect(outcome == .replaced)
        #expect(try FileManager.default.contentsOfDirectory(atPath: trees.failed.path).isEmpty)
        #expect(FileIdentity.current(input)?.size == 16)
    }

    @Test("an input gone before the move reports ENOENT")
    func vanishedInput() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        let input = try trees.put("x", "v.txt")
        let read = try #require(FileIdentity.current(input))
        try FileManager.default.removeItem(atPath: input.string)
        #expect(throws: Errno.noSuchFileOrDirectory) {
            try trees.finaliser.archive(input, relative: FilePath("v.txt"), expected: read)
        }
    }

    @Test("a failure record never replaces an earlier failed input whose name ends in .error.json")
    func recordDoesNotClobberAFailedInput() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        let failure = ArticleFailure(code: .binary, stage: .decode, path: "y", cause: "binary")
        let record = FailureRecord(failure: failure, attempts: 1, sha256: nil)
        let first = try trees.put("first input", "y.error.json")
        try trees.finaliser.fail(first, relative: FilePath("y.error.json"), record: record, expected: nil)
        let second = try trees.put("second input", "y")
        let outcome = try trees.finaliser.fail(second, relative: FilePath("y"), record: record, expected: nil)

        #expect(outcome == .moved(to: FilePath(trees.failed.appendingPathComponent("y.1").path)))
        let kept = try String(contentsOf: trees.failed.appendingPathComponent("y.error.json"), encoding: .utf8)
        #expect(kept == "first input", "the first failed input was overwritten by a record")
    }

    @Test("a name too long for a record beside it is fitted, not refused")
    func longNameIsFitted() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        let name = String(repeating: "L", count: 245)
        let input = try trees.put("x", name)
        let failure = ArticleFailure(code: .binary, stage: .decode, path: name, cause: "binary")
        let outcome = try trees.finaliser.fail(
            input, relative: FilePath(name), record: FailureRecord(failure: failure, attempts: 1, sha256: nil),
            expected: nil)
        guard case .moved(let target) = outcome else {
            Issue.record("not moved: \(outcome)")
            return
        }
        #expect(target.lastComponentBytes.count <= 210)
        #expect(FileIdentity.current(FilePath(target.string + ".error.json")) != nil)
    }

    @Test("a directory component replaced by a symlink to outside the inbox is never followed: nothing moves")
    func symlinkedComponentIsNotFollowed() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        let outside = trees.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: outside.appendingPathComponent("f.txt"))
        try FileManager.default.createSymbolicLink(
            at: trees.inbox.appendingPathComponent("d"), withDestinationURL: outside)
        #expect(throws: Errno.noSuchFileOrDirectory) {
            try trees.finaliser.archive(
                FilePath(trees.inbox.appendingPathComponent("d/f.txt").path), relative: FilePath("d/f.txt"),
                expected: nil)
        }
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("f.txt").path))
        #expect(!FileManager.default.fileExists(atPath: trees.archive.appendingPathComponent("d").path))
    }

    @Test("a directory in the inbox whose name is a file in the archive goes to a free name for that component")
    func fileInTheWayOfADirectory() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        try Data("an older input named 2024".utf8).write(to: trees.archive.appendingPathComponent("2024"))
        try FileManager.default.createDirectory(
            at: trees.inbox.appendingPathComponent("2024"), withIntermediateDirectories: true)
        let input = try trees.put("january", "2024/jan.txt")
        let outcome = try trees.finaliser.archive(input, relative: FilePath("2024/jan.txt"), expected: nil)
        #expect(outcome == .moved(to: FilePath(trees.archive.appendingPathComponent("2024.1/jan.txt").path)))
        #expect(!FileManager.default.fileExists(atPath: input.string))
    }

    @Test("the read stage does not read through a symlinked directory component: the entry has vanished")
    func readDoesNotFollowComponents() throws {
        let trees = try Trees()
        defer { try? FileManager.default.removeItem(at: trees.root) }
        let outside = trees.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: outside.appendingPathComponent("f.txt"))
        try FileManager.default.createSymbolicLink(
            at: trees.inbox.appendingPathComponent("d"), withDestinationURL: outside)
        let result = InputFile.read(
            FilePath("d/f.txt"), beneath: FilePath(trees.inbox.path), display: "d/f.txt", maxBytes: 1 << 20)
        guard case .vanished = result else {
            Issue.record("read through a symlinked component: \(result)")
            return
        }
        _ = try trees.put("inside", "in.txt")
        guard
            case .read(let file) = InputFile.read(
                FilePath("in.txt"), beneath: FilePath(trees.inbox.path), display: "in.txt", maxBytes: 1 << 20)
        else {
            Issue.record("a plain inbox file was not read")
            return
        }
        #expect(file.bytes == Array("inside".utf8))
    }
}
