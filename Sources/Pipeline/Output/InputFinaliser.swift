// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import CLinux
import Foundation
import Glibc
import SystemPackage

/// Moves an input out of the inbox once its fate is durable: to the archive after its document is
/// written (or leaves it in place when archiving is off), to `failed/` with its error record after
/// a permanent failure. Both trees mirror the input's path relative to the inbox; a name already
/// taken, in any component, gets a `.<n>` suffix, so nothing is overwritten.
///
/// The input is reached beneath the inbox without following a symlink in any component
/// (``Beneath``) and moved with `renameat2(RENAME_NOREPLACE)` from its directory's descriptor, so a
/// producer cannot make the daemon move anything from outside the inbox, nor over anything. When
/// the archive or failed tree is on another filesystem (`EXDEV`), the input is copied, synced and
/// then unlinked instead.
///
/// The moves are not synced: a move lost in a power failure leaves the input in the inbox, where
/// the restart finds its ledger row (or processes it again, at least once), so an `fsync` of the
/// directory per article would buy nothing.
public struct InputFinaliser: Sendable {
    public let inbox: FilePath
    /// `nil` keeps processed inputs in the inbox.
    public let archive: FilePath?
    public let failed: FilePath

    public init(inbox: FilePath, archive: FilePath?, failed: FilePath) {
        self.inbox = inbox
        self.archive = archive
        self.failed = failed
    }

    /// What became of the input at the path.
    public enum Outcome: Sendable, Equatable {
        /// Moved here.
        case moved(to: FilePath)
        /// Archiving is off: left in the inbox.
        case keptInPlace
        /// The path holds another file than the one processed (a new version renamed over it or
        /// rewritten in place while the old one was in flight): left in the inbox for its own turn.
        case replaced
    }

    /// Moves a processed input to the archive, provided the path still holds `expected` (`nil`:
    /// no check). Throws the errno of a failed move (`ENOENT` when the input is gone, or no longer
    /// inside the inbox).
    @discardableResult
    public func archive(_ input: FilePath, relative: FilePath, expected: FileIdentity?) throws(Errno) -> Outcome {
        guard let archive else { return .keptInPlace }
        let source = try InboxEntry(relative: relative, inbox: inbox)
        defer { source.close() }
        guard try source.holds(expected) else { return .replaced }
        return try move(source, into: archive, relative: relative, expected: expected)
    }

    /// Writes `record` as `<name>.error.json` in the failed tree, then moves the input beside it,
    /// provided the path still holds `expected` (`nil`: no check). The record is durable before the
    /// input leaves the inbox; when the move fails the record is removed again, so a retry never
    /// leaves a second record for one failure. Throws the errno of a failed write or move.
    @discardableResult
    public func fail(
        _ input: FilePath, relative: FilePath, record: FailureRecord, expected: FileIdentity?
    ) throws(Errno) -> Outcome {
        let source = try InboxEntry(relative: relative, inbox: inbox)
        defer { source.close() }
        guard try source.holds(expected) else { return .replaced }
        let target = try freeTarget(in: failed, relative: relative)
        // A record holds strings and integers only: it always encodes.
        let json = (try? OrderedJSONEncoder.encode(record)) ?? []
        let recordPath = FilePath(bytes: target.bytes + Array(".error.json".utf8))
        try AtomicFileWriter.write(json, to: recordPath, replacing: false)
        let outcome: Outcome
        do {
            outcome = try move(source, to: target, expected: expected)
        } catch {
            _ = recordPath.withPlatformString { unlink($0) }
            throw error
        }
        if outcome == .replaced { _ = recordPath.withPlatformString { unlink($0) } }
        return outcome
    }

    // MARK: - Moving

    /// Moves `source` to a free target for `relative` in `tree`, choosing again if a file takes the
    /// target meanwhile.
    private func move(
        _ source: InboxEntry, into tree: FilePath, relative: FilePath, expected: FileIdentity?
    ) throws(Errno) -> Outcome {
        var attempts = 0
        while true {
            do {
                return try move(source, to: try freeTarget(in: tree, relative: relative), expected: expected)
            } catch .fileExists where attempts < 8 {
                attempts += 1
            }
        }
    }

    /// Moves `source` to `target` without replacing anything, then checks that what arrived is the
    /// file processed: a new version renamed over the input between the check and the move is
    /// linked back into the inbox (`link` never replaces, so a third file there is not overwritten)
    /// and reported as `replaced`.
    private func move(_ source: InboxEntry, to target: FilePath, expected: FileIdentity?) throws(Errno) -> Outcome {
        let directory = try TargetDirectory(target.removingLastComponent())
        defer { directory.close() }
        let name = FilePath(bytes: target.lastComponentBytes)
        let renamed = source.name.withPlatformString { from in
            name.withPlatformString { to in watcherd_rename_noreplace(source.parent.rawValue, from, directory.fd, to) }
        }
        if renamed != 0 {
            let error = Errno(rawValue: errno)
            guard error == .improperLink else { throw error }
            return try copyAcross(source, to: directory, name: name, target: target, expected: expected)
        }
        guard let expected, directory.identity(of: name) != expected else { return .moved(to: target) }
        let linked = name.withPlatformString { from in
            source.name.withPlatformString { to in linkat(directory.fd, from, source.parent.rawValue, to, 0) }
        }
        guard linked == 0 else { throw Errno(rawValue: errno) }
        _ = name.withPlatformString { unlinkat(directory.fd, $0, 0) }
        return .replaced
    }

    /// The archive or failed tree is on another filesystem: copy the input into a temporary file
    /// there, sync it, give it its name (no replace), and only then unlink the input, provided its
    /// path still holds the file copied.
    private func copyAcross(
        _ source: InboxEntry, to directory: TargetDirectory, name: FilePath, target: FilePath, expected: FileIdentity?
    ) throws(Errno) -> Outcome {
        let input = source.name.withPlatformString {
            openat(source.parent.rawValue, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        }
        guard input >= 0 else { throw Errno(rawValue: errno) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw Errno(rawValue: errno) }
        if let expected, FileIdentity(info) != expected { return .replaced }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Errno(rawValue: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        try AtomicFileWriter.write(bytes, to: target, durable: true, replacing: false)
        let current = source.identity()
        guard current == FileIdentity(info) else {
            // Replaced while copied: the copy stays (the content was processed), the input stays too.
            return .replaced
        }
        guard source.name.withPlatformString({ unlinkat(source.parent.rawValue, $0, 0) }) == 0 else {
            throw Errno(rawValue: errno)
        }
        return .moved(to: target)
    }

    // MARK: - Targets

    /// `tree/relative`, with `.<n>` after any component whose name is taken: a directory component
    /// by a file (the archive holds a file `2024`, the inbox a directory `2024/`), the last one by
    /// anything, or by a failure record (`<name>.error.json`, so that a record never replaces an
    /// input whose own name ends in `.error.json`). The directories are created. The last component
    /// is fitted (see ``NameFitter``) so that the name, a `.<n>`, `.error.json` and the record's
    /// temporary name stay within 255 bytes.
    private func freeTarget(in tree: FilePath, relative: FilePath) throws(Errno) -> FilePath {
        var directory = tree.bytes
        var info = stat()
        func exists(_ path: [UInt8]) -> Bool { FilePath(bytes: path).withPlatformString { lstat($0, &info) } == 0 }
        for component in relative.removingLastComponent().bytes.split(separator: UInt8(ascii: "/")) {
            let base = directory + [UInt8(ascii: "/")] + component
            var candidate = base
            var counter = 1
            while exists(candidate), info.st_mode & S_IFMT != S_IFDIR {
                candidate = base + Array(".\(counter)".utf8)
                counter += 1
            }
            directory = candidate
        }
        try AtomicFileWriter.makeDirectories(FilePath(bytes: directory))
        let base = directory + [UInt8(ascii: "/")] + NameFitter.fit(relative.lastComponentBytes, limit: 210)
        var candidate = base
        var counter = 1
        while exists(candidate) || exists(candidate + Array(".error.json".utf8)) {
            candidate = base + Array(".\(counter)".utf8)
            counter += 1
        }
        return FilePath(bytes: candidate)
    }
}

/// An input reached beneath the inbox: its directory's descriptor and its name there.
private struct InboxEntry {
    let parent: FileDescriptor
    let name: FilePath

    /// - Throws: `ENOENT` when the entry is gone or not inside the inbox any more (a symlinked or
    ///   escaping component), the errno otherwise.
    init(relative: FilePath, inbox: FilePath) throws(Errno) {
        do {
            parent = try Beneath.openParent(of: relative, in: inbox)
        } catch {
            throw Beneath.isOutsideTheTree(error) ? .noSuchFileOrDirectory : error
        }
        name = FilePath(bytes: relative.lastComponentBytes)
    }

    func close() { try? parent.close() }

    /// Which file the name holds now, not following a symlink; `nil` when nothing is there.
    func identity() -> FileIdentity? {
        var info = stat()
        let result = name.withPlatformString { fstatat(parent.rawValue, $0, &info, AT_SYMLINK_NOFOLLOW) }
        return result == 0 ? FileIdentity(info) : nil
    }

    /// Whether the name still holds `expected` (`nil`: no check). Throws `ENOENT` when nothing is there.
    func holds(_ expected: FileIdentity?) throws(Errno) -> Bool {
        guard let expected else { return true }
        guard let current = identity() else { throw .noSuchFileOrDirectory }
        return current == expected
    }
}

/// A directory of the archive or failed tree, opened for `*at` calls.
private struct TargetDirectory {
    let fd: Int32

    init(_ path: FilePath) throws(Errno) {
        let opened = path.withPlatformString { open($0, watcherd_o_path | O_DIRECTORY | O_CLOEXEC) }
        guard opened >= 0 else { throw Errno(rawValue: errno) }
        fd = opened
    }

    func close() { Glibc.close(fd) }

    func identity(of name: FilePath) -> FileIdentity? {
        var info = stat()
        let result = name.withPlatformString { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }
        return result == 0 ? FileIdentity(info) : nil
    }
}
