// SPDX-License-Identifier: GPL-2.0-or-later

/// The path from one directory to another as components (`..` where needed), for links in pages.
/// Pure: both paths must be absolute and standardised (no `.`/`..` components, no symlink resolution).
public enum RelativePath {
    /// Components leading from directory `from` to directory `to`: `/a/b` to `/a/c/d` is
    /// `["..", "c", "d"]`; equal paths give `[]`.
    public static func components(from: String, to: String) -> [String] {
        let a = from.split(separator: "/").map(String.init)
        let b = to.split(separator: "/").map(String.init)
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        return Array(repeating: "..", count: a.count - common) + b[common...]
    }
}
