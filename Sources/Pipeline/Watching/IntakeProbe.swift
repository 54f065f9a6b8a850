// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import SystemPackage

/// The facts about inbox entries that ``IntakeStateMachine`` asks for, so that the machine itself
/// stays free of I/O: tests give it scripted answers, the daemon ``FileSystemProbe``.
public protocol IntakeProbe {
    /// Whether `path` names a regular file now (not following a symlink).
    func isRegularFile(_ path: FilePath) -> Bool
    /// Who may read what `path` names now; `nil` when nothing is there.
    func accessMark(_ path: FilePath) -> AccessMark?
    /// Which file `path` names now; `nil` when nothing is there.
    func identity(_ path: FilePath) -> FileIdentity?
    /// How many names the file at `path` has (`st_nlink`, not following a symlink); 0 when
    /// nothing is there.
    func linkCount(_ path: FilePath) -> Int
}

/// The live filesystem, through `lstat`.
public struct FileSystemProbe: IntakeProbe {
    public init() {}

    public func isRegularFile(_ path: FilePath) -> Bool { InboxScanner.fileType(path) == UInt8(DT_REG) }
    public func accessMark(_ path: FilePath) -> AccessMark? { AccessMark.current(path) }
    public func identity(_ path: FilePath) -> FileIdentity? { FileIdentity.current(path) }
    public func linkCount(_ path: FilePath) -> Int {
        var info = stat()
        return path.withPlatformString { lstat($0, &info) } == 0 ? Int(info.st_nlink) : 0
    }
}
