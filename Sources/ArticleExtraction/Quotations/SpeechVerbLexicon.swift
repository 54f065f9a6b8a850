// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Verbs of saying and their inflected forms, looked up by a token's normalised base form (the
/// conjunctions و ف already split off by the tokenizer). Written by hand for this project: each
/// lemma lists its third-person past forms, imperfect forms, the active participle's stem (from
/// which the masculine, feminine and plural participles are made) and its nominal forms with a
/// pronoun (بقوله، بتأكيده).
///
/// Gender and number come from the form: `أكدت` feminine, `أكدوا` plural, `مؤكدة` feminine.
/// Lemmas that are also frequent prepositions or nouns are only taken in safe forms: `بين`
/// "between" and `عبر` "through" only with a conjunction (وبين، وعبر) or inflected; `يذكر` is
/// left out (impersonal `يذكر أن`), `يبلغ` too ("amounts to"); `زاد` ("increased") counts only
/// before a colon; `اعتبر`، `وصف`، `طلب`، `تحدث` count only before quotation marks.
public struct SpeechVerbLexicon: Sendable {
    /// What a form is.
    public struct Form: Sendable, Equatable {
        /// The lemma, as displayed (أكد).
        public var lemma: String
        public var kind: Kind
        public var gender: Gender
        /// The quotation it introduces must follow a colon (زاد) or quotation marks (اعتبر).
        public var needs: Requirement
        /// The form needs a conjunction proclitic (وبين، وعبر).
        public var needsConjunction: Bool
    }

    public enum Kind: Sendable, Equatable {
        /// A finite verb in the past (قال، أكدت).
        case finite
        /// A finite verb in the imperfect (يقول، تؤكد).
        case imperfect
        /// An active participle (قائلا، مشيرا): continues the subject of the clause before it.
        case participle
        /// A verbal noun with a pronoun (بقوله، بتأكيده).
        case nominal
    }

    public enum Gender: Sendable, Equatable {
        case masculine, feminine, plural
    }

    public enum Requirement: Sendable, Equatable {
        /// إن/أن/بأن, a colon or quotation marks.
        case any
        /// A colon.
        case colon
        /// Quotation marks.
        case marks
    }

    private let forms: [TermKey: Form]

    /// `(lemma, past forms m f pl..., imperfect forms, participle stem, nominal forms, requirement)`.
    private static let table: [(String, String, String, String, String, Requirement)] = [
        ("قال", "قال قالت قالوا قالا قالتا", "يقول تقول يقولون يقولان", "قائل", "قوله قولها قولهم", .any),
        ("أكد", "أكد أكدت أكدوا أكدا أكدتا", "يؤكد تؤكد يؤكدون", "مؤكد", "تأكيده تأكيدها تأكيدهم", .any),
        ("أعلن", "أعلن أعلنت أعلنوا أعلنا", "يعلن تعلن يعلنون", "معلن", "إعلانه إعلانها", .any),
        ("أوضح", "أوضح أوضحت أوضحوا أوضحا", "يوضح توضح يوضحون", "موضح", "توضيحه توضيحها", .any),
        ("صرح", "صرح صرحت صرحوا صرحا", "يصرح تصرح يصرحون", "مصرح", "", .any),
        ("شدد", "شدد شددت شددوا شددا", "يشدد تشدد يشددون", "مشدد", "تشديده تشديدها", .any),
        ("أشار", "أشار أشارت أشاروا أشارا", "يشير تشير يشيرون", "مشير", "إشارته إشارتها", .any),
        ("دعا", "دعا دعت دعوا", "يدعو تدعو يدعون", "داعي", "", .any),
        ("طالب", "طالب طالبت طالبوا طالبا", "يطالب تطالب يطالبون", "مطالب", "مطالبته مطالبتها", .any),
        ("عبر", "عبرت عبروا", "يعبر تعبر يعبرون", "معبر", "", .any),
        ("تابع", "تابع تابعت تابعوا", "", "", "", .any),
        ("أضاف", "أضاف أضافت أضافوا أضافا", "يضيف تضيف يضيفون", "مضيف", "", .any),
        ("نفى", "نفى نفت نفوا", "ينفي تنفي ينفون", "نافي", "نفيه نفيها", .any),
        ("حذر", "حذر حذرت حذروا حذرا", "يحذر تحذر يحذرون", "محذر", "تحذيره تحذيرها", .any),
        ("بين", "بينت بينوا", "", "مبين", "", .any),
        ("أفاد", "أفاد أفادت أفادوا أفادا", "يفيد تفيد يفيدون", "", "", .any),
        ("ذكر", "ذكر ذكرت ذكروا ذكرا", "تذكر", "ذاكر", "", .any),
        ("لفت", "لفت لفتت لفتوا", "يلفت تلفت", "لافت", "", .any),
        ("كشف", "كشف كشفت كشفوا كشفا", "يكشف تكشف يكشفون", "كاشف", "", .any),
        ("نوه", "نوه نوهت نوهوا", "ينوه تنوه", "منوه", "", .any),
        ("أبان", "أبان أبانت", "", "", "", .any),
        ("أردف", "أردف أردفت", "", "مردف", "", .any),
        ("حث", "حث حثت حثوا", "يحث تحث يحثون", "حاث", "", .any),
        ("أبلغ", "أبلغ أبلغت أبلغوا أبلغه أبلغها أبلغهم أبلغتها أبلغته", "", "", "", .any),
        ("علق", "علق علقت علقوا", "", "معلق", "", .any),
        ("نقل", "نقل نقلت نقلوا", "", "", "", .any),
        ("اعترف", "اعترف اعترفت اعترفوا", "يعترف تعترف", "معترف", "", .any),
        ("ختم", "ختم ختمت", "", "", "", .colon),
        ("زاد", "زاد زادت", "", "", "", .colon),
        ("اعتبر", "اعتبر اعتبرت اعتبروا اعتبرته اعتبره", "", "معتبر", "", .marks),
        ("وصف", "وصف وصفت وصفوا وصفته وصفه وصفها", "", "واصف", "", .marks),
        ("طلب", "طلب طلبت طلبوا", "", "", "", .marks),
        ("تحدث", "", "", "متحدث", "", .marks),
    ]

    /// Forms that need a conjunction in front of them.
    private static let conjunctionOnly: Set<String> = ["بين"]

    /// The lexicon, normalised with `normalizer` (the tokenizer's).
    public init(normalizer: ArabicNormalizer = .init()) {
        var forms: [TermKey: Form] = [:]
        func add(_ word: String, _ lemma: String, _ kind: Kind, _ gender: Gender, _ needs: Requirement) {
            let key = TermKey(normalizer.normalize(word))
            if forms[key] == nil {
                forms[key] = Form(
                    lemma: lemma, kind: kind, gender: gender, needs: needs,
                    needsConjunction: Self.conjunctionOnly.contains(key.string))
            }
        }
        for (lemma, past, imperfect, participle, nominal, needs) in Self.table {
            for word in past.split(separator: " ").map(String.init) {
                add(word, lemma, .finite, Self.gender(ofPast: word, lemma: lemma), needs)
            }
            for word in imperfect.split(separator: " ").map(String.init) {
                let gender: Gender = word.hasSuffix("ون") ? .plural : (word.hasPrefix("ت") ? .feminine : .masculine)
                add(word, lemma, .imperfect, gender, needs)
            }
            // Participles in the accusative of state (مؤكدا، مشيرة): the bare masculine (مؤكد
            // "certain", مضيف "host", متحدث "spokesman") is an adjective or a noun.
            if !participle.isEmpty {
                add(participle + "ا", lemma, .participle, .masculine, needs)
            }
            if !participle.isEmpty, lemma != "تحدث" {
                add(participle + "ة", lemma, .participle, .feminine, needs)
                add(participle + "ين", lemma, .participle, .plural, needs)
                add(participle + "ات", lemma, .participle, .plural, needs)
            }
            for word in nominal.split(separator: " ").map(String.init) {
                let gender: Gender = word.hasSuffix("ها") ? .feminine : (word.hasSuffix("هم") ? .plural : .masculine)
                add(word, lemma, .nominal, gender, needs)
            }
        }
        // بين "between" and عبر "through": only with a conjunction.
        add("بين", "بين", .finite, .masculine, .any)
        add("عبر", "عبر", .finite, .masculine, .any)
        forms[TermKey(normalizer.normalize("عبر"))]?.needsConjunction = true
        forms[TermKey(normalizer.normalize("بين"))]?.needsConjunction = true
        self.forms = forms
    }

    /// The form of a word whose base is `base`, or `nil` when it is not a verb of saying.
    @inline(__always)
    public func form(_ base: String) -> Form? { forms[TermKey(base)] }

    private static func gender(ofPast word: String, lemma: String) -> Gender {
        if word == lemma { return .masculine }
        if word.hasSuffix("وا") { return .plural }
        if word.hasSuffix("تا") || word.hasSuffix("ت") { return .feminine }
        if word.hasSuffix("ته") || word.hasSuffix("تها") { return .feminine }
        return .masculine
    }
}
