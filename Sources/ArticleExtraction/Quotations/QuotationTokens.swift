// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// What ``QuotationFinder`` and ``SpeakerResolver`` need to know about the tokens of one text:
/// verbs of saying, complementizers, quotation marks and their pairs, sentence ends, paragraphs,
/// and which tokens entity mentions cover.
struct QuotationTokens {
    let tokens: [Token]
    /// The verb-of-saying form of each token, or `nil`.
    let form: [SpeechVerbLexicon.Form?]
    /// The paragraph index of each token.
    let paragraph: [Int]
    /// The single scalar of each punctuation or symbol token, else 0 (``mark(_:)``).
    private let marks: [UInt32]
    /// Whether each token ends a sentence (``isSentenceEnd(_:)``).
    private let sentenceEnds: [Bool]
    /// Whether each token is an Arabic word whose base is a title or a courtesy title
    /// (``SpeakerResolver/isTitleOrCourtesy(_:)``).
    let isTitleOrCourtesy: [Bool]
    /// For each token, the index of the entity mention it starts or lies in, or -1.
    let mentionAt: [Int]
    /// Token ranges of the mentions, in mention order.
    let mentionTokens: [Range<Int>]
    let mentions: [EntityMention]

    init(tokens: [Token], paragraphs: [ScalarRange], mentions: [EntityMention], verbs: SpeechVerbLexicon) {
        self.tokens = tokens
        self.mentions = mentions
        // What a token says is a function of its forms: worked out once per distinct token.
        let types = TokenTypes(tokens)
        let form = types.map(tokens) { Self.speechForm($0, verbs) }
        marks = types.map(tokens, Self.markScalar)
        sentenceEnds = types.map(tokens, Self.endsSentence)
        isTitleOrCourtesy = types.map(tokens) { $0.kind == .arabicWord && SpeakerResolver.isTitleOrCourtesy($0.base) }
        var paragraph = [Int](repeating: 0, count: tokens.count)
        var p = 0
        for (i, t) in tokens.enumerated() {
            while p + 1 < paragraphs.count && t.range.start >= paragraphs[p].end { p += 1 }
            paragraph[i] = p
        }
        self.form = form
        self.paragraph = paragraph
        var mentionAt = [Int](repeating: -1, count: tokens.count)
        var ranges: [Range<Int>] = []
        var k = 0
        for (m, mention) in mentions.enumerated() {
            while k < tokens.count && tokens[k].range.end <= mention.range.start { k += 1 }
            let first = k
            var j = k
            while j < tokens.count && tokens[j].range.start < mention.range.end {
                mentionAt[j] = m
                j += 1
            }
            ranges.append(first..<max(j, first))
        }
        self.mentionAt = mentionAt
        self.mentionTokens = ranges
    }

    /// The verb-of-saying form of `t`: a verb of the lexicon with at most و or ف before it (one
    /// that needs a conjunction only with one), or a nominal form after ب (بالقول).
    private static func speechForm(_ t: Token, _ verbs: SpeechVerbLexicon) -> SpeechVerbLexicon.Form? {
        guard t.kind == .arabicWord, !t.proclitics.contains("ال") else { return nil }
        let conjunction = t.proclitics.first == "و" || t.proclitics.first == "ف"
        if let f = verbs.form(t.base), t.proclitics.allSatisfy({ $0 == "و" || $0 == "ف" }) {
            if !f.needsConjunction || conjunction { return f }
        } else if t.proclitics.allSatisfy({ $0 == "و" || $0 == "ف" }), t.base.unicodeScalars.first == "ب",
            let f = verbs.form(String(t.base.unicodeScalars.dropFirst())), f.kind == .nominal
        {
            return f
        }
        return nil
    }

    /// The single scalar of a punctuation or symbol token, or 0.
    private static func markScalar(_ t: Token) -> UInt32 {
        guard t.kind == .punctuation || t.kind == .symbol else { return 0 }
        let s = t.surface.unicodeScalars
        return s.count == 1 ? s.first!.value : 0
    }

    /// `.` `!` `?` `؟` `۔` and their doubles (compared by code units: `String` pattern matching
    /// normalises every Arabic surface it is offered).
    private static func endsSentence(_ t: Token) -> Bool {
        guard t.kind == .punctuation else { return false }
        return sentenceEndSurfaces.contains { $0.elementsEqual(t.surface.utf8) }
    }

    private static let sentenceEndSurfaces: [[UInt8]] = [".", "!", "?", "؟", "۔", "!!", "؟؟", "??"].map {
        Array($0.utf8)
    }

    // MARK: - Marks

    /// The single scalar of a punctuation token, or 0.
    func mark(_ k: Int) -> UInt32 {
        guard k >= 0, k < tokens.count else { return 0 }
        return marks[k]
    }

    func isColon(_ k: Int) -> Bool { mark(k) == 0x3A || mark(k) == 0xFF1A }

    /// A mark that can open a quotation: « “ " „ ” ″ (Arabic text often opens with ”).
    func isOpener(_ k: Int) -> Bool {
        switch mark(k) {
        case 0xAB, 0x201C, 0x22, 0x201E, 0x201D, 0x2033: return true
        default: return false
        }
    }

    /// The closing mark of the opener at `k` within its paragraph (the matching » for «, the next
    /// ” “ ″ for a curly or straight quote, nesting counted for «»), or the paragraph's end (the
    /// index of its last token + 1) when there is none.
    func closer(of k: Int) -> Int? {
        let open = mark(k)
        guard isOpener(k) else { return nil }
        var depth = 0
        var j = k + 1
        while j < tokens.count && paragraph[j] == paragraph[k] {
            let m = mark(j)
            if open == 0xAB {
                if m == 0xAB { depth += 1 }
                if m == 0xBB {
                    if depth == 0 { return j }
                    depth -= 1
                }
            } else if open == 0x22 {
                if m == 0x22 { return j }
            } else if m == 0x201D || m == 0x201C || m == 0x2033 || m == 0x22 {
                return j
            }
            j += 1
        }
        return j
    }

    /// True when, after the closing mark at `close`, a complementizer or a colon follows in the same
    /// sentence before another verb of saying or quotation mark (within 12 tokens): the words in
    /// marks were a name in the subject (`لوكالة «رويترز»: «…»`, `«وول ستريت جورنال» أن`).
    func complementFollows(_ close: Int) -> Bool {
        var k = close + 1
        while k < tokens.count, k <= close + 12, paragraph[k] == paragraph[close] {
            if isSentenceEnd(k) || form[k] != nil || isOpener(k) { return false }
            if isColon(k) || isComplementizer(k, lemma: "") { return true }
            k += 1
        }
        return false
    }

    /// True when the verb at `v`, standing inside the words of an earlier quotation that has no
    /// marks, opens a quotation of its own and so ends the earlier one: a participle (`، مشيرا إلى
    /// أن`), a verb with an explicit subject after it (`قال اللواء الحذيفي إنه`), or a past verb
    /// coordinated by و، ف، a comma, قد or كما (`، وأضاف أن`). A verb in a relative or embedded
    /// clause (`برسالة أكد من خلالها أنه`، `ويقول إن` in the words of another) does not.
    func startsNewQuotation(at v: Int, form: SpeechVerbLexicon.Form) -> Bool {
        if form.kind == .participle || form.kind == .nominal { return true }
        if subjectEnd(after: v) > v + 1 { return true }
        if v + 1 < tokens.count, tokens[v + 1].kind == .arabicWord,
            SpeakerResolver.isTitleOrCourtesy(tokens[v + 1].base)
        {
            return true
        }
        guard form.kind == .finite else { return false }
        let t = tokens[v]
        if t.proclitics.first == "و" || t.proclitics.first == "ف" { return true }
        guard v > 0 else { return true }
        let before = tokens[v - 1]
        return before.kind == .punctuation
            || ["و", "ف", "قد", "وقد", "لقد", "كما", "فيما", "بينما", "ثم", "حين", "حيث"].contains(before.normalized)
    }

    /// Token range of the words in marks that follow the scalar offset `end` (a closing mark) joined
    /// by و, with at most one word between (وخصوصا): `"…" و"…"`; `nil` when none follows.
    func joinedMarkedSegment(after end: Int) -> Range<Int>? {
        guard var k = tokens.firstIndex(where: { $0.range.start >= end }) else { return nil }
        if isOpener(k) == false, mark(k) != 0 { k += 1 }  // the closing mark itself
        guard k < tokens.count else { return nil }
        let t = tokens[k]
        guard t.kind == .arabicWord, t.normalized == "و" || t.proclitics.first == "و" else { return nil }
        var j = k + 1
        if t.normalized == "و", j < tokens.count, tokens[j].kind == .arabicWord { j += 1 }
        guard j < tokens.count, isOpener(j), let close = closer(of: j), close < tokens.count,
            paragraph[close] == paragraph[j], close > j + 1
        else { return nil }
        return (j + 1)..<close
    }

    // MARK: - Sentences

    /// A sentence end: `.` `!` `?` `؟` (a run of two or more periods is not one).
    func isSentenceEnd(_ k: Int) -> Bool { sentenceEnds[k] }

    /// Scalar end of the quoted words starting at token `start`: up to the sentence end or the
    /// paragraph end, jumping over quotations in marks, final punctuation excluded.
    func sentenceContentEnd(from start: Int) -> Int {
        var k = start
        let p = paragraph[start]
        while k < tokens.count && paragraph[k] == p {
            if isSentenceEnd(k) { break }
            if isOpener(k), let close = closer(of: k), close < tokens.count, paragraph[close] == p, close > k {
                k = close + 1
                continue
            }
            k += 1
        }
        return trimmedEnd(before: k, after: start)
    }

    /// Scalar end of the last token in `[start, k)` that is not punctuation or a lone conjunction;
    /// the start of token `start` when there is none.
    func trimmedEnd(before k: Int, after start: Int) -> Int {
        var j = min(k, tokens.count) - 1
        while j >= start {
            let t = tokens[j]
            if t.kind == .punctuation && !isClosingBracket(j) || t.surface == "و" || t.surface == "ف" {
                j -= 1
                continue
            }
            return t.range.end
        }
        return start < tokens.count ? tokens[start].range.start : 0
    }

    private func isClosingBracket(_ j: Int) -> Bool { mark(j) == 0x29 || mark(j) == 0x5D }

    // MARK: - Complements

    private static let complementizers: Set<TermKey> = [
        "ان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "انا", "انهن", "بان", "بانه", "بانها", "بانهم",
        "باننا", "بانهما", "بانني",
    ]

    /// Words after which أن is a particle of the infinitive or of a conjunction, not a complementizer.
    private static let particleHosts: Set<TermKey> = [
        "بعد", "قبل", "دون", "منذ", "حتي", "بدل", "بدلا", "رغم", "برغم", "مجرد", "بمجرد", "يجب", "يمكن", "ينبغي",
        "لابد", "بد", "ضروره", "اهميه", "امكانيه", "احتمال", "شان", "اجل", "لو", "بما", "كما", "غير", "الا", "لولا",
        "ريثما", "عسي", "يتوقع", "توقع", "يريد", "تريد", "يحاول", "قرر", "اراد", "حاول", "استطاع", "يستطيع", "يود",
        "تود", "تستطيع", "يمكنه", "يمكنها", "علما", "بعدما", "فضلا", "الي", "حين", "طالما", "مما", "ما",
    ]

    /// Verbs of asking whose complement is أن + a verb (دعا الله أن يوفق).
    private static let requestLemmas: Set<TermKey> = ["دعا", "حث", "طالب"]

    /// True when token `k` introduces a reported complement: أن، إن، بأن with a pronoun or not,
    /// without a conjunction, not after a particle or noun that takes أن (بعد أن، أهمية أن), and for
    /// bare أن not followed by a verb in the subjunctive (أن يكون), except after verbs of asking.
    func isComplementizer(_ k: Int, lemma: String) -> Bool {
        guard k > 0, k < tokens.count, tokens[k].kind == .arabicWord, tokens[k].proclitics.isEmpty,
            Self.complementizers.contains(TermKey(tokens[k].base))
        else { return false }
        let before = tokens[k - 1]
        if before.kind == .arabicWord, Self.particleHosts.contains(TermKey(before.normalized)) {
            // إلى أن، على أن after the verb are fine; بعد أن is not.
            if before.normalized != "الي" || k < 2 { return false }
        }
        if tokens[k].base == "ان", k + 1 < tokens.count, !Self.requestLemmas.contains(TermKey(lemma)) {
            let next = tokens[k + 1]
            let s = next.base.unicodeScalars
            if next.kind == .arabicWord, next.proclitics.isEmpty, s.count >= 4, s.first == "ي" { return false }
        }
        return true
    }

    /// True when token `k` starts a noun complement of the verb: على، إلى، عن, or a word with the
    /// preposition ب, not followed by أن (أكد على أهمية، أفاد بمقتل; but أشار إلى أن). `نقل عن` is
    /// the source, not a complement.
    func isNounComplement(_ k: Int, lemma: String) -> Bool {
        guard k < tokens.count, tokens[k].kind == .arabicWord else { return false }
        let t = tokens[k]
        let next = k + 1 < tokens.count ? tokens[k + 1] : nil
        let nextIsComplementizer =
            next.map { Self.complementizers.contains(TermKey($0.base)) && $0.proclitics.isEmpty } ?? false
        switch t.normalized {
        case "علي", "الي", "عن", "عليه", "عليها", "عليهم":
            if t.normalized == "عن" && lemma == "نقل" { return false }
            return !nextIsComplementizer
        default:
            break
        }
        if t.proclitics.first == "ب" || (t.proclitics.isEmpty && t.base.unicodeScalars.first == "ب") {
            if Self.complementizers.contains(TermKey(t.base)) { return false }
            return !Self.adverbialsWithBa.contains(TermKey(t.normalized)) && t.base.unicodeScalars.count >= 3
        }
        return false
    }

    /// Words with ب that are adverbials, not complements.
    private static let adverbialsWithBa: Set<TermKey> = [
        "بدوره", "بدورها", "بدورهم", "بحسب", "بشكل", "بعد", "بين", "بوضوح", "بصراحه", "بالقول", "بقوله", "بقولها",
        "بالامس", "بيان", "ببيان", "بلاده", "بهذا", "بذلك", "بالنسبه", "بصفته", "بصفتها", "باسم",
    ]

    /// Token index where the subject after the verb at `v` ends, when an entity mention starts within
    /// the four tokens after it (titles before the name); `v + 1` otherwise.
    func subjectEnd(after v: Int) -> Int {
        var k = v + 1
        while k < tokens.count && k <= v + 4 {
            let m = mentionAt[k]
            if m >= 0 { return mentionTokens[m].upperBound }
            if isSentenceEnd(k) || isColon(k) { break }
            k += 1
        }
        return v + 1
    }
}
