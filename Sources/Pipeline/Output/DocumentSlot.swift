// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import SystemPackage

/// Where the document of one content goes, so that a document is never replaced except by the
/// document of the same content, and a file the daemon did not write is never overwritten.
///
/// The first content under an input name gets `<name>.json`; a later, different content under the
/// same name gets `<name>.<first 8 hex digits of its SHA-256>.json` (both fitted to 255 bytes by
/// ``NameFitter``). The move into place is a no-replace rename (``AtomicFileWriter``), except over
/// a document of the same content, so a file that appears meanwhile is never replaced either.
public enum DocumentSlot {
    /// What a path in the output tree holds now.
    public enum Holder: Sendable, Equatable {
        case nothing
        /// A document of the same content (its `id` is `sha256:<this hash>`).
        case sameContent
        /// A document of another content.
        case otherContent
        /// Anything else: a file the daemon did not write, a directory, a symlink.
        case foreign
    }

    /// Where to write.
    public enum Resolution: Sendable, Equatable {
        /// Write at `relative` (under the output root); `replacing` only over the same content's document.
        case write(relative: String, replacing: Bool)
        /// Both names are held by others: the article cannot be placed.
        case taken(primary: String, versioned: String)
    }

    /// The slot for content `sha256` of the input shown as `display` (escaped relative path).
    public static func resolve(display: String, sha256: String, outputRoot: FilePath) -> Resolution {
        let primary = fitted(display + ".json")
        let versioned = fitted(display + "." + String(sha256.prefix(8)) + ".json")
        for relative in [primary, versioned] {
            switch holder(of: outputRoot.appending(relative), sha256: sha256) {
            case .nothing: return .write(relative: relative, replacing: false)
            case .sameContent: return .write(relative: relative, replacing: true)
            case .otherContent, .foreign: continue
            }
        }
        return .taken(primary: primary, versioned: versioned)
    }

    /// `name`'s last component fitted so that the document and its temporary name
    /// (`.<name>.tmp-<pid>-<n>`) stay within 255 bytes.
    static func fitted(_ relative: String) -> String {
        let bytes = Array(relative.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        let name = NameFitter.fit(Array(bytes[slash...]), limit: 220)
        let last = name.count == bytes.count - slash ? name : name + Array(".json".utf8)
        return String(decoding: bytes[..<slash] + last, as: UTF8.self)
    }

    /// Who holds `path`: reads the head of a regular file for the document's `id` (the second key
    /// of every document this version writes), else parses the whole file (documents of earlier
    /// versions had no fixed key order).
    public static func holder(of path: FilePath, sha256: String) -> Holder {
        var info = stat()
        guard path.withPlatformString({ lstat($0, &info) }) == 0 else { return .nothing }
        guard info.st_mode & S_IFMT == S_IFREG else { return .foreign }
        guard let fd = try? FileDescriptor.open(path, .readOnly, options: [.noFollow, .closeOnExec]) else {
            return .foreign
        }
        defer { try? fd.close() }
        var head = [UInt8](repeating: 0, count: 128)
        let count = (try? head.withUnsafeMutableBytes { try fd.read(into: $0) }) ?? 0
        let prefix = Array(#"{"schema_version":1,"id":"sha256:"#.utf8)
        if count >= prefix.count + 64, Array(head[..<prefix.count]) == prefix {
            let id = String(decoding: head[prefix.count..<(prefix.count + 64)], as: UTF8.self)
            return id == sha256 ? .sameContent : .otherContent
        }
        guard info.st_size < 64 << 20, let data = FileManager.default.contents(atPath: path.string),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["schema_version"] != nil, let id = object["id"] as? String, id.hasPrefix("sha256:")
        else { return .foreign }
        return id == "sha256:" + sha256 ? .sameContent : .otherContent
    }
}
