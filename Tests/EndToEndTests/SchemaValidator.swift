// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

/// Validates documents against `schema/article.schema.json` with Python's `jsonschema` package
/// (Draft 2020-12), the reference validator; `make setup` installs Debian's python3-jsonschema. Debian's
/// `/usr/bin/python3` is preferred when it has the package, else `python3` from `PATH`. Outside CI a machine without it
/// skips the check with a message; under CI its absence fails.
enum SchemaValidator {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schema/article.schema.json")

    static let python: [String] =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            && run(["/usr/bin/python3", "-c", "import jsonschema"]).status == 0 ? ["/usr/bin/python3"] : ["python3"]

    static let available: Bool = run(python + ["-c", "import jsonschema"]).status == 0

    /// Validation errors for each file (empty when all are valid). Records an issue when the
    /// validator is missing under CI.
    static func errors(for files: [URL]) -> [String] {
        guard available else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record(
                    "python3 with the jsonschema package is required under CI (make setup: apt python3-jsonschema)")
            } else {
                print("note: skipping JSON Schema validation: needs python3-jsonschema (make setup)")
            }
            return []
        }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            for path in sys.argv[2:]:
                for error in validator.iter_errors(json.load(open(path))):
                    print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
            """
        let result = run(python + ["-c", script, schema.path] + files.map(\.path))
        return result.output.split(separator: "\n").map(String.init)
    }

    private static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
