// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The terms keyword extraction counts: the light stems (`Token.stem`: normalised, proclitics and
/// light10 suffixes removed) of content words, and pairs of adjacent content words (`stem stem`).
/// Content words are Arabic or Latin words of at least two letters that are not function words,
/// verbs of saying, number or time words (``stopWords``). The same function serves counting the
/// background corpus (``DocumentFrequencyCounter``) and scoring an article, so both see one
/// vocabulary.
public enum KeywordTerms {
    /// One content word: its token index and its key (the stem; Latin words lowercased).
    public struct Word: Sendable, Equatable {
        public var index: Int
        public var key: TermKey
    }

    /// The content words of `tokens`, in order.
    public static func words(_ tokens: [Token]) -> [Word] {
        let types = TokenTypes(tokens)
        let keys = types.first.map { key(of: tokens[Int($0)]) }
        var out: [Word] = []
        out.reserveCapacity(tokens.count / 2)
        for (i, t) in types.typeOf.enumerated() {
            if let key = keys[Int(t)] { out.append(Word(index: i, key: key)) }
        }
        return out
    }

    /// The key of `token` when it is a content word, else `nil`.
    static func key(of token: Token) -> TermKey? {
        guard token.kind == .arabicWord || token.kind == .latinWord else { return nil }
        let key = TermKey(token.stem)
        guard token.stem.unicodeScalars.count >= 2, !stopWords.contains(TermKey(token.base)), !stopWords.contains(key)
        else { return nil }
        return key
    }

    /// The keys of `words` and of their adjacent pairs (two content words with no other token
    /// between them): `stem` and `stem stem`, each once per occurrence.
    public static func keys(_ words: [Word], into body: (String, _ first: Int, _ last: Int) -> Void) {
        for (n, w) in words.enumerated() {
            body(w.key.string, w.index, w.index)
            if n + 1 < words.count, words[n + 1].index == w.index + 1 {
                body(w.key.string + " " + words[n + 1].key.string, w.index, words[n + 1].index)
            }
        }
    }

    /// Normalised function words, pronouns, auxiliaries, frequent verbs of reporting, number and
    /// time words, and a few frequent news verbs, written by hand for this project; in
    /// ``ArabicNormalizer`` form, with and without the article, and their light stems.
    public static let stopWords: Set<TermKey> = {
        let text = """
            في من على علي الى إلى عن مع أن إن ان لا ما لم لن هذا هذه ذلك تلك التي الذي الذين اللذين اللتين اللواتي \
            قد كان كانت يكون تكون كانوا خلال بعد قبل حول ضد عند بين تحت فوق منذ حتى او أو ثم كما كل بعض غير دون \
            عبر لدى نحو أمام وراء هو هي هم هما نحن أنا أنت انه أنه أنها إنه إنها بأن وأن فإن لأن لكن بل بينما فيما \
            حيث إذا اذا إذ اذ ضمن عدة جميع أي أيضا ايضا فقط حاليا الآن اليوم أمس امس غدا يوم أيام عام سنة شهر \
            أسبوع الماضي المقبل الحالي الجاري القادم وقت مرة مرات كذلك هناك هنا ليس ليست لقد إلا الا سوى مثل \
            ذاته نفسه نفسها عليه عليها إليه إليها منه منها فيه فيها لها له لهم بها به بهم عنه عنها معه معها \
            قال قالت أكد أكدت أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت أعلن أعلنت مشيرا مشيرة مؤكدا مؤكدة \
            مضيفا موضحا لافتا مبينا وقال يقول تقول صرح بين أفاد لفت كشف شدد دعا طالب تابع نوه \
            واحد اثنين ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة عشر ألف مليون مليار مئة مائة \
            يتم تم وتم يمكن يجب ينبغي سيتم عبر جانب إطار اطار شأن بشأن حسب بحسب وفق وفقا إضافة اضافة \
            السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة صباح مساء الساعة \
            عام العامة سمو صاحب معالي الدكتور أكثر أقل أول أخرى آخر \
            هل كيف لماذا متى أين ماذا لما لو كلما مما ممن عما وهو وهي
            """
        let normalizer = ArabicNormalizer()
        var set = Set<TermKey>()
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let n = normalizer.normalize(String(word))
            set.insert(TermKey(n))
            set.insert(TermKey(ArabicDateText.withoutArticle(n)))
            set.insert(TermKey(ArabicLightStemmer.stem(ArabicDateText.withoutArticle(n))))
        }
        return set
    }()
}
