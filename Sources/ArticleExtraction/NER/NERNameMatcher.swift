// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Finds the names of ``NERKnownNames`` in an article by the tokens' lexical forms (so that
/// `وحكومة الوفاق` and `لحكومة الوفاق` match `حكومة الوفاق`), longest first, within a line.
struct NERNameMatcher: Sendable {
    /// Chain hash of a name's lexical forms (``NERLexicon/phraseStep(_:_:)``) -> 1 for a whole
    /// organisation name, 2 where a longer name continues (both bits possible).
    private let organizations: [UInt64: UInt8]
    private let regions: Set<UInt64>
    private let compass: Set<UInt64>

    init(lexicon: NERLexicon, tokenizer: Tokenizer = Tokenizer()) {
        func forms(_ name: String) -> [UInt64] {
            tokenizer.tokens(in: Array(name.unicodeScalars)).filter { $0.kind == .arabicWord }.map {
                lexicon.lexicalForm(of: $0, proclitics: NERProclitics($0)).hash
            }
        }
        var organizations: [UInt64: UInt8] = [:]
        for name in NERKnownNames.organizations {
            var hash = NERLexicon.phraseSeed
            let f = forms(name)
            for (k, form) in f.enumerated() {
                hash = NERLexicon.phraseStep(hash, form)
                organizations[hash, default: 0] |= k == f.count - 1 ? 1 : 2
            }
        }
        self.organizations = organizations
        regions = Set(NERKnownNames.regions.flatMap(forms))
        compass = Set(NERKnownNames.compass.flatMap(forms))
    }

    /// Token ranges of the listed organisations in `line`, in order, longest match first.
    func organizations(in line: Range<Int>, _ infos: [NERTokenInfo]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = line.lowerBound
        while i < line.upperBound {
            var hash = NERLexicon.phraseSeed
            var end: Int?
            var j = i
            while j < line.upperBound, infos[j].isWord {
                hash = NERLexicon.phraseStep(hash, infos[j].form)
                guard let flags = organizations[hash] else { break }
                if flags & 1 != 0 { end = j + 1 }
                guard flags & 2 != 0 else { break }
                j += 1
            }
            if let end {
                found.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    func isRegion(_ info: NERTokenInfo) -> Bool { regions.contains(info.form) }

    func isCompass(_ info: NERTokenInfo) -> Bool {
        compass.contains(info.form) && info.isWord && (info.proclitics.rest == 0)
    }
}
