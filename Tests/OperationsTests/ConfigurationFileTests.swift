// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Operations
import Testing

/// The configuration file: what it accepts, and that every mistake names its line and key.
struct ConfigurationFileTests {
    static func parse(_ text: String) throws(ConfigurationError) -> [ConfigurationKey: ConfigurationFile.Entry] {
        try ConfigurationFile.parse(text, file: "w.toml", baseDirectory: "/etc/watcherd")
    }

    /// The problems `text` gives (none when it parses).
    static func problems(_ text: String) -> [ConfigurationProblem] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a good file gives each value with its line; relative paths are made absolute against the file's directory")
    func goodFile() throws {
        let entries = try Self.parse(
            """
            # comment
            inbox = "/srv/in"
            output = "out"

            settle_ms = 250
            keep_inputs = true
            log_level = "debug"
            metrics_port = 9477
            """)
        #expect(entries[.inbox] == .init(value: .string("/srv/in"), line: 2))
        #expect(entries[.output] == .init(value: .string("/etc/watcherd/out"), line: 3))
        #expect(entries[.settleMs] == .init(value: .integer(250), line: 5))
        #expect(entries[.keepInputs] == .init(value: .boolean(true), line: 6))
        #expect(entries[.logLevel] == .init(value: .string("debug"), line: 7))
        #expect(entries[.metricsPort] == .init(value: .integer(9477), line: 8))
        #expect(entries.count == 6)
    }

    @Test("each kind of mistake names its line and key, all of them at once, in file order")
    func mistakesNameTheirLines() {
        let problems = Self.problems(
            """
            inbox = "/srv/in"
            settle_ms = -5
            log_levle = "debug"
            workers = "four"
            log_level = "loud"
            keep_inputs = 1

            [metrics]
            port = 9
            """)
        let summary = problems.map { "\($0.line ?? 0) \($0.key ?? "-") \($0.code)" }
        #expect(
            summary == [
                "2 settle_ms out-of-range", "3 log_levle unknown-key", "4 workers wrong-type",
                "5 log_level not-allowed", "6 keep_inputs wrong-type", "8 metrics unknown-key",
            ])
        #expect(problems[1].description == "w.toml:3: log_levle: unknown key (did you mean log_level?)")
        #expect(problems[0].description.hasPrefix("w.toml:2: settle_ms: -5 is out of range"))
    }

    @Test("a syntax error names its line")
    func syntaxError() {
        let problems = Self.problems("inbox = \"/srv/in\"\noutput = \n")
        #expect(problems.count == 1)
        #expect(problems.first?.code == "syntax")
        #expect(problems.first?.line == 2)
        #expect(problems.first?.description.hasPrefix("w.toml:2: ") == true)
    }

    @Test("the example file in systemd/ documents every key with its default and parses to those defaults")
    func exampleFileDocumentsEveryKey() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("systemd/watcherd.toml")
        let text = try String(contentsOf: example, encoding: .utf8)
        let entries = try ConfigurationFile.parse(text, file: example.path, baseDirectory: "/etc/watcherd")
        for key in ConfigurationKey.allCases {
            #expect(entries[key] != nil, "the example file does not set \(key.rawValue)")
            if case .integer(let value)? = entries[key]?.value {
                #expect(value == ServiceConfiguration.defaultInteger(key), "\(key.rawValue) is not its default")
            }
        }
        let configuration = ServiceConfiguration(file: example.path, fileValues: entries)
        #expect(configuration.string(.logLevel) == "info")
        #expect(configuration.string(.metricsAddress) == "127.0.0.1")
        #expect(configuration.boolean(.keepInputs) == false)
    }

    @Test("a flag overrides the file; a bad flag is named by its flag")
    func flagsOverrideTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("watcherd-cfg-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("w.toml")
        try "inbox = \"in\"\noutput = \"out\"\nsettle_ms = 300\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try ServiceConfiguration.load(
            explicitPath: file.path, flags: [.settleMs: .integer(50), .state: .string("st")], workingDirectory: "/w")
        #expect(configuration.integer(.settleMs) == 50)
        #expect(configuration.string(.inbox) == directory.appendingPathComponent("in").path)
        #expect(configuration.string(.state) == "/w/st")
        #expect(configuration.integer(.fsyncBatch) == 32)
        let layout = try configuration.directories()
        #expect(layout.archive?.string == directory.appendingPathComponent("archive").path)
        do {
            _ = try ServiceConfiguration.load(
                explicitPath: file.path, flags: [.fsyncBatch: .integer(0)], workingDirectory: "/w")
            Issue.record("--fsync-batch 0 was accepted")
        } catch {
            #expect(error.problems.map(\.description) == ["--fsync-batch: 0 is out of range: must be 1...100000"])
        }
    }
}
