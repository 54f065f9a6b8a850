// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

/// How many documents of a background corpus hold each keyword term (``KeywordTerms`` keys), and
/// how many documents there were: the IDF side of TF-IDF.
///
/// File format (`keywords/document-frequencies.tsv` in the resources): UTF-8 lines; `#` comment
/// lines first, among them `# documents<TAB>N`; then `term<TAB>count`, one per line, terms in
/// ``KeywordTerms`` form (a stem, or two stems joined by a space). Made by
/// `tools/build-keyword-frequencies.py` through `watcherd keywords count`.
public struct DocumentFrequencies: Sendable, Equatable {
    /// Documents in the background corpus.
    public let documents: Int
    /// Documents holding each term (terms below the counting threshold are absent), keyed by code
    /// units: the terms are ``KeywordTerms`` keys, all in ``ArabicNormalizer`` form.
    public let counts: [TermKey: Int32]

    public init(documents: Int, counts: [String: Int32]) {
        self.documents = documents
        self.counts = Dictionary(uniqueKeysWithValues: counts.map { (TermKey($0.key), $0.value) })
    }

    /// `log((N + 1) / (df + 1)) + 1`: the smoothed inverse document frequency of `term` (scikit-learn's
    /// `smooth_idf` form); a term absent from the table counts as df = 0.
    @inline(__always)
    public func idf(_ term: TermKey) -> Double {
        let df = Double(counts[term] ?? 0)
        return log((Double(documents) + 1) / (df + 1)) + 1
    }

    /// The file's text.
    public func serialized(comment: [String]) -> String {
        var out = comment.map { "# " + $0 }.joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        out += "# documents\t\(documents)\n"
        for (term, count) in counts.sorted(by: {
            $0.value != $1.value ? $0.value > $1.value : $0.key.string < $1.key.string
        }) {
            out += term.string + "\t" + String(count) + "\n"
        }
        return out
    }

    /// The table in `text` (see the type's documentation).
    ///
    /// - Throws: ``ResourceError`` (with `path`) when the document count is missing or a line is malformed.
    public static func parse(_ text: String, path: String) throws(ResourceError) -> DocumentFrequencies {
        var documents = 0
        var counts: [String: Int32] = [:]
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            if line.hasPrefix("#") {
                let fields = line.dropFirst(2).split(separator: "\t")
                if fields.count == 2, fields[0] == "documents", let n = Int(fields[1]) { documents = n }
                continue
            }
            guard let tab = line.lastIndex(of: "\t"), let count = Int32(line[line.index(after: tab)...]) else {
                throw ResourceError(path: path, cause: "line \(lineNumber): expected term<TAB>count")
            }
            counts[String(line[..<tab])] = count
        }
        guard documents > 0 else { throw ResourceError(path: path, cause: "no '# documents<TAB>N' line") }
        return DocumentFrequencies(documents: documents, counts: counts)
    }

    /// The table at `directory/keywords/document-frequencies.tsv`.
    ///
    /// - Throws: ``ResourceError`` when the file cannot be read or is malformed.
    public static func load(from directory: String) throws(ResourceError) -> DocumentFrequencies {
        let path = directory + "/keywords/document-frequencies.tsv"
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ResourceError(path: path, cause: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }
}
