// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// File sizes for tests.
enum FileManagerSize {
    /// The size of the file at `path` in bytes.
    static func bytes(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
