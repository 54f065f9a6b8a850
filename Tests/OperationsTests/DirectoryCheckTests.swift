// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Operations
import SystemPackage
import Testing

/// The directory rules `validate` and `run` share; nothing is created by the check.
struct DirectoryCheckTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("watcherd-dirs-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Checks the layout of a file that sets `values` on lines 1, 2, 3... in this order.
    func check(_ values: KeyValuePairs<ConfigurationKey, String>) throws -> DirectoryCheck.Result {
        let file = Dictionary(
            uniqueKeysWithValues: values.enumerated().map { index, item in
                (item.key, ConfigurationFile.Entry(value: .string(item.value), line: index + 1))
            })
        let configuration = ServiceConfiguration(file: "w.toml", fileValues: file)
        return DirectoryCheck.run(try configuration.directories(), configuration: configuration)
    }

    @Test("missing directories whose parent exists are to be created, and nothing is created by the check")
    func creatable() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // (the inbox first: directories are checked in key order)
        let result = try check([.inbox: path("in"), .output: path("out")])
        #expect(result.problems.isEmpty)
        #expect(result.toCreate.map(\.string).sorted() == ["archive", "failed", "in", "out", "state"].map(path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test("archive equal to output, a directory inside another, an inbox that is a file, a missing parent")
    func refused() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent("file"))
        let same = try check([.inbox: path("in"), .output: path("out"), .archive: path("out")])
        #expect(same.problems.map(\.code) == ["same-directory"])
        #expect(same.problems.first?.key == "archive")
        #expect(same.problems.first?.description.hasPrefix("w.toml:3: archive: ") == true)
        try FileManager.default.createDirectory(atPath: path("in"), withIntermediateDirectories: true)
        let nested = try check([.inbox: path("in"), .output: path("in/out")])
        #expect(nested.problems.map(\.code) == ["nested"])
        let file = try check([.inbox: path("file"), .output: path("out")])
        #expect(file.problems.map(\.code) == ["not-a-directory"])
        #expect(file.problems.first?.message.contains("is a file") == true)
        // The siblings default to the same missing parent: each is named.
        let typo = try check([.inbox: path("nowhere/in"), .output: path("out")])
        #expect(typo.problems.map(\.key) == ["inbox", "archive", "failed", "state"])
        #expect(typo.problems.allSatisfy { $0.code == "no-parent" })
        #expect(
            typo.problems.first?.description
                == "w.toml:1: inbox: \(path("nowhere/in")): does not exist, and neither does its parent \(path("nowhere")) (a typo?)"
        )
        #expect(!FileManager.default.fileExists(atPath: path("out")))
    }

    @Test("a symlinked inbox is resolved once and said so")
    func symlinkedInbox() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(atPath: path("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: path("real"))
        let result = try check([.inbox: path("link"), .output: path("out")])
        #expect(result.problems.isEmpty)
        #expect(result.layout.inbox.string == path("real"))
        #expect(result.notes.contains { $0.contains("symlink") && $0.contains(path("real")) })
        // The siblings' defaults stay beside the configured name.
        #expect(result.layout.state.string == path("state"))
    }
}
