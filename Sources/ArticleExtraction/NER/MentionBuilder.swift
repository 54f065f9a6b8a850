// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Turns the tagger's token spans into ``EntityMention``s of the document: where the name starts
/// inside its first token, the title before a person, the canonical name shared by the mentions
/// of one entity, and the confidence.
///
/// - A mention excludes the proclitics written before the name (و ف ب ك ل, also a ب or ل the
///   tokenizer could not split, `بواشنطن` -> `واشنطن`, see ``NERFormChoice``) but keeps the
///   article (`والخرطوم` -> `الخرطوم`). Where ل + ال is written `لل` (`للخرطوم`), the mention
///   starts after it (`خرطوم`) and its canonical name puts the article back (`الخرطوم`).
///   A person's first ف split off as a conjunction stays when neither form is known and the rest
///   is no listed first name (`فيل روبرتسون`, not `يل روبرتسون`; ``keepsInitialFa(_:_:)``).
/// - A title (``EntityCues/personTitles``: اللواء, المشير, الرئيس, ...) is never inside a
///   person's span: a leading title token is cut off; the title right before the name, or before
///   up to two adjectives with the article (`الرئيس التركي رجب طيب أردوغان`), goes to
///   ``EntityMention/title``.
/// - A listed organisation (``NERKnownNames``, found by ``NERNameMatcher``) is one mention of
///   confidence ``knownNameConfidence``, replacing the model's spans inside it.
/// - A continent right after compass words (`غرب أفريقيا`) keeps the continent as its span and
///   takes the region's whole name as canonical.
/// - A person named by one word that ends (or, failing that, is the whole of the end of) a full
///   name of several words elsewhere in the article (the nearest one before it, else the first
///   after) takes that full name as canonical: `حفتر` -> `خليفة حفتر`.
enum MentionBuilder {
    /// Confidence of a listed organisation's mention: the share of the list's matches in the
    /// ANERcorp training file that are exactly an organisation span there (rounded down).
    static let knownNameConfidence = 0.9

    static func mentions(
        tokens: [Token], scalars: [Unicode.Scalar], tagging: NERTagging, names: NERNameMatcher? = nil
    ) -> [EntityMention] {
        let infos = tagging.infos
        var spans = tagging.spans
        if let names { spans = withKnownNames(spans, tagging, names) }
        var made: [(mention: EntityMention, first: Int, end: Int)] = []
        for (span, confidence) in spans {
            var first = span.start
            var end = span.end
            while first < end && !isNamePart(infos[first]) { first += 1 }
            while end > first && !isNamePart(infos[end - 1]) { end -= 1 }
            guard first < end else { continue }
            var title: String?
            if span.type == .person {
                if end - first > 1 && isTitle(infos[first]) {
                    title = titleText(tokens[first], infos[first], scalars)
                    first += 1
                } else if let t = titleBefore(first, infos, tagging) {
                    title = titleText(tokens[t], infos[t], scalars)
                }
            }
            var firstInfo = infos[first]
            if span.type == .person && keepsInitialFa(tokens[first], firstInfo) { firstInfo.choice = .whole }
            let (start, elided) = nameStart(tokens[first], firstInfo, scalars)
            let range = ScalarRange(start: start, end: tokens[end - 1].range.end)
            guard !range.isEmpty else { continue }
            var canonical = (elided ? "ال" : "") + withoutMarks(scalars[range.range])
            if span.type == .location, let names, names.isRegion(infos[first]),
                let line = tagging.lines.first(where: { $0.contains(first) })
            {
                var j = first
                while j > line.lowerBound, first - j < 2, names.isCompass(infos[j - 1]), tagging.tags[j - 1] == 0 {
                    j -= 1
                }
                if j < first {
                    let (start, _) = nameStart(tokens[j], infos[j], scalars)
                    canonical = withoutMarks(scalars[start..<tokens[first - 1].range.end]) + " " + canonical
                }
            }
            made.append(
                (
                    EntityMention(
                        type: span.type, range: range, confidence: confidence, canonical: canonical, title: title),
                    first, end
                ))
        }
        linkPersons(&made, infos)
        return made.map(\.mention)
    }

    /// `spans` with every listed organisation name as one span, unless a span of the model runs
    /// past the name's ends.
    private static func withKnownNames(
        _ spans: [(span: IOB2Span, confidence: Double)], _ tagging: NERTagging, _ names: NERNameMatcher
    ) -> [(span: IOB2Span, confidence: Double)] {
        var spans = spans
        var changed = false
        for line in tagging.lines {
            for name in names.organizations(in: line, tagging.infos) {
                let overlapping = spans.indices.filter {
                    spans[$0].span.start < name.upperBound && name.lowerBound < spans[$0].span.end
                }
                let known = IOB2Span(type: .organization, start: name.lowerBound, end: name.upperBound)
                guard
                    !overlapping.contains(where: {
                        spans[$0].span.start < name.lowerBound || spans[$0].span.end > name.upperBound
                    }), !(overlapping.count == 1 && spans[overlapping[0]].span == known)
                else { continue }
                for k in overlapping.reversed() { spans.remove(at: k) }
                spans.append((known, knownNameConfidence))
                changed = true
            }
        }
        if changed { spans.sort { $0.span.start < $1.span.start } }
        return spans
    }

    /// Words and numbers can be inside a name; punctuation and symbols at its edges cannot.
    private static func isNamePart(_ info: NERTokenInfo) -> Bool { info.kind <= 2 || info.kind == 4 }

    private static func isTitle(_ info: NERTokenInfo) -> Bool {
        info.word.cues.contains(.personTitle) && info.isWord
            && (info.proclitics.rest == 0 || info.proclitics.rest == 1)
    }

    /// The title token before a person starting at `first`: right before it, or before up to two
    /// adjectives with the article that are not inside an entity.
    private static func titleBefore(_ first: Int, _ infos: [NERTokenInfo], _ tagging: NERTagging) -> Int? {
        guard let line = tagging.lines.first(where: { $0.contains(first) }) else { return nil }
        var j = first - 1
        var skipped = 0
        while j >= line.lowerBound {
            let info = infos[j]
            guard info.isWord, tagging.tags[j] == 0 else { return nil }
            if isTitle(info) { return j }
            guard skipped < 2, info.proclitics.hasArticle, info.proclitics.conjunction == 0 else { return nil }
            skipped += 1
            j -= 1
        }
        return nil
    }

    /// The title word as written, from where its name-like part starts, tashkeel removed.
    private static func titleText(_ token: Token, _ info: NERTokenInfo, _ scalars: [Unicode.Scalar]) -> String {
        let (start, _) = nameStart(token, info, scalars)
        return withoutMarks(scalars[start..<token.range.end])
    }

    /// Offset where the name starts in its first token, and whether an article written `لل` was cut.
    /// A person's first token whose first letter ف the tokenizer split off as the conjunction, where
    /// the lexicon knew neither form (`فيل روبرتسون`, `فينسنت`): the ف is the name's own letter. In
    /// the ANERcorp files, 171 of the 173 person spans whose first token starts with ف keep it as a
    /// letter of the name; the two others are listed first names after the conjunction (فمحمد,
    /// فإسماعيل), which this leaves split, as it does a compound name with عبد (فعبد الناصر).
    static func keepsInitialFa(_ token: Token, _ info: NERTokenInfo) -> Bool {
        info.kind == 0 && info.choice == .base && info.proclitics.conjunction == 2 && info.proclitics.rest == 0
            && !info.word.gazetteer.contains(.firstName)
            && !token.base.unicodeScalars.starts(with: "عبد".unicodeScalars)
    }

    static func nameStart(_ token: Token, _ info: NERTokenInfo, _ scalars: [Unicode.Scalar]) -> (Int, Bool) {
        guard info.kind == 0 else { return (token.range.start, false) }
        let p = info.proclitics
        var letters: Int
        var elided = false
        switch info.choice {
        case .whole:
            letters = 0
        case .dropLetter:
            letters = (p.conjunction > 0 ? 1 : 0) + 1
        case .base:
            letters = p.leadingLetters
            if p.rest == 4 {
                elided = true
                // لل + X: both lams go, unless the base itself begins with the second (للجنة = ل + لجنة).
                if !token.base.unicodeScalars.starts(with: ["ل"]) { letters += 1 }
            }
        }
        var offset = token.range.start
        while letters > 0 && offset < token.range.end {
            if !ScalarClass.isArabicMark(scalars[offset].value) { letters -= 1 }
            offset += 1
        }
        while offset < token.range.end && ScalarClass.isArabicMark(scalars[offset].value) { offset += 1 }
        return (offset, elided)
    }

    private static func withoutMarks(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for s in scalars where !ScalarClass.isArabicMark(s.value) { view.append(s) }
        return String(view)
    }

    /// Gives a person named by fewer words the canonical name of a fuller mention whose last words
    /// they are (nearest before, else first after).
    private static func linkPersons(
        _ made: inout [(mention: EntityMention, first: Int, end: Int)], _ infos: [NERTokenInfo]
    ) {
        let persons = made.indices.filter { made[$0].mention.type == .person }
        // Every proper suffix of every person's forms → the persons holding it, in text order, so
        // that each mention finds its fuller names in one look-up (linear in the mentions, where
        // comparing every pair was quadratic).
        var holders: [[UInt64]: [Int]] = [:]
        for f in persons where made[f].end - made[f].first > 1 {
            let forms = (made[f].first..<made[f].end).map { infos[$0].form }
            for length in 1..<forms.count { holders[Array(forms.suffix(length)), default: []].append(f) }
        }
        for m in persons {
            let forms = (made[m].first..<made[m].end).map { infos[$0].form }
            guard let fuller = holders[forms] else { continue }
            // The nearest fuller mention before `m`, else the first after it.
            var low = 0
            var high = fuller.count
            while low < high {
                let mid = (low + high) / 2
                if fuller[mid] < m { low = mid + 1 } else { high = mid }
            }
            let f = low > 0 ? fuller[low - 1] : fuller[low]
            made[m].mention.canonical = made[f].mention.canonical
        }
    }
}
