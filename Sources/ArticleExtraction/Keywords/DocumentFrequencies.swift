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
    /// `counts` again, by a 64-bit hash of the term's UTF-8 (``key(_:)``): the look-up the
    /// extraction makes for every distinct term of an article, one probe into flat arrays instead
    /// of hashing the string with SipHash and comparing it in a table of 90,000 strings. `nil`
    /// when two terms of the table share a hash (for 90,000 terms, a chance of about 2⁻³²):
    /// then `counts` answers. A term absent from the table takes a stored term's count only when
    /// its hash equals that term's, about 2⁻⁶³ a probe.
    private let hashed: HashedTable<Int32>?

    public init(documents: Int, counts: [String: Int32]) {
        self.init(
            documents: documents, keyed: Dictionary(uniqueKeysWithValues: counts.map { (TermKey($0.key), $0.value) }))
    }

    private init(documents: Int, keyed counts: [TermKey: Int32]) {
        self.documents = documents
        self.counts = counts
        var hashed: HashedTable<Int32>? = HashedTable(capacity: counts.count, empty: 0)
        for (term, count) in counts {
            guard hashed?.value(for: Self.key(term)) == nil else {
                hashed = nil
                break
            }
            hashed?.set(Self.key(term), count)
        }
        self.hashed = hashed
    }

    public static func == (a: DocumentFrequencies, b: DocumentFrequencies) -> Bool {
        a.documents == b.documents && a.counts == b.counts
    }

    /// Documents holding `term` (0 for a term the table does not hold).
    @inline(__always)
    public func count(_ term: TermKey) -> Int32 {
        guard let hashed else { return counts[term] ?? 0 }
        return hashed.value(for: Self.key(term), default: 0)
    }

    /// `log((N + 1) / (df + 1)) + 1`: the smoothed inverse document frequency of `term` (scikit-learn's
    /// `smooth_idf` form); a term absent from the table counts as df = 0.
    @inline(__always)
    public func idf(_ term: TermKey) -> Double {
        let df = Double(count(term))
        return log((Double(documents) + 1) / (df + 1)) + 1
    }

    /// The table key of `term`: FNV-1a 64 of its UTF-8 (``ArabicText/TermKey/utf8Hash``), through
    /// MurmurHash3's finaliser (so that the low bits the table indexes by are spread), never 0.
    @inline(__always)
    static func key(_ term: TermKey) -> UInt64 {
        let h = FeatureHash.finalize(term.utf8Hash)
        return h == 0 ? 1 : h
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
        var counts: [TermKey: Int32] = [:]
        var lineNumber = 0
        // Line by line over the UTF-8 (splitting the `String` would find grapheme clusters in
        // 90,000 Arabic lines, a start-up cost of a quarter of a second).
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            lineNumber += 1
            if line.first == UInt8(ascii: "#") {
                let fields = line.dropFirst(2).split(separator: 0x09)
                if fields.count == 2, fields[0].elementsEqual("documents".utf8),
                    let n = Int(String(decoding: fields[1], as: UTF8.self))
                {
                    documents = n
                }
                continue
            }
            guard let tab = line.lastIndex(of: 0x09),
                let count = Int32(String(decoding: line[line.index(after: tab)...], as: UTF8.self))
            else {
                throw ResourceError(path: path, cause: "line \(lineNumber): expected term<TAB>count")
            }
            counts[TermKey(String(decoding: line[..<tab], as: UTF8.self))] = count
        }
        guard documents > 0 else { throw ResourceError(path: path, cause: "no '# documents<TAB>N' line") }
        return DocumentFrequencies(documents: documents, keyed: counts)
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
