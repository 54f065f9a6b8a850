// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation

/// Small path facts for the command line.
enum FileSystemPaths {
    /// The process's working directory.
    static func currentDirectory() -> String { FileManager.default.currentDirectoryPath }
}
