// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Attributes quotations to speakers, in text order, remembering who spoke where.
///
/// Rules, for the verb of each quotation:
/// 1. **After the verb** (the subject, `وقال الوزير فلان إن`): in the tokens between the verb and
///    the complement, the first person mention not governed by a preposition; else an organisation
///    or place mention that starts the subject (`أكدت الخارجية الروسية`, `الولايات المتحدة`); else
///    the noun phrase that starts there (`مصدر أمني`, `الوزارة`, `معاليه`), up to a preposition, a
///    word with ل/ب, a date word or punctuation. `نقل عن X` speaks for X.
/// 2. **Before the verb** (no subject after it: a participle `مشيرا إلى أن`, a coordinated `وشدد
///    على أن`, a subject-first clause): the speaker of the previous verb of saying in the same
///    sentence (with or without a quotation of its own), else the first person, organisation or
///    country mention of the sentence before the verb, outside quotations.
/// 3. **Implicit** (`وأضاف أن` opening a sentence): the last speaker of this paragraph or the one
///    before whose gender and number agree with the verb (أضافت, أفادوا), else the last one.
///
/// Canonical names: a mention's canonical name; an honorific pronoun (معاليه، سموه، سماحته) the
/// last person who spoke; a definite noun (`المصدر`، `الوزارة`، `الشرطة`) the last speaker, else
/// the last organisation or phrase earlier in the text, with the same head noun (`مصدر أمني`,
/// `وزارة الإسكان`); a title (`وزير الخارجية`، `المبعوث الأممي`) the person whose surrounding
/// words hold it (`وزير الخارجية المصري سامح شكري`), else whose words hold its head noun; any
/// other description stands for itself (`شهود عيان`). In a quotation of scripture an epithet of
/// God (`قال تعالى`) names `الله`; a pronoun pointing back at a document (`بيانا جاء فيه`) names the
/// document, which resolves to its issuer when one is named.
struct SpeakerResolver {
    let view: QuotationTokens
    let scalars: [Unicode.Scalar]
    let normalizer: ArabicNormalizer
    /// What tells a word that can start a person's name (``NameHints``).
    let hints: NameHints

    /// A resolved speaker.
    struct Speaker {
        var canonical: String
        var type: String?
        var gender: SpeechVerbLexicon.Gender
        var paragraph: Int
        /// The stem of the first word of the speaker's phrase (courtesy titles skipped).
        var headStem: String
        /// The stems of the canonical name's words.
        var stems: Set<String> = []
    }

    /// The speaker mention found next to a verb: its tokens and what it resolves to.
    struct Mention {
        var tokens: Range<Int>
        var canonical: String?
        var type: String?
    }

    private var speakers: [Speaker] = []
    /// Names found after titles (``nameAfterTitle``), in text order.
    private var names: [(tokens: Range<Int>, canonical: String)] = []
    /// ``personList()``, kept up to date as names are found.
    private var allPersons: [(tokens: Range<Int>, canonical: String)] = []
    /// The speaker of each verb of saying seen so far, by token index (for rule 2).
    private var verbSpeakers: [(verb: Int, speaker: Speaker)] = []

    init(view: QuotationTokens, scalars: [Unicode.Scalar], normalizer: ArabicNormalizer, hints: NameHints) {
        self.view = view
        self.scalars = scalars
        self.normalizer = normalizer
        self.hints = hints
        self.names = titledNames()
        self.allPersons = personList()
    }

    /// Names standing after a title anywhere in the text (`الملحق التجاري للجمهورية الإندونيسية
    /// واوان سودار ماوان`) that the entity recogniser did not find: for each title word, the first
    /// ``nameAfterTitle`` within the next twelve tokens of its clause.
    private func titledNames() -> [(tokens: Range<Int>, canonical: String)] {
        var found: [(tokens: Range<Int>, canonical: String)] = []
        let tokens = view.tokens
        var k = 0
        while k < tokens.count {
            guard view.isTitleOrCourtesy[k] else {
                k += 1
                continue
            }
            // The title's chain: definite words, words with ل, titles, mentions, and a place after
            // إلى، في، لدى (مدير عام السجون اللواء، المبعوث الدولي إلى اليمن، الملحق التجاري
            // للجمهورية الإندونيسية); the name must follow it at once.
            var end = k + 1
            while end < tokens.count, end - k <= 12, tokens[end].kind == .arabicWord, view.form[end] == nil {
                let u = tokens[end]
                if ["الي", "في", "لدي"].contains(u.normalized), end + 1 < tokens.count, view.mentionAt[end + 1] >= 0 {
                    end = view.mentionTokens[view.mentionAt[end + 1]].upperBound
                    continue
                }
                let chain =
                    u.proclitics.contains("ال") || u.proclitics.first == "ل" || u.base.hasPrefix("ل")
                    || Self.isTitleOrCourtesy(u.base) || view.mentionAt[end] >= 0 || u.base == "عام"
                if !chain { break }
                end += 1
            }
            // A name in apposition after a comma (السفير الأمريكي في ليبيا، ريتشارد نورلاند،).
            if end + 1 < tokens.count, view.mark(end) == 0x060C || view.mark(end) == 0x2C, end > k + 1,
                let name = nameRun(at: end + 1, limit: min(end + 7, tokens.count), afterTitle: true),
                !found.contains(where: { $0.tokens == name.tokens })
            {
                found.append(name)
                k = name.tokens.upperBound
                continue
            }
            let before = tokens[end - 1]
            let quoted =
                before.kind == .arabicWord && !before.base.hasPrefix("ل")
                    && !Self.prepositions.contains(TermKey(before.normalized)) ? quotedName(after: end) : nil
            if let name = nameRun(at: end, limit: min(end + 6, tokens.count), afterTitle: true) ?? quoted,
                !found.contains(where: { $0.tokens == name.tokens })
            {
                found.append(name)
                k = name.tokens.upperBound
            } else {
                k += 1
            }
        }
        return found
    }

    // MARK: - Resolution

    /// The document quotations of `candidates`, with speakers; every verb of saying (also those
    /// without a quotation) is visited in order so that later ones can refer back to it.
    mutating func quotes(for candidates: [QuotationCandidate]) -> [ArticleDocument.Quote] {
        var byVerb: [Int: QuotationCandidate] = [:]
        for c in candidates { byVerb[c.verb] = c }
        var quotes: [ArticleDocument.Quote] = []
        let quoteSpans = SpanCover(candidates.map(\.span))
        var framing = Set<Int>()
        for c in candidates {
            for k in c.region where view.form[k] != nil { framing.insert(k) }
        }
        for v in view.tokens.indices {
            guard let form = view.form[v], !framing.contains(v) else { continue }
            let candidate = byVerb[v]
            let offset = view.tokens[v].range.start
            // A verb inside a quotation is the quoted speaker's words, not a new speaker.
            if candidate == nil, quoteSpans.contains(offset) { continue }
            let region = candidate?.region ?? (v + 1)..<min(view.tokens.count, v + 10)
            // A participle without a quotation of its own (منوها كذلك بضرورة) names no subject, except
            // an honorific or a mention right after it (مبينا سموه).
            let bareParticiple =
                candidate == nil && form.kind != .finite && form.kind != .imperfect
                && !(v + 1 < view.tokens.count
                    && (Self.honorifics.contains(TermKey(view.tokens[v + 1].normalized)) || view.mentionAt[v + 1] >= 0))
            var explicit =
                bareParticiple
                ? nil : explicitSpeaker(verb: v, region: region, lemma: form.lemma, bounded: candidate != nil)
            if let subject = candidate?.subject {
                explicit = explicitSpeaker(
                    verb: subject.lowerBound - 1, region: subject, lemma: form.lemma, bounded: true)
            }
            var speaker: Speaker?
            var mention: Mention?
            if let explicit {
                mention = explicit
                speaker = resolve(explicit, gender: form.gender, paragraph: view.paragraph[v], before: v)
            } else if let earlier = earlierInSentence(v, quoteSpans: quoteSpans) {
                speaker = earlier.speaker
                mention = earlier.mention
            } else if candidate != nil {
                speaker = implicit(gender: form.gender, paragraph: view.paragraph[v], before: v)
            }
            if let s = speaker {
                var recorded = s
                recorded.paragraph = view.paragraph[v]
                recorded.stems = stems(of: s.canonical)
                if explicit != nil || candidate != nil { recorded.gender = form.gender }
                verbSpeakers.append((v, recorded))
                if candidate != nil || explicit != nil { speakers.append(recorded) }
            }
            guard let c = candidate else { continue }
            let verbToken = view.tokens[v]
            let mentionRange = mention.map {
                ScalarRange(
                    start: view.tokens[$0.tokens.lowerBound].range.start,
                    end: view.tokens[$0.tokens.upperBound - 1].range.end)
            }
            let mentionText = mentionRange.map { text($0) }
            quotes.append(
                ArticleDocument.Quote(
                    speaker: mentionText, speakerStart: mentionRange?.start, speakerEnd: mentionRange?.end,
                    speakerCanonical: speaker?.canonical, speakerType: speaker?.type, verb: strip(verbToken.surface),
                    verbStart: verbToken.range.start, verbEnd: verbToken.range.end, text: text(c.span),
                    start: c.span.start, end: c.span.end, direct: c.direct))
        }
        return quotes
    }

    // MARK: - Rule 1: after the verb

    private static let prepositions: Set<TermKey> = [
        "في", "من", "عن", "مع", "الي", "علي", "لدي", "عند", "خلال", "عبر", "امام", "اثناء", "عقب", "بعد", "قبل", "حول",
        "ضمن", "وفق", "وفقا", "حسب", "بحسب", "منذ", "حتي", "تجاه", "نحو", "بين", "لـ", "ل", "الذي", "التي", "الذين",
        "اليوم", "امس", "ان", "انه", "انها", "بان", "مساء", "صباح", "ظهر", "فجر", "ليل", "ليله", "يوم", "هذا", "هذه",
        "ذلك", "كما", "ايضا", "بدوره", "بدورها", "قائلا", "قائله", "ازاء", "بشان", "اذ", "حيث", "لكن", "وهو", "وهي",
    ]

    private static let honorifics: Set<TermKey> = [
        "معاليه", "سموه", "سماحته", "فضيلته", "سعادته", "دولته", "جلالته", "سيادته", "فخامته", "معاليها", "سموها",
    ]

    /// Object pronouns and addressees that may stand between a verb and its subject (أوضح لها).
    private static let objects: Set<TermKey> = [
        "له", "لها", "لهم", "لنا", "لي", "لك", "لكم", "لهما", "لـ", "به", "بها", "بهم", "منه", "منها",
    ]

    /// The speaker named after the verb at `v`, in `region`: a person mention (not governed by a
    /// preposition, not a bare honorific), else a name after a title phrase (``nameAfterTitle``),
    /// else an organisation or place mention opening the subject, else the noun phrase opening it.
    private mutating func explicitSpeaker(verb v: Int, region: Range<Int>, lemma: String, bounded: Bool) -> Mention? {
        let tokens = view.tokens
        guard !region.isEmpty else { return nil }
        // نقل عن X: the source speaks.
        if lemma == "نقل" {
            if region.contains(where: { ["عنه", "عنها", "عنهم"].contains(tokens[$0].normalized) }) { return nil }
            for k in region where tokens[k].normalized == "عن" {
                if k + 1 < region.upperBound, view.mentionAt[k + 1] >= 0 {
                    return entityMention(view.mentionAt[k + 1])
                }
                return nil
            }
        }
        // The longest person mention not governed by a preposition.
        var best: Int?
        var k = region.lowerBound
        while k < region.upperBound {
            let m = view.mentionAt[k]
            if m >= 0 {
                let range = view.mentionTokens[m]
                if view.mentions[m].type == .person, !isGoverned(range.lowerBound), !isHonorificOnly(range),
                    range.upperBound <= region.upperBound || !bounded,
                    best.map({ range.count > view.mentionTokens[$0].count }) ?? true
                {
                    best = m
                }
                k = max(range.upperBound, k + 1)
                continue
            }
            if !bounded, view.isSentenceEnd(k) || view.isColon(k) || view.isOpener(k) { break }
            k += 1
        }
        if let best { return entityMention(best) }
        if let name = names.first(where: { region.contains($0.tokens.lowerBound) })
            ?? (bounded ? nameAfterTitle(in: region) : nil)
        {
            if !names.contains(where: { $0.tokens == name.tokens }) {
                names.append(name)
                allPersons = personList()
            }
            return Mention(tokens: name.tokens, canonical: name.canonical, type: "PERSON")
        }
        // The noun phrase that starts the region, after object pronouns (أوضح لها).
        var start = region.lowerBound
        while start < region.upperBound,
            tokens[start].kind == .punctuation || Self.objects.contains(TermKey(tokens[start].normalized))
        {
            start += 1
        }
        // دعا الله أن …: God is addressed, not speaking.
        guard start < region.upperBound, tokens[start].normalized != "الله" else { return nil }
        // قال تعالى، قال سبحانه وتعالى: a quotation of scripture, whose speaker is God.
        if Self.divineEpithets.contains(TermKey(tokens[start].normalized)) {
            return Mention(tokens: start..<start + 1, canonical: "الله", type: nil)
        }
        // بيانا قالت فيه، مقالا أشارت فيه: the words of a document named just before; its issuer (the
        // subject before it: أصدرت وزارة الصحة بيانا) speaks. Without one, no speaker is named here.
        if Self.documentPronouns.contains(TermKey(tokens[start].normalized)) {
            return documentIssuer(before: v)
        }
        let m = view.mentionAt[start]
        if m >= 0, view.mentionTokens[m].lowerBound == start, view.mentions[m].type != .person,
            view.mentions[m].type != .misc, !isGoverned(start)
        {
            return entityMention(m)
        }
        var end = start
        let limit = bounded ? 7 : 3
        while end < region.upperBound, end - start < limit {
            let t = tokens[end]
            guard t.kind == .arabicWord || t.kind == .latinWord else { break }
            if Self.prepositions.contains(TermKey(t.normalized)) || view.form[end] != nil { break }
            if end > start, t.proclitics.first == "ل" || t.proclitics.first == "ب" || t.proclitics.first == "و" {
                break
            }
            if t.proclitics.isEmpty, end > start, t.base.hasPrefix("ل") && !t.base.hasPrefix("لل") { break }
            if end == start, t.proclitics.contains(where: { $0 == "ل" || $0 == "ب" }) { return nil }
            if Self.dateWords.contains(TermKey(t.base)) && t.proclitics.contains("ال") { break }
            // (عام after a title is "general": مدير عام.)
            let general = t.base == "عام" && end > start && Self.isTitle(tokens[end - 1].base)
            if Self.notSubjects.contains(TermKey(t.normalized)) || (hints.isDateWord(t.base) && !general) { break }
            // After a definite word, a bare indefinite one starts something else (الوكالة أسماء).
            if end > start, t.proclitics.isEmpty, tokens[end - 1].proclitics.contains("ال"), view.mentionAt[end] < 0 {
                break
            }
            if Self.honorifics.contains(TermKey(t.normalized)) {
                if end == start { return Mention(tokens: start..<start + 1, canonical: nil, type: "PERSON") }
                break
            }
            // A mention inside the phrase ends it (مفتي أوغندا keeps أوغندا).
            let inner = view.mentionAt[end]
            if inner >= 0, end > start {
                end = min(view.mentionTokens[inner].upperBound, region.upperBound)
                break
            }
            end += 1
        }
        // A courtesy title alone (اللواء) names no one.
        guard end > start, !(start..<end).allSatisfy({ Self.courtesyTitles.contains(TermKey(tokens[$0].base)) }) else {
            return nil
        }
        // After a verb without a quotation the noun may be its object (أكد ترحيب الحكومة): only a
        // title, an organisation or a source (المصدر، الشهود) is taken as the subject.
        if !bounded {
            let head = (start..<end).first { !Self.courtesyTitles.contains(TermKey(tokens[$0].base)) }.map {
                tokens[$0]
            }
            guard let head,
                Self.isTitle(head.base) || Self.isTitle(head.stem)
                    || Self.organizationHeads.contains(TermKey(head.stem))
                    || Self.organizationHeads.contains(TermKey(head.base))
                    || Self.sourceNouns.contains(TermKey(head.stem))
            else { return nil }
        }
        // A name in marks after the description: الصحيفة الأميركية «وول ستريت جورنال».
        if bounded, end < region.upperBound, let name = quotedName(after: end),
            name.tokens.upperBound < region.upperBound
        {
            return Mention(tokens: name.tokens, canonical: name.canonical, type: nil)
        }
        return Mention(tokens: start..<end, canonical: nil, type: nil)
    }

    /// The issuer of the document a pronoun after the verb at `v` points back at (`أصدرت وزارة الصحة
    /// بيانا قالت فيه`): the document noun within twelve tokens before `v` in its paragraph, then the
    /// entity mention within six tokens before that noun, else the definite word right before it,
    /// with the organisation noun it completes (`نشرت الصحيفة مقالا`, `أصدرت وزارة الصحة بيانا`);
    /// `nil` when there is no such noun or issuer.
    private func documentIssuer(before v: Int) -> Mention? {
        let tokens = view.tokens
        let paragraph = view.paragraph[v]
        var d = v - 1
        while d >= 0, v - d <= 12, view.paragraph[d] == paragraph {
            let base = tokens[d].base
            let stem =
                base.hasSuffix("ا") ? ArabicLightStemmer.stem(String(base.dropLast())) : tokens[d].stem
            if tokens[d].kind == .arabicWord, Self.documentNouns.contains(TermKey(stem)) { break }
            d -= 1
        }
        guard d >= 0, v - d <= 12, view.paragraph[d] == paragraph, tokens[d].kind == .arabicWord else { return nil }
        var j = d - 1
        while j >= 0, d - j <= 6, view.paragraph[j] == paragraph, view.form[j] == nil {
            let m = view.mentionAt[j]
            if m >= 0, view.mentions[m].type != .misc { return entityMention(m) }
            j -= 1
        }
        guard d > 0, tokens[d - 1].kind == .arabicWord, tokens[d - 1].proclitics == ["ال"], view.form[d - 1] == nil
        else { return nil }
        // With the organisation noun it completes (وزارة الصحة).
        let head = d - 2
        let start =
            head >= 0 && tokens[head].kind == .arabicWord && tokens[head].proclitics.isEmpty
                && Self.organizationHeads.contains(TermKey(tokens[head].stem)) ? head : d - 1
        return Mention(tokens: start..<d, canonical: nil, type: nil)
    }

    /// The words in marks starting at token `k` when they are a short name (one to four words, no
    /// verb of saying, the marks closed in the paragraph).
    private func quotedName(after k: Int) -> (tokens: Range<Int>, canonical: String)? {
        guard k < view.tokens.count, view.isOpener(k), let close = view.closer(of: k), close < view.tokens.count,
            view.paragraph[close] == view.paragraph[k], close > k + 1, close - k - 1 <= 4,
            !(k + 1..<close).contains(where: {
                view.form[$0] != nil || view.tokens[$0].kind != .arabicWord && view.tokens[$0].kind != .latinWord
            })
        else { return nil }
        let range = ScalarRange(start: view.tokens[k + 1].range.start, end: view.tokens[close - 1].range.end)
        return ((k + 1)..<close, text(range))
    }

    /// Words that are not names: titles, courtesy titles, heads of organisations, frequent nouns
    /// that follow a subject (بيان، تصريح), function words.
    private static let notNames: Set<TermKey> = {
        var set = titles.union(courtesyTitles).union(organizationHeads)
        for w in """
        بيان تصريح تصريحات حديث مؤتمر كلمه لقاء اتصال رساله مقابله حوار اجتماع زياره جلسه ندوه كلمته حديثه \
        تصريحه تصريحها بيانه بيانها خطاب خطابه مساء صباح ظهر امس اليوم يوم اثناء خلال عقب بعد قبل ان انه انها \
        بان بانه ايضا كذلك امام وهو وهي الذي التي عبر نحو حيث اذ باسم منطقه عام محافظه مدينه به بها عز وجل \
        حفظه رحمه تعالي سبحانه عليه وسلم
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            set.insert(TermKey(String(w)))
        }
        return set
    }()

    /// First names that are also frequent words (أسماء "names", أمل "hope"): not evidence of a name.
    private static let ambiguousNames: Set<TermKey> = Set(
        (EntityCues.ambiguousFirstNames + ["أسماء", "إيمان", "أحلام", "منى", "سماح", "رجاء", "عبير", "جهاد"]).map {
            TermKey(ArabicNormalizer().normalize($0))
        })

    /// Name particles (بن، عبد، آل، ولد).
    private static let particles: Set<TermKey> = ["بن", "ابن", "بنت", "ال", "ولد", "ابو", "عبد"]

    /// Name-part words with the article that continue a name (إسماعيل ولد الشيخ أحمد، نور الدين).
    private static let innerNameWords: Set<TermKey> = ["الشيخ", "الدين", "الله", "الرحمن", "الاسلام", "العزيز"]

    /// A person's name standing after a title phrase in a verb's subject, when the entity
    /// recogniser found none: a run of up to four words without proclitics that starts right after a
    /// word with the article, a word with ل, or a title (`مدير المنتخب السعودي الأولمبي لكرة القدم
    /// خالد الغانم`), whose first word is not a title, an organisation head or a frequent noun, and
    /// that ends at a word with the article (the family name), a preposition, punctuation or the
    /// complement.
    private func nameAfterTitle(in region: Range<Int>) -> (tokens: Range<Int>, canonical: String)? {
        let tokens = view.tokens
        var k = region.lowerBound + 1
        while k < region.upperBound {
            let before = tokens[k - 1]
            let afterTitle =
                before.kind == .arabicWord
                && (before.proclitics.contains("ال") || before.proclitics.first == "ل"
                    || (before.proclitics.isEmpty && before.base.hasPrefix("ل")) || Self.isTitle(before.base))
            if afterTitle,
                let name = nameRun(at: k, limit: region.upperBound, afterTitle: Self.isTitleOrCourtesy(before.base))
            {
                return name
            }
            k += 1
        }
        return nil
    }

    /// A name starting at token `k` and ending before `limit`: up to four words without proclitics
    /// (six with particles: صالح بن عبدالله بن حميد), the last of them possibly a family name with the
    /// article; its first word not a title, organisation head, frequent noun, function or time word.
    /// It is taken when it starts with a known first name (one that is also a common word only right
    /// after a title: `الوزير خالد العرج`), holds
    /// a particle, or has a rare first or last word (``NameHints``); a single word only when it is a
    /// known first name before the complement or punctuation.
    private func nameRun(at k: Int, limit: Int, afterTitle: Bool) -> (tokens: Range<Int>, canonical: String)? {
        let tokens = view.tokens
        guard k < limit else { return nil }
        let t = tokens[k]
        let initial = t.base.unicodeScalars.first
        guard t.kind == .arabicWord, t.proclitics.isEmpty, !Self.notNames.contains(TermKey(t.base)),
            !KeywordTerms.stopWords.contains(TermKey(t.normalized)), !hints.isDateWord(t.base),
            !Self.notNames.contains(TermKey(t.stem)), !Self.prepositions.contains(TermKey(t.normalized)),
            view.form[k] == nil,
            !Self.objects.contains(TermKey(t.normalized)), t.base.unicodeScalars.count >= 3, view.mentionAt[k] < 0
        else { return nil }
        // A word starting with ل or ب is a name (بنيامين، لطفي) only when it is not a preposition on a
        // frequent word (لوكالة، بمدينة): the word without its first letter must be rare.
        if initial == "ل" || initial == "ب" {
            let rest = String(t.base.unicodeScalars.dropFirst())
            guard rest.unicodeScalars.count >= 3, hints.isRare(ArabicLightStemmer.stem(rest), below: 30) else {
                return nil
            }
        }
        var end = k + 1
        while end < limit, end - k < 6 {
            let u = tokens[end]
            guard u.kind == .arabicWord, view.form[end] == nil, !Self.prepositions.contains(TermKey(u.normalized)),
                !Self.notNames.contains(TermKey(u.base)),
                !KeywordTerms.stopWords.contains(TermKey(u.normalized))
                    || Self.particles.contains(TermKey(u.normalized)),
                !hints.isDateWord(u.base)
            else { break }
            if u.proclitics.isEmpty || u.normalized == "ال" || u.base == "ال" {
                // Four words, or six with particles.
                if end - k >= 4 && !tokens[k..<end].contains(where: { Self.particles.contains(TermKey($0.normalized)) })
                {
                    break
                }
                end += 1
                continue
            }
            if u.proclitics == ["ال"] {
                end += 1
                if !Self.innerNameWords.contains(TermKey(u.normalized)) { break }
                continue
            }
            break
        }
        let known =
            hints.isFirstName(t.normalized) && (afterTitle || !Self.ambiguousNames.contains(TermKey(t.normalized)))
        let particle = tokens[k..<end].contains { Self.particles.contains(TermKey($0.normalized)) }
        let closes = end == limit || tokens[end].kind == .punctuation
        let plausible =
            end - k >= 2
            ? known || particle || hints.isRare(t.stem) || hints.isRare(tokens[end - 1].stem)
            : known && closes
        guard plausible else { return nil }
        let range = ScalarRange(start: tokens[k].range.start, end: tokens[end - 1].range.end)
        return (k..<end, text(range))
    }

    /// True when every word of the mention is a courtesy title or honorific (صاحب السمو، سمو).
    private func isHonorificOnly(_ range: Range<Int>) -> Bool {
        range.allSatisfy { k in
            let t = view.tokens[k]
            return t.kind != .arabicWord || Self.courtesyTitles.contains(TermKey(t.base)) || t.base == "صاحب"
                || t.base == "سمو" || t.base == "ملكي" || Self.honorifics.contains(TermKey(t.normalized))
        }
    }

    /// Persons named before token `v`: the recogniser's person mentions (not bare honorifics) and
    /// the names found after titles, in text order.
    private func persons(before v: Int) -> ArraySlice<(tokens: Range<Int>, canonical: String)> {
        var end = allPersons.count
        while end > 0 && allPersons[end - 1].tokens.lowerBound >= v { end -= 1 }
        return allPersons[..<end]
    }

    /// The recogniser's person mentions (not bare honorifics, not a common-word first name without a
    /// title) and the names found after titles, in text order.
    private func personList() -> [(tokens: Range<Int>, canonical: String)] {
        var out: [(tokens: Range<Int>, canonical: String)] = []
        for (m, mention) in view.mentions.enumerated() where mention.type == .person {
            let range = view.mentionTokens[m]
            if range.isEmpty || isHonorificOnly(range) { continue }
            // A first name that is also a common word, with no title before it (أسماء المرشحات).
            if Self.ambiguousNames.contains(TermKey(view.tokens[range.lowerBound].normalized)),
                !hasTitle(before: range.lowerBound)
            {
                continue
            }
            out.append((range, mention.canonical))
        }
        out.append(contentsOf: names)
        return out.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// True when a title or courtesy title stands right before token `k`, or before the definite
    /// words that complete it (`وزير الخدمة المدنية خالد العرج`: up to three of them).
    private func hasTitle(before k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && k - j <= 4 {
            let t = view.tokens[j]
            guard t.kind == .arabicWord else { return false }
            if Self.isTitleOrCourtesy(t.base) { return true }
            guard t.proclitics.last == "ال" else { return false }
            j -= 1
        }
        return false
    }

    /// Nouns for sources and groups that speak (مصدر، شهود، مسؤول، محللون), as light stems.
    private static let sourceNouns: Set<TermKey> = Set(
        "مصدر مصادر شاهد شهود مسؤول مسؤولون مسؤولين متحدث محلل محللون خبير خبراء سكان مواطن مواطنون ناشط ناشطون مراقب مراقبون"
            .split(separator: " ").map { TermKey(ArabicLightStemmer.stem(String($0))) })

    /// Pronouns and quantifiers that do not name a speaker (قال هو، وتؤكد كل).
    private static let notSubjects: Set<TermKey> = [
        "هو", "هي", "هم", "هما", "هن", "نحن", "انا", "انت", "انتم", "كل", "جميع", "بعض", "معظم", "اغلب", "احد", "ذلك",
        "هذا", "هذه", "تلك", "الذي", "التي", "ما", "من", "لا", "لم", "لن", "قد", "ان", "انه", "انها", "كذلك", "ايضا",
    ]

    private static let dateWords: Set<TermKey> = [
        "يوم", "امس", "خميس", "جمعه", "سبت", "احد", "اثنين", "ثلاثاء", "اربعاء", "اسبوع", "شهر", "عام", "ماضي",
    ]

    /// True when the token at `k` follows a preposition or has ل/ب in front of it.
    private func isGoverned(_ k: Int) -> Bool {
        let t = view.tokens[k]
        if t.proclitics.contains("ل") || t.proclitics.contains("ب") { return true }
        guard k > 0 else { return false }
        let before = view.tokens[k - 1].normalized
        return ["في", "من", "عن", "مع", "الي", "علي", "لدي", "عند", "ل", "لـ", "ب", "بـ", "حول", "ضد"].contains(before)
    }

    private func entityMention(_ m: Int) -> Mention {
        let mention = view.mentions[m]
        return Mention(tokens: view.mentionTokens[m], canonical: mention.canonical, type: mention.type.rawValue)
    }

    // MARK: - Rule 2: before the verb

    /// The speaker of an earlier verb of saying in the sentence of `v`, else the first person named
    /// in the sentence before `v` outside quotations, else its first organisation, else a country or
    /// place that opens the sentence (`نددت الولايات المتحدة … ووصفته بأنه`).
    private func earlierInSentence(_ v: Int, quoteSpans: SpanCover) -> (speaker: Speaker, mention: Mention?)? {
        let start = sentenceStart(v)
        if let last = verbSpeakers.last, last.verb >= start, last.verb < v { return (last.speaker, nil) }
        func quoted(_ k: Int) -> Bool {
            let offset = view.tokens[k].range.start
            return quoteSpans.contains(offset)
        }
        // A subject opens its sentence: no preposition before it, within its first ten tokens.
        // A connective before a comma opening the sentence (إلى ذلك، من جهته،) is set aside.
        var clause = start
        for c in start..<min(v, start + 8) where view.tokens[c].kind == .punctuation && view.mark(c) != 0x3A {
            if (clause..<c).contains(where: { view.mentionAt[$0] >= 0 }) { break }
            clause = c + 1
        }
        func opensSentence(_ k: Int) -> Bool {
            k >= clause && k < clause + 10
                && !(clause..<k).contains { Self.prepositionWords.contains(TermKey(view.tokens[$0].bare)) }
        }
        if let person = persons(before: v).first(where: {
            $0.tokens.lowerBound >= start && !quoted($0.tokens.lowerBound) && opensSentence($0.tokens.lowerBound)
        }) {
            let m = view.mentionAt[person.tokens.lowerBound]
            let mention =
                m >= 0 ? entityMention(m) : Mention(tokens: person.tokens, canonical: person.canonical, type: "PERSON")
            return (
                Speaker(
                    canonical: person.canonical, type: "PERSON", gender: .masculine, paragraph: view.paragraph[v],
                    headStem: headStem(of: person.tokens)), mention
            )
        }
        for type in [EntityType.organization, .location] {
            for (m, mention) in view.mentions.enumerated() where mention.type == type {
                let range = view.mentionTokens[m]
                guard range.lowerBound >= start, range.upperBound <= v, !range.isEmpty, !quoted(range.lowerBound),
                    !isGoverned(range.lowerBound), opensSentence(range.lowerBound)
                else { continue }
                if type == .location && range.lowerBound > start + 2 { continue }
                let found = entityMention(m)
                return (
                    Speaker(
                        canonical: mention.canonical, type: type.rawValue, gender: .masculine,
                        paragraph: view.paragraph[v], headStem: headStem(of: found.tokens)), found
                )
            }
        }
        return nil
    }

    /// Prepositions (as `Token.bare`: و and ف removed) that make what follows an adverbial.
    private static let prepositionWords: Set<TermKey> = [
        "في", "من", "عن", "مع", "الي", "علي", "حول", "خلال", "بعد", "قبل", "لدي", "عند", "منذ", "حتي", "ضد", "تجاه",
        "بشان", "ازاء", "بين",
    ]

    /// Index of the first token of the sentence holding token `v`.
    private func sentenceStart(_ v: Int) -> Int {
        var k = v - 1
        while k >= 0 {
            if view.isSentenceEnd(k) || view.paragraph[k] != view.paragraph[v] { return k + 1 }
            k -= 1
        }
        return 0
    }

    // MARK: - Rule 3: implicit

    /// The last speaker of this paragraph or the one before (agreeing in gender and number if one
    /// does), else the last speaker of the article, else the last person named in the paragraph or
    /// the one before.
    private func implicit(gender: SpeechVerbLexicon.Gender, paragraph: Int, before v: Int) -> Speaker? {
        let nearby = speakers.reversed().prefix { $0.paragraph >= paragraph - 1 }
        if let agreeing = nearby.first(where: { $0.gender == gender }) { return agreeing }
        if let last = nearby.first { return last }
        if let agreeing = speakers.last(where: { $0.gender == gender }) { return agreeing }
        if let last = speakers.last { return last }
        if let person = persons(before: v).last(where: { view.paragraph[$0.tokens.lowerBound] >= paragraph - 1 }) {
            return Speaker(
                canonical: person.canonical, type: "PERSON", gender: gender, paragraph: paragraph,
                headStem: headStem(of: person.tokens))
        }
        return nil
    }

    // MARK: - Canonical names

    /// The speaker a mention stands for.
    private func resolve(_ mention: Mention, gender: SpeechVerbLexicon.Gender, paragraph: Int, before v: Int) -> Speaker
    {
        let head = headStem(of: mention.tokens)
        func speaker(_ canonical: String, _ type: String?) -> Speaker {
            Speaker(canonical: canonical, type: type, gender: gender, paragraph: paragraph, headStem: head)
        }
        if let canonical = mention.canonical { return speaker(canonical, mention.type) }
        let tokens = view.tokens
        let first = tokens[mention.tokens.lowerBound]
        let phrase = phraseText(mention.tokens)
        // Honorific pronoun: the last person who spoke, else the last person named.
        if Self.honorifics.contains(TermKey(first.normalized)) {
            if let person = speakers.last(where: { $0.type == "PERSON" }) { return speaker(person.canonical, "PERSON") }
            if let person = persons(before: v).last { return speaker(person.canonical, "PERSON") }
            return speaker(phrase, "PERSON")
        }
        let words = mention.tokens.filter { tokens[$0].kind == .arabicWord }
        let contentWords = words.filter { !Self.courtesyTitles.contains(TermKey(tokens[$0].base)) }
        guard let headIndex = contentWords.first else { return speaker(phrase, nil) }
        let headToken = tokens[headIndex]
        // Definite: the head has the article, or a definite word or a name follows it (construct).
        let definite =
            headToken.proclitics.contains("ال")
            || contentWords.dropFirst().contains { tokens[$0].proclitics.contains("ال") || view.mentionAt[$0] >= 0 }
        let stems = Set(contentWords.map { tokens[$0].stem })
        // A definite title: the person whose surrounding words hold it as written (وزير الخارجية, not
        // وزير خارجية روسيا), else its stems, else, for a short title, its head noun.
        if definite, Self.isTitle(headToken.base) || Self.isTitle(headToken.stem) {
            let forms = Set(contentWords.map { tokens[$0].bare })
            // The name may stand right after its title (وزير الخارجية سامح شكري).
            let horizon = min(view.tokens.count, mention.tokens.upperBound + 8)
            if let person = titledPerson(before: horizon, holding: forms, \.bare)
                ?? titledPerson(before: horizon, holding: stems, \.stem)
                ?? (contentWords.count <= 2 ? titledPerson(before: horizon, holding: [headToken.stem], \.stem) : nil)
            {
                return speaker(person, "PERSON")
            }
            return speaker(phrase, "PERSON")
        }
        // A description: the last speaker with the same head noun that shares another word, or
        // any with the same head when this one is a bare definite noun (المصدر، الوزارة).
        let bare = definite && contentWords.count <= 2
        if let s = speakers.last(where: {
            $0.headStem == headToken.stem && (bare || !stems.subtracting([headToken.stem]).isDisjoint(with: $0.stems))
        }) {
            return speaker(s.canonical, s.type)
        }
        if Self.documentHeads.contains(TermKey(headToken.stem)), let issuer = issuer(after: headIndex) {
            return speaker(issuer, "ORGANIZATION")
        }
        if Self.documentHeads.contains(TermKey(headToken.stem)),
            let issuer = earlierPhrase(withHead: headToken.stem, before: mention.tokens.lowerBound),
            speakers.contains(where: { $0.canonical == issuer })
                || view.mentions.contains(where: { $0.canonical == issuer })
        {
            return speaker(issuer, "ORGANIZATION")
        }
        if bare {
            if let m = lastMention(
                before: v, where: { $0.type == .organization && self.headStem(ofMention: $0) == headToken.stem })
            {
                return speaker(m.canonical, "ORGANIZATION")
            }
            if let earlier = earlierPhrase(withHead: headToken.stem, before: mention.tokens.lowerBound) {
                return speaker(earlier, Self.type(ofHead: headToken.stem))
            }
        }
        return speaker(phrase, Self.type(ofHead: headToken.stem))
    }

    /// The last entity mention before token `v` that satisfies `test`.
    private func lastMention(before v: Int, where test: (EntityMention) -> Bool) -> EntityMention? {
        let offset = view.tokens[v].range.start
        return view.mentions.last { $0.range.end <= offset && test($0) }
    }

    /// The canonical name of the last person named before `v` whose surrounding words (up to fourteen
    /// before, twelve after, within the clause) hold every stem of `stems`.
    private func titledPerson(before v: Int, holding words: Set<String>, _ form: KeyPath<Token, String>) -> String? {
        let everyone = allPersons
        func isOtherPerson(_ k: Int, _ own: Range<Int>) -> Bool {
            !own.contains(k)
                && (view.mentionAt[k] >= 0 && view.mentions[view.mentionAt[k]].type == .person
                    || everyone.contains { $0.tokens.contains(k) })
        }
        for person in persons(before: v).reversed() {
            let range = person.tokens
            var context: Set<String> = []
            var k = range.lowerBound - 1
            while k >= 0 && k >= range.lowerBound - 14 {
                let t = view.tokens[k]
                if view.isOpener(k) || view.mark(k) == 0xBB || view.mark(k) == 0x22 {
                    k -= 1
                    continue
                }
                if t.kind != .arabicWord || view.form[k] != nil || isOtherPerson(k, range) { break }
                context.insert(t[keyPath: form])
                k -= 1
            }
            k = range.upperBound
            while k < view.tokens.count && k < range.upperBound + 12 {
                let t = view.tokens[k]
                if view.mark(k) == 0xBB || view.mark(k) == 0x22 || view.mark(k) == 0x201D {
                    k += 1
                    continue
                }
                if t.kind != .arabicWord || view.form[k] != nil || view.isComplementizer(k, lemma: "")
                    || isOtherPerson(k, range)
                {
                    break
                }
                context.insert(t[keyPath: form])
                k += 1
            }
            if words.isSubset(of: context) { return person.canonical }
        }
        return nil
    }

    /// The words of `range` as written: the first token whole unless it starts with ل, ب or ك
    /// (then from its article or base), the others whole.
    private func phraseText(_ range: Range<Int>) -> String {
        let first = view.tokens[range.lowerBound]
        let start =
            first.proclitics.contains(where: { $0 == "ل" || $0 == "ب" || $0 == "ك" })
            ? nameStart(first) : first.range.start
        return text(ScalarRange(start: start, end: view.tokens[range.upperBound - 1].range.end))
    }

    /// The organisation named as the issuer of the document at token `k`: `صادر عن` + a mention
    /// within the four tokens after it.
    private func issuer(after k: Int) -> String? {
        let tokens = view.tokens
        var j = k + 1
        while j < min(tokens.count - 1, k + 5) {
            if tokens[j].normalized == "عن", view.mentionAt[j + 1] >= 0,
                ["صادر", "صادره", "الصادر", "الصادره"].contains(tokens[j - 1].normalized)
            {
                return view.mentions[view.mentionAt[j + 1]].canonical
            }
            j += 1
        }
        return nil
    }

    /// Epithets of God standing after a verb of saying in a quotation of scripture (تعالى، سبحانه),
    /// normalised.
    private static let divineEpithets: Set<TermKey> = Set(
        ["تعالى", "سبحانه", "عز"].map { TermKey(ArabicNormalizer().normalize($0)) })

    /// Prepositional pronouns after a verb of saying that point back at a document (جاء فيه، ورد
    /// فيها), normalised.
    private static let documentPronouns: Set<TermKey> = Set(
        ["فيه", "فيها", "فيهما"].map { TermKey(ArabicNormalizer().normalize($0)) })

    /// Nouns for texts whose words are quoted through a pronoun (بيان، تقرير، مقال، خطاب، كلمة،
    /// رسالة، تصريح، دراسة، تغريدة، مذكرة), as light stems: wider than ``documentHeads``, which
    /// speak for an issuer named after them.
    private static let documentNouns: Set<TermKey> = Set(
        "بيان تقرير مقال خطاب كلمة رسالة تصريح دراسة تغريدة مذكرة".split(separator: " ").map {
            TermKey(ArabicLightStemmer.stem(ArabicNormalizer().normalize(String($0))))
        })

    /// Heads of documents that speak for whoever issued them (تقرير، بيان، دراسة).
    private static let documentHeads: Set<TermKey> = ["تقرير", "بيان", "دراس", "مسح", "استطلاع", "ورق", "مذكر"]

    /// An earlier phrase of the text whose first word has the stem `stem`: that word and up to four
    /// words that continue it (definite words, or words with لل/ل), as written without proclitics; for
    /// a document (تقرير، بيان) whose issuer is named after it (`تقرير اقتصادي صادر عن بنك الكويت
    /// الدولي`), the issuer.
    private func earlierPhrase(withHead stem: String, before limit: Int) -> String? {
        let tokens = view.tokens
        var k = limit - 1
        while k >= 0 {
            if tokens[k].kind == .arabicWord, tokens[k].stem == stem, !tokens[k].proclitics.contains("ال") {
                if Self.documentHeads.contains(TermKey(stem)), let issuer = issuer(after: k) { return issuer }
                var end = k + 1
                while end < tokens.count, end - k < 5, tokens[end].kind == .arabicWord, view.form[end] == nil,
                    tokens[end].proclitics.contains("ال")
                        || tokens[end].proclitics.isEmpty
                            && end == k + 1 && !Self.prepositions.contains(TermKey(tokens[end].normalized))
                {
                    end += 1
                }
                return text(ScalarRange(start: nameStart(tokens[k]), end: tokens[end - 1].range.end))
            }
            k -= 1
        }
        return nil
    }

    // MARK: - Words

    /// The light stems of the words of `name` (as ``Token/stem`` would give them).
    private func stems(of name: String) -> Set<String> {
        Set(
            name.split(separator: " ").map {
                ArabicLightStemmer.stem(ArabicDateText.withoutArticle(normalizer.normalize(String($0))))
            })
    }

    /// Courtesy titles skipped when looking for a phrase's head (سمو الأمير، معالي الوزير).
    private static let courtesyTitles: Set<TermKey> = [
        "سمو", "معالي", "سعاده", "فضيله", "سماحه", "دوله", "فخامه", "جلاله", "دكتور", "شيخ", "استاذ", "سيد",
        "مهندس", "لواء", "عميد", "عقيد", "فريق", "مستشار",
    ]

    private static let titles: Set<TermKey> = Set(
        EntityCues.personTitles.map { TermKey(ArabicNormalizer().normalize($0)) }
            + [
                "مفتي", "مبعوث", "مدير", "وكيل", "عضو", "رئيس", "امين", "وزير", "سفير", "متحدث", "ناطق", "محافظ",
                "قائد", "نائب", "مساعد", "مندوب", "ممثل", "امير", "ملك", "رئيسه", "وزيره", "مديره",
            ])

    static func isTitle(_ word: String) -> Bool { titles.contains(TermKey(word)) }

    /// A title or a courtesy title (اللواء، الدكتور، الوزير), by base form.
    static func isTitleOrCourtesy(_ base: String) -> Bool {
        titles.contains(TermKey(base)) || courtesyTitles.contains(TermKey(base))
    }

    private static let organizationHeads: Set<TermKey> = Set(
        (EntityCues.organizationHeads
            + [
                "وزاره", "وكاله", "هيئه", "مجلس", "شرطه", "مرصد", "حزب", "حركه", "منظمه", "مفوضيه", "شركه", "بنك",
                "مركز",
                "اداره", "صحيفه", "قياده", "حكومه", "خارجيه", "داخليه", "جامعه", "لجنه", "سفاره", "نيابه", "محكمه",
                "اتحاد", "جمعيه", "مؤسسه", "مكتب", "رئاسه", "امانه", "بلديه", "تقرير", "بيان", "دراسه", "مسح",
            ]).flatMap { w -> [TermKey] in
                let n = ArabicNormalizer().normalize(w)
                return [TermKey(n), TermKey(ArabicLightStemmer.stem(n))]
            })

    /// `ORGANIZATION` for a head noun that names a body, `PERSON` otherwise.
    static func type(ofHead stem: String) -> String? {
        organizationHeads.contains(TermKey(stem)) ? "ORGANIZATION" : "PERSON"
    }

    /// The light stem of the first word of `tokens` that is not a courtesy title.
    private func headStem(of tokens: Range<Int>) -> String {
        for k in tokens
        where view.tokens[k].kind == .arabicWord && !Self.courtesyTitles.contains(TermKey(view.tokens[k].base)) {
            return view.tokens[k].stem
        }
        return ""
    }

    private func headStem(ofMention m: EntityMention) -> String {
        guard let index = view.mentions.firstIndex(of: m) else { return "" }
        return headStem(of: view.mentionTokens[index])
    }

    /// Where a name starts inside its first token: after و ف ب ل ك, keeping ال.
    private func nameStart(_ token: Token) -> Int {
        let leading = token.proclitics.filter { $0 != "ال" }.count
        guard leading > 0 else { return token.range.start }
        var offset = token.range.start
        var letters = 0
        while offset < token.range.end, letters < leading {
            if !ScalarClass.isArabicMark(scalars[offset].value) { letters += 1 }
            offset += 1
        }
        return offset
    }

    private func text(_ range: ScalarRange) -> String {
        String(String.UnicodeScalarView(scalars[range.start..<range.end]))
    }

    /// `surface` without tashkeel and tatweel.
    private func strip(_ surface: String) -> String {
        String(
            String.UnicodeScalarView(
                surface.unicodeScalars.filter { !ScalarClass.isArabicMark($0.value) && $0 != "\u{640}" }))
    }
}
