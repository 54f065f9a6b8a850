// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import ArticleExtraction
import Foundation
import Pipeline

/// Reads the data the NER commands use: IOB2 files, the gazetteer lists (the project's
/// `Resources/gazetteer` and the shared `gazetteers/` folder), and the unlabelled corpus
/// (SaudiNewsNet: daily zip files of one JSON array of articles each, `content` holding the text;
/// unpacked by Info-ZIP's `unzip -p`, Debian package `unzip`).
enum NERDataReader {
    struct Failure: Error, CustomStringConvertible {
        let code: String
        let path: String
        let cause: String
        var description: String { "\(code): \(path): \(cause)" }
    }

    /// The sentences of an IOB2 file. Throws ``Failure`` `ner-io` or ``NERError`` naming the path.
    static func sentences(_ path: String) throws -> [IOB2Sentence] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(code: "ner-io", path: path, cause: "cannot read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(code: "ner-corpus-format", path: path, cause: "not UTF-8")
        }
        do {
            return try IOB2Corpus.parse(text)
        } catch {
            throw error.at(path)
        }
    }

    /// Non-empty lines of a UTF-8 text file that do not start with `#`.
    private static func lines(_ path: String) throws -> [Substring] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw Failure(code: "ner-io", path: path, cause: "cannot read as UTF-8") }
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    /// The gazetteer lists: the project's (`<resources>/gazetteer/locations.tsv`,
    /// `person-first-names.txt`) and, when `shared` is given, `countries_ar.tsv` (names and
    /// capitals), `cities_ar_geonames.tsv` (cities of a million people or more as places, the
    /// others as minor places) and `person_names_ar_faker.tsv` (first and last names).
    static func gazetteer(resources: String, shared: String?) throws -> NERGazetteerLists {
        var g = NERGazetteerLists()
        g.locations += try lines(resources + "/gazetteer/locations.tsv").compactMap {
            $0.split(separator: "\t").first.map(String.init)
        }
        g.firstNames += try lines(resources + "/gazetteer/person-first-names.txt").map(String.init)
        g.sources.append(
            "project gazetteer (Resources/gazetteer): GeoNames CC BY 4.0, world_countries CC BY-SA 4.0, Faker MIT")
        guard let shared else { return g }
        for line in try lines(shared + "/countries_ar.tsv").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.count > 3, !f[3].isEmpty { g.countries.append(f[3]) }
            if f.count > 6 { g.locations += f[6].split(separator: "|").map(String.init) }
        }
        for line in try lines(shared + "/cities_ar_geonames.tsv").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 5 else { continue }
            let names = f[4].split(separator: "|").map(String.init)
            if Int(f[2]) ?? 0 >= 1_000_000 { g.locations += names } else { g.minorPlaces += names }
        }
        for line in try lines(shared + "/person_names_ar_faker.tsv").dropFirst() {
            let f = line.split(separator: "\t")
            guard f.count >= 2 else { continue }
            if f[1] == "last" { g.lastNames.append(String(f[0])) } else { g.firstNames.append(String(f[0])) }
        }
        g.sources.append(
            "shared gazetteers (\(shared)): GeoNames cities CC BY 4.0, world_countries CC BY-SA 4.0, Faker MIT")
        return g
    }

    /// The bytes of every member of the zip file at `path`, concatenated (`unzip -p`).
    private static func unzipped(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(
                code: "ner-io", path: path, cause: "cannot run /usr/bin/unzip (Debian package unzip): \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(code: "ner-io", path: path, cause: "unzip exited with status \(process.terminationStatus)")
        }
        return data
    }

    /// The `content` of every article in the `*.zip` files of `directory`, files in name order.
    static func unlabeledTexts(_ directory: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".zip") }
                .sorted()
        } catch {
            throw Failure(code: "ner-io", path: directory, cause: "cannot list the directory")
        }
        guard !names.isEmpty else { throw Failure(code: "ner-io", path: directory, cause: "no .zip files") }
        var texts: [String] = []
        for name in names {
            let path = directory + "/" + name
            let data = try unzipped(path)
            guard let articles = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                throw Failure(code: "ner-corpus-format", path: path, cause: "not a JSON array of articles")
            }
            for article in articles {
                if let content = article["content"] as? String, !content.isEmpty { texts.append(content) }
            }
        }
        return texts
    }
}
