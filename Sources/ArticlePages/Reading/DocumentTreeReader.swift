// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch
import Foundation
import Synchronization

/// Reads the documents of an output tree for the digest: every `*.json` below the root (dot-files,
/// the daemon's temporary files, and `*.error.json` left out), decoded as ``DigestRecord``s on all
/// cores, and the failure records of a `failed/` directory.
///
/// This is the pages' only file I/O. Files that cannot be read or decoded are counted, not fatal.
public enum DocumentTreeReader {
    /// What was read.
    public struct Result: Sendable {
        public var records: [DigestRecord]
        /// Paths (relative to the root) of files that could not be read or decoded.
        public var unreadable: [String]
    }

    /// The documents below `root`, in no particular order. Throws ``PageError`` (`output-unreadable`)
    /// when `root` cannot be listed. `workers` defaults to the active processor count.
    public static func read(root: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws
        -> Result
    {
        let listing = try list(root: root)
        let paths = listing.documents
        let workerCount = max(1, min(workers, paths.count))
        let results = Mutex<[(records: [DigestRecord], unreadable: [String])]>([])
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            let decoder = JSONDecoder()
            var records: [DigestRecord] = []
            var unreadable: [String] = []
            var index = worker
            while index < paths.count {
                let relative = paths[index]
                index += workerCount
                guard let data = try? Data(contentsOf: rootURL.appendingPathComponent(relative), options: .uncached),
                    var record = try? decoder.decode(DigestRecord.self, from: data)
                else {
                    unreadable.append(relative)
                    continue
                }
                let components = relative.split(separator: "/").map(String.init)
                record.documentPath = components
                let page = String(relative.dropLast(".json".count)) + ".html"
                if listing.pages.contains(page) { record.showPagePath = page.split(separator: "/").map(String.init) }
                records.append(record)
            }
            results.withLock { $0.append((records, unreadable)) }
        }
        let parts = results.withLock { $0 }
        return Result(records: parts.flatMap(\.records), unreadable: parts.flatMap(\.unreadable).sorted())
    }

    /// The failure records (`*.error.json`) below `directory`; none when it does not exist.
    /// Records that do not decode count with code `unreadable-record`.
    public static func failures(in directory: String) -> [FailureSummary] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        let decoder = JSONDecoder()
        var failures: [FailureSummary] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".error.json") else { continue }
            let url = URL(fileURLWithPath: directory).appendingPathComponent(relative)
            if let data = try? Data(contentsOf: url), let failure = try? decoder.decode(FailureSummary.self, from: data)
            {
                failures.append(failure)
            } else {
                failures.append(FailureSummary(code: "unreadable-record", failedAt: nil))
            }
        }
        return failures
    }

    /// Relative paths of the documents (`*.json`, not dot-files or `*.error.json`) and of the
    /// pages (`*.html`) below `root`.
    static func list(root: String) throws -> (documents: [String], pages: Set<String>) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: root)
        else {
            throw PageError(code: .outputUnreadable, path: root, cause: "not a readable directory")
        }
        var documents: [String] = []
        var pages = Set<String>()
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            guard !name.hasPrefix(".") else { continue }
            if name.hasSuffix(".json"), !name.hasSuffix(".error.json") {
                documents.append(relative)
            } else if name.hasSuffix(".html") {
                pages.insert(relative)
            }
        }
        return (documents.sorted(), pages)
    }
}
