// SPDX-License-Identifier: GPL-2.0-or-later

import ArticlePages
import Foundation

/// Where `show` and `digest` put their page: a file (written to a temporary name, then renamed
/// over the target) or stdout.
enum PageOutput {
    /// Writes `html` to `path`, or to stdout when `path` is `nil` or `-`. Throws ``PageError``
    /// (`page-unwritable`).
    static func write(_ html: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(html.utf8))
            return
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PageError(code: .pageUnwritable, path: path, cause: "\(error)")
        }
    }
}
