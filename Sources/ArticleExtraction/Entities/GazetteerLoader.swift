// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// Reads the gazetteer lists from a resource folder and builds the ``Gazetteer``.
///
/// Files, under `directory`: `gazetteer/locations.tsv` (`name<TAB>kind<TAB>country`, `#` comments)
/// and `gazetteer/person-first-names.txt` (one name per line); both derived by
/// `tools/build-gazetteers.py`, sources in `Resources/README.md`.
public enum GazetteerLoader {
    /// The gazetteer from the lists under `directory`.
    ///
    /// - Throws: ``ResourceError`` naming the file that cannot be read.
    public static func load(tokenizer: Tokenizer, from directory: String) throws(ResourceError) -> Gazetteer {
        func lines(_ name: String) throws(ResourceError) -> [Substring] {
            let path = directory + "/" + name
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ResourceError(path: path, cause: "\(error.localizedDescription)")
            }
            return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        }
        let locations = try lines("gazetteer/locations.tsv").compactMap {
            $0.split(separator: "\t").first.map(String.init)
        }
        let firstNames = try lines("gazetteer/person-first-names.txt").map(String.init)
        return Gazetteer(locations: locations, firstNames: firstNames, tokenizer: tokenizer)
    }
}
