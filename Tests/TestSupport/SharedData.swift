// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Testing

/// Access to the evaluation data in `../shared/data` (relative to the package root), read in place.
///
/// Tests that need it use `@Test(.enabled(if: SharedData.runnable, SharedData.skipMessage))` and
/// then `try SharedData.require(...)`: without the data they are skipped with a message saying
/// what they need, except when the environment variable `CI` is set, where they run and fail.
public enum SharedData {
    /// `<package root>/../shared/data`, found from this file's path, or the directory named by the
    /// environment variable `WATCHERD_SHARED_DATA` (for checkouts that do not sit beside `shared/`,
    /// such as git worktrees).
    public static let root: URL =
        ProcessInfo.processInfo.environment["WATCHERD_SHARED_DATA"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data", isDirectory: true)

    public static let isCI = ProcessInfo.processInfo.environment["CI"] != nil

    public static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }

    /// True when the data is present, or when running in CI (where its absence must fail).
    public static var runnable: Bool { isPresent || isCI }

    public static let skipMessage: Comment =
        "needs the shared evaluation data at ../shared/data (samples/, articles/saudinewsnet/); set CI=1 to fail instead"

    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "shared data missing: \(path) (expected ../shared/data relative to the package)"
        }
    }

    /// The URL of `relative` under the data root; throws (failing the test) when it does not exist.
    public static func require(_ relative: String) throws -> URL {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// The bytes of `relative` under the data root.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: require(relative)))
    }

    public static let sample = "samples/libya-ceasefire-ar.txt"
    public static let saudiNewsNet = "articles/saudinewsnet"
}
