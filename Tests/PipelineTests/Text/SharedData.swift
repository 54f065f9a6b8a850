import Foundation
import Testing

/// Access to the evaluation data in `../shared/data` (relative to the package root), read in place.
///
/// Tests that need it use `@Test(.enabled(if: SharedData.runnable, SharedData.skipMessage))` and
/// then `try SharedData.require(...)`: without the data they are skipped with a message saying
/// what they need, except when the environment variable `CI` is set, where they run and fail.
enum SharedData {
    /// `<package root>/../shared/data`, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Text
        .deletingLastPathComponent()  // PipelineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data", isDirectory: true)

    static let isCI = ProcessInfo.processInfo.environment["CI"] != nil

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// True when the data is present, or when running in CI (where its absence must fail).
    static var runnable: Bool { isPresent || isCI }

    static let skipMessage: Comment =
        "needs the shared evaluation data at ../shared/data (samples/, articles/saudinewsnet/); set CI=1 to fail instead"

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "shared data missing: \(path) (expected ../shared/data relative to the package)" }
    }

    /// The URL of `relative` under the data root; throws (failing the test) when it does not exist.
    static func require(_ relative: String) throws -> URL {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// The bytes of `relative` under the data root.
    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: require(relative)))
    }

    static let sample = "samples/libya-ceasefire-ar.txt"
    static let saudiNewsNet = "articles/saudinewsnet"
}
