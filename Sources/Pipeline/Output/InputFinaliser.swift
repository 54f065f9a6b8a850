import Foundation
import Glibc
import SystemPackage

/// Moves an input out of the inbox once its fate is durable: to the archive after its document is
/// written (or leaves it in place when archiving is off), to `failed/` with its error record after
/// a permanent failure. Both trees mirror the input's path relative to the inbox; a name already
/// taken gets a `.<n>` suffix, so nothing is overwritten.
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

    /// Moves a processed input to the archive. Returns where it went (`nil`: kept in place).
    @discardableResult
    public func archive(_ input: FilePath, relative: FilePath) throws(Errno) -> FilePath? {
        guard let archive else { return nil }
        return try move(input, into: archive, relative: relative)
    }

    /// Writes `record` as `<name>.error.json` in the failed tree, then moves the input beside it.
    /// The record is durable before the input leaves the inbox.
    @discardableResult
    public func fail(_ input: FilePath, relative: FilePath, record: FailureRecord) throws(Errno) -> FilePath {
        let target = uniqueTarget(in: failed, relative: relative)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let json = (try? encoder.encode(record)).map { Array($0) } ?? []
        try AtomicFileWriter.write(json, to: FilePath(bytes: target.bytes + Array(".error.json".utf8)))
        try rename(input, to: target)
        return target
    }

    private func move(_ input: FilePath, into tree: FilePath, relative: FilePath) throws(Errno) -> FilePath {
        let target = uniqueTarget(in: tree, relative: relative)
        try AtomicFileWriter.makeDirectories(target.removingLastComponent())
        try rename(input, to: target)
        return target
    }

    private func rename(_ from: FilePath, to: FilePath) throws(Errno) {
        let result = from.withPlatformString { a in to.withPlatformString { b in Glibc.rename(a, b) } }
        if result != 0 { throw Errno(rawValue: errno) }
        try? AtomicFileWriter.syncDirectory(to.removingLastComponent())
    }

    /// `tree/relative`, or `tree/relative.<n>` for the first free n.
    private func uniqueTarget(in tree: FilePath, relative: FilePath) -> FilePath {
        let base = FilePath(bytes: tree.bytes + [UInt8(ascii: "/")] + relative.bytes)
        var candidate = base
        var counter = 1
        var info = stat()
        while candidate.withPlatformString({ lstat($0, &info) }) == 0 {
            candidate = FilePath(bytes: base.bytes + Array(".\(counter)".utf8))
            counter += 1
        }
        return candidate
    }
}
