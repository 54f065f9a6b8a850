// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Testing

/// The seed article in `../shared/data/samples`, read in place. Tests that need it are skipped
/// with a message when it is absent, except under CI (`CI` set), where they run and fail.
enum SharedSample {
    static let dataRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")
    static let url = dataRoot.appendingPathComponent("samples/libya-ceasefire-ar.txt")
    static let runnable =
        FileManager.default.fileExists(atPath: url.path)
        || ProcessInfo.processInfo.environment["CI"] != nil
    static let skipMessage: Comment = "needs ../shared/data/samples/libya-ceasefire-ar.txt (the shared evaluation data)"

    static func data() throws -> Data { try Data(contentsOf: url) }
}
