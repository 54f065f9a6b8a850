import Foundation
import SystemPackage

/// Reads the gazetteer lists from the resource folder and builds the ``Gazetteer``.
///
/// Files: `gazetteer/locations.tsv` (`name<TAB>kind<TAB>country`, `#` comments) and
/// `gazetteer/person-first-names.txt` (one name per line); both derived by
/// `tools/build-gazetteers.py`, sources in `Resources/README.md`.
public enum GazetteerLoader {
    /// Throws ``ResourceLocator/NotFound`` or a read error naming the file.
    public static func load(tokenizer: Tokenizer, from directory: FilePath? = nil) throws -> Gazetteer {
        let root = try directory ?? ResourceLocator.resourceDirectory()
        func lines(_ name: String) throws -> [Substring] {
            let text = try String(contentsOfFile: root.appending(name).string, encoding: .utf8)
            return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        }
        let locations = try lines("gazetteer/locations.tsv").compactMap {
            $0.split(separator: "\t").first.map(String.init)
        }
        let firstNames = try lines("gazetteer/person-first-names.txt").map(String.init)
        return Gazetteer(locations: locations, firstNames: firstNames, tokenizer: tokenizer)
    }
}
