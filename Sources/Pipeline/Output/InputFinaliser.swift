import ArticleExtraction
import Foundation
import Glibc
import SystemPackage

/// Moves an input out of the inbox once its fate is durable: to the archive after its document is
/// written (or leaves it in place when archiving is off), to `failed/` with its error record after
/// a permanent failure. Both trees mirror the input's path relative to the inbox; a name already
/// taken gets a `.<n>` suffix, so nothing is overwritten.
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
    /// no check). Throws the errno of a failed move (`ENOENT` when the input is gone).
    @discardableResult
    public func archive(_ input: FilePath, relative: FilePath, expected: FileIdentity?) throws(Errno) -> Outcome {
        guard let archive else { return .keptInPlace }
        guard try holds(input, expected) else { return .replaced }
        let target = uniqueTarget(in: archive, relative: relative)
        try AtomicFileWriter.makeDirectories(target.removingLastComponent())
        return try move(input, to: target, expected: expected)
    }

    /// Writes `record` as `<name>.error.json` in the failed tree, then moves the input beside it,
    /// provided the path still holds `expected` (`nil`: no check). The record is durable before the
    /// input leaves the inbox. Throws the errno of a failed write or move.
    @discardableResult
    public func fail(
        _ input: FilePath, relative: FilePath, record: FailureRecord, expected: FileIdentity?
    ) throws(Errno) -> Outcome {
        guard try holds(input, expected) else { return .replaced }
        let target = uniqueTarget(in: failed, relative: relative)
        // A record holds strings and integers only: it always encodes.
        let json = (try? OrderedJSONEncoder.encode(record)) ?? []
        let recordPath = FilePath(bytes: target.bytes + Array(".error.json".utf8))
        try AtomicFileWriter.write(json, to: recordPath)
        let outcome = try move(input, to: target, expected: expected)
        if outcome == .replaced { _ = recordPath.withPlatformString { unlink($0) } }
        return outcome
    }

    /// Whether `input` still names the file processed. Throws `ENOENT` when nothing is there.
    private func holds(_ input: FilePath, _ expected: FileIdentity?) throws(Errno) -> Bool {
        guard let expected else { return true }
        guard let current = FileIdentity.current(input) else { throw .noSuchFileOrDirectory }
        return current == expected
    }

    /// Renames `input` to `target`, then checks that what arrived is the file processed: a new
    /// version renamed over the input between the check and the rename is linked back into the
    /// inbox (`link` never replaces, so a third file there is not overwritten) and reported as
    /// `replaced`.
    private func move(_ input: FilePath, to target: FilePath, expected: FileIdentity?) throws(Errno) -> Outcome {
        try rename(input, to: target)
        guard let expected, FileIdentity.current(target) != expected else { return .moved(to: target) }
        let linked = target.withPlatformString { a in input.withPlatformString { b in link(a, b) } }
        guard linked == 0 else { throw Errno(rawValue: errno) }
        _ = target.withPlatformString { unlink($0) }
        return .replaced
    }

    private func rename(_ from: FilePath, to: FilePath) throws(Errno) {
        let result = from.withPlatformString { a in to.withPlatformString { b in Glibc.rename(a, b) } }
        if result != 0 { throw Errno(rawValue: errno) }
    }

    /// `tree/relative`, or `tree/relative.<n>` for the first free n.
    /// A name is free when neither it nor its `.error.json` record exists, so that a record never
    /// replaces an input whose own name ends in `.error.json`. The last component is fitted (see
    /// ``NameFitter``) so that the name, a `.<n>`, `.error.json` and the record's temporary name stay within 255 bytes.
    private func uniqueTarget(in tree: FilePath, relative: FilePath) -> FilePath {
        let name = NameFitter.fit(relative.lastComponentBytes, limit: 210)
        let parent = relative.removingLastComponent()
        let directory = parent.isEmpty ? tree.bytes : tree.bytes + [UInt8(ascii: "/")] + parent.bytes
        let base = directory + [UInt8(ascii: "/")] + name
        var candidate = base
        var counter = 1
        var info = stat()
        func taken(_ path: [UInt8]) -> Bool {
            FilePath(bytes: path).withPlatformString { lstat($0, &info) } == 0
                || FilePath(bytes: path + Array(".error.json".utf8)).withPlatformString { lstat($0, &info) } == 0
        }
        while taken(candidate) {
            candidate = base + Array(".\(counter)".utf8)
            counter += 1
        }
        return FilePath(bytes: candidate)
    }
}
