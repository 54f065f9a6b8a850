// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Finds quotations: a verb of saying (``SpeechVerbLexicon``) whose complement is introduced, within
/// its sentence, by إن/أن/بأن (also أنه، إنها، إلى أن، على أن، من أن), by a colon, or by quotation
/// marks (« » “ ” " „). The subject and adverbials may stand between (`وقال الوزير في بيان له
/// أمس إن`); a noun complement right after the verb or its subject (`أكد على أهمية`، `أفاد
/// بمقتل`) is not a quotation, nor is an أن that belongs to a particle or noun before it (`بعد
/// أن`، `يجب أن`، `أهمية أن`).
///
/// Direct: inside quotation marks with no إن/أن before them, or after a colon without إن/أن.
/// Reported: after إن/أن, also when the words are then put in marks (the span is inside them).
/// The span runs to the closing mark, or else to the end of the sentence (`.` `!` `?` `؟` or the
/// paragraph end; `..` is not an end), final punctuation excluded; a quotation is cut before the
/// verb of the next one in the same sentence (`…، مشيرا إلى أن …`). A verb inside a quotation in
/// marks (a quotation within a quotation) is not taken; in reported words that open with another
/// speaker's statement (`صرح المتحدث بأن وزير الخارجية أكد أنه …`) that statement is a second,
/// nested quotation. A short marked name between the verb and
/// its complement (`لـ«المدينة»`) is skipped over.
///
/// Pure; works on the tokens of ``Tokenizer`` and the paragraphs of ``ParagraphSegmenter``.
struct QuotationFinder: Sendable {
    /// How many tokens may stand between a verb and what introduces its complement.
    static let maxDistance = 30

    /// The quotations of the tokens `view` describes, in text order, their spans non-overlapping.
    func candidates(in view: QuotationTokens) -> [QuotationCandidate] {
        let tokens = view.tokens
        var found: [QuotationCandidate] = []
        for v in tokens.indices {
            guard let form = view.form[v] else { continue }
            // Inside a quotation in marks already found: a quotation within a quotation.
            if let last = found.last, last.marked, tokens[v].range.start >= last.span.start,
                tokens[v].range.end <= last.span.end
            {
                continue
            }
            guard var candidate = candidate(at: v, form: form, view) else { continue }
            // Cut the previous quotation of the sentence before this verb when it opens a new
            // quotation of the same sentence (a participle, a verb after و or a comma); a verb inside
            // a relative or embedded clause (برسالة أكد من خلالها أنه) is part of the quoted words.
            if var last = found.last, !last.marked, tokens[v].range.start < last.span.end,
                tokens[v].range.start > last.span.start
            {
                if !view.startsNewQuotation(at: v, form: form) {
                    // Reported words that open with someone else's statement (بأن وزير الخارجية أكد
                    // خلال كلمته أنه …): that statement is a quotation of its own, inside the first.
                    if form.kind == .finite, v > last.contentStart, v - last.contentStart <= 5,
                        (last.contentStart..<v).allSatisfy({ tokens[$0].kind == .arabicWord && view.form[$0] == nil }),
                        tokens[last.contentStart].proclitics.contains("ال") || view.mentionAt[last.contentStart] >= 0
                            || SpeakerResolver.isTitleOrCourtesy(tokens[last.contentStart].base)
                    {
                        candidate.subject = last.contentStart..<v
                        candidate.paragraph = view.paragraph[v]
                        found.append(candidate)
                    }
                    continue
                }
                let end = view.trimmedEnd(before: v, after: last.contentStart)
                if end > last.span.start {
                    last.span.end = end
                    found[found.count - 1] = last
                } else {
                    found.removeLast()
                }
            } else if let last = found.last, tokens[v].range.start < last.span.start {
                continue
            }
            if candidate.span.isEmpty { continue }
            candidate.paragraph = view.paragraph[v]
            found.append(candidate)
            // More words in marks joined to the first by و share its verb (وطلبت … "…" و"…" وخصوصا "…").
            if candidate.marked, form.needs == .marks {
                var last = candidate
                while let next = view.joinedMarkedSegment(after: last.span.end) {
                    last.span = ScalarRange(
                        start: tokens[next.lowerBound].range.start,
                        end: view.trimmedEnd(before: next.upperBound, after: next.lowerBound))
                    last.contentStart = next.lowerBound
                    found.append(last)
                }
            }
        }
        return found
    }

    /// The quotation introduced by the verb at `v`, if any.
    private func candidate(at v: Int, form: SpeechVerbLexicon.Form, _ view: QuotationTokens) -> QuotationCandidate? {
        let tokens = view.tokens
        let paragraph = view.paragraph[v]
        let subjectEnd = view.subjectEnd(after: v)
        var k = v + 1
        while k < tokens.count, k - v <= Self.maxDistance, view.paragraph[k] == paragraph {
            if view.isSentenceEnd(k) { return nil }
            // A noun complement right after the verb or its subject: أكد على أهمية، أفاد بمقتل.
            if k == v + 1 || k == subjectEnd, form.needs != .marks, view.isNounComplement(k, lemma: form.lemma) {
                return nil
            }
            if let other = view.form[k] {
                // A participle of saying framing the quotation (وأضاف قائلا:، وقال … متحدثا عن …) belongs
                // to this verb.
                if other.kind == .participle,
                    other.lemma == "قال" || other.lemma == "تحدث"
                        || (k + 1 < tokens.count && (view.isColon(k + 1) || view.isOpener(k + 1)))
                {
                    k += 1
                    continue
                }
                return nil
            }
            if view.isComplementizer(k, lemma: form.lemma), form.needs != .colon {
                if view.isOpener(k + 1), let close = view.closer(of: k + 1) {
                    return make(
                        view, v, form, region: v + 1..<k, contentStart: k + 2, close: close,
                        direct: form.needs == .marks)
                }
                guard form.needs == .any else { return nil }
                return make(view, v, form, region: v + 1..<k, contentStart: k + 1, close: nil, direct: false)
            }
            if view.isColon(k) {
                if form.needs == .marks && !view.isOpener(k + 1) { return nil }
                if view.isComplementizer(k + 1, lemma: form.lemma) {
                    if view.isOpener(k + 2), let close = view.closer(of: k + 2) {
                        return make(view, v, form, region: v + 1..<k, contentStart: k + 3, close: close, direct: false)
                    }
                    return make(view, v, form, region: v + 1..<k, contentStart: k + 2, close: nil, direct: false)
                }
                if view.isOpener(k + 1), let close = view.closer(of: k + 1) {
                    return make(view, v, form, region: v + 1..<k, contentStart: k + 2, close: close, direct: true)
                }
                return make(view, v, form, region: v + 1..<k, contentStart: k + 1, close: nil, direct: true)
            }
            if view.isOpener(k), let close = view.closer(of: k) {
                if form.needs == .colon { return nil }
                // A stray opening mark (no closing one in the paragraph) before the complement.
                if close >= tokens.count || view.paragraph[close] != paragraph, view.complementFollows(k) {
                    k += 1
                    continue
                }
                // Words in marks end the clause (a quotation) when punctuation or the paragraph end
                // follows them; with words after them they are a name or a term (لـ«المدينة»،
                // «وول ستريت جورنال» أن …), except after verbs that quote only in marks.
                let next = close + 1
                let endsClause =
                    next >= tokens.count || view.paragraph[next] != paragraph
                    || tokens[next].kind == .punctuation
                // After the subject, a quotation in marks is a clause (five words or more), not a name.
                let long = close - k - 1 >= 5 || k == v + 1
                if close > k + 1, form.needs == .marks || (endsClause && long && !view.complementFollows(close)) {
                    return make(view, v, form, region: v + 1..<k, contentStart: k + 1, close: close, direct: true)
                }
                k = close + 1
                continue
            }
            k += 1
        }
        return nil
    }

    /// The candidate whose words start at token `contentStart` and end at the closing mark `close`
    /// (exclusive token index) or, without one, at the end of the sentence.
    private func make(
        _ view: QuotationTokens, _ v: Int, _ form: SpeechVerbLexicon.Form, region: Range<Int>, contentStart: Int,
        close: Int?, direct: Bool
    ) -> QuotationCandidate? {
        let tokens = view.tokens
        guard contentStart < tokens.count else { return nil }
        let end =
            close.map { view.trimmedEnd(before: $0, after: contentStart) }
            ?? view.sentenceContentEnd(from: contentStart)
        let start = tokens[contentStart].range.start
        guard end > start else { return nil }
        return QuotationCandidate(
            verb: v, form: form, region: region, span: ScalarRange(start: start, end: end), contentStart: contentStart,
            marked: close != nil, direct: direct, paragraph: view.paragraph[v])
    }
}
