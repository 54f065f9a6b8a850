// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import SystemPackage

/// Checks the daemon's directories before anything is created, for `watcherd validate` and for
/// `watcherd run`, which refuses to start (creating nothing) when a problem is found.
///
/// Rules: each directory exists and is writable, or does not exist and its parent is a writable
/// directory (it is then created, one level only: a typo higher up is refused instead of growing
/// a new tree); a file is never taken for a directory; no two directories are the same, and none
/// is inside another. A symlinked directory is resolved once, at start-up, and said so.
public enum DirectoryCheck {
    public struct Result: Sendable {
        /// The layout with symlinks resolved.
        public var layout: DirectoryLayout
        public var problems: [ConfigurationProblem]
        /// What the check resolved or will create, for the log.
        public var notes: [String]
        /// Directories that do not exist yet (their parents do).
        public var toCreate: [FilePath]
    }

    public static func run(_ layout: DirectoryLayout, configuration: ServiceConfiguration) -> Result {
        var problems: [ConfigurationProblem] = []
        var notes: [String] = []
        var toCreate: [FilePath] = []
        var resolved: [(key: ConfigurationKey, path: FilePath)] = []
        for (key, path) in layout.named {
            func problem(_ code: String, _ message: String) {
                problems.append(configuration.problem(code, key, "\(path): \(message)"))
            }
            var info = stat()
            let linked = path.withPlatformString { lstat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFLNK
            let target = realPath(path)
            if linked, let target {
                notes.append("\(key.rawValue) \(path) is a symlink: using \(target) (resolved once, at start-up)")
            }
            let effective = target ?? path
            resolved.append((key, effective))
            if effective.withPlatformString({ stat($0, &info) }) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR {
                    problem("not-a-directory", "is a file, not a directory")
                } else if effective.withPlatformString({ access($0, W_OK | X_OK) }) != 0 {
                    problem("not-writable", "is not writable by this user (uid \(geteuid()))")
                }
                continue
            }
            if errno != ENOENT {
                problem("not-a-directory", "cannot be examined: \(Errno(rawValue: errno))")
                continue
            }
            let parent = effective.removingLastComponent()
            if parent.withPlatformString({ stat($0, &info) }) != 0 {
                problem("no-parent", "does not exist, and neither does its parent \(parent) (a typo?)")
            } else if info.st_mode & S_IFMT != S_IFDIR {
                problem("no-parent", "cannot be created: \(parent) is not a directory")
            } else if parent.withPlatformString({ access($0, W_OK | X_OK) }) != 0 {
                problem("not-writable", "does not exist and cannot be created: \(parent) is not writable")
            } else {
                toCreate.append(effective)
                notes.append("\(key.rawValue) \(effective) does not exist: it will be created")
            }
        }
        for (index, inner) in resolved.enumerated() {
            for outer in resolved[..<index] {
                if inner.path == outer.path {
                    problems.append(
                        configuration.problem(
                            "same-directory", inner.key,
                            "\(inner.path) is also the \(outer.key.rawValue) directory: each must be its own"))
                } else if inner.path.starts(with: outer.path) || outer.path.starts(with: inner.path) {
                    let (child, parent) = inner.path.starts(with: outer.path) ? (inner, outer) : (outer, inner)
                    problems.append(
                        configuration.problem(
                            "nested", inner.key,
                            "\(child.key.rawValue) (\(child.path)) is inside \(parent.key.rawValue) (\(parent.path)): "
                                + "no directory may be inside another"))
                }
            }
        }
        let paths = Dictionary(resolved.map { ($0.key, $0.path) }, uniquingKeysWith: { first, _ in first })
        let result = DirectoryLayout(
            inbox: paths[.inbox]!, output: paths[.output]!, archive: layout.archive == nil ? nil : paths[.archive],
            failed: paths[.failed]!, state: paths[.state]!)
        return Result(layout: result, problems: problems, notes: notes, toCreate: toCreate)
    }

    /// `realpath(3)` of `path`; for a path that does not exist, of its longest existing ancestor
    /// with the rest appended. `nil` when nothing can be resolved.
    static func realPath(_ path: FilePath) -> FilePath? {
        var head = path
        var tail: [FilePath.Component] = []
        while !head.isEmpty {
            if let resolved = head.withPlatformString({ Glibc.realpath($0, nil) }) {
                defer { free(resolved) }
                var result = FilePath(platformString: resolved)
                for component in tail.reversed() { result.append(component) }
                return result
            }
            guard let last = head.lastComponent else { break }
            tail.append(last)
            head.removeLastComponent()
        }
        return nil
    }
}
