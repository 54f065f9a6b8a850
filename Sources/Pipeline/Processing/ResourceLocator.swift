import Foundation
import SystemPackage

/// Finds the extraction resources (`Sources/ArticleExtraction/Resources/`: gazetteers) without
/// `Bundle.module`, which traps when the folder is missing. Looks, in order, at
/// `$WATCHERD_RESOURCES`, `<executable dir>/watcherd_ArticleExtraction.resources` (where SwiftPM
/// puts it), and `/usr/local/share/watcherd` (where `make install` puts it).
public enum ResourceLocator {
    public struct NotFound: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String {
            "resources-missing: extraction resources not found; searched \(searched.joined(separator: ", ")); "
                + "set WATCHERD_RESOURCES"
        }
    }

    /// The resource folder. Throws ``NotFound`` naming every place searched.
    public static func resourceDirectory() throws(NotFound) -> FilePath {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["WATCHERD_RESOURCES"] { candidates.append(override) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("watcherd_ArticleExtraction.resources").path)
        candidates.append(executable.appendingPathComponent("watcherd_ArticleExtraction.resources/Resources").path)
        candidates.append("/usr/local/share/watcherd")
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate + "/gazetteer/locations.tsv") {
            return FilePath(candidate)
        }
        throw NotFound(searched: candidates)
    }
}
