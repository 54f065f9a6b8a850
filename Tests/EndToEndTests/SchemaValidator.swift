import Foundation
import Testing

/// Validates documents against `schema/article.schema.json` with Python's `jsonschema` package
/// (Draft 2020-12), the reference validator; `.ci/run` installs it. Outside CI a machine without it
/// skips the check with a message; under CI its absence fails.
enum SchemaValidator {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schema/article.schema.json")

    static let available: Bool = run(["-c", "import jsonschema"]).status == 0

    /// Validation errors for each file (empty when all are valid). Records an issue when the
    /// validator is missing under CI.
    static func errors(for files: [URL]) -> [String] {
        guard available else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("python3 with the jsonschema package is required under CI (pip install jsonschema)")
            } else {
                print("note: skipping JSON Schema validation: needs python3 -m pip install jsonschema")
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
        let result = run(["-c", script, schema.path] + files.map(\.path))
        return result.output.split(separator: "\n").map(String.init)
    }

    private static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
