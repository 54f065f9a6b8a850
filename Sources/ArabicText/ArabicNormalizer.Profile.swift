// SPDX-License-Identifier: GPL-2.0-or-later

extension ArabicNormalizer {
    /// Which normalisation rules are on. Each rule is described on `ArabicNormalizer`.
    ///
    /// The profile's `name` is written to the output document so that a consumer knows how the
    /// normalised layer was made: `"ar-norm-v1"` for the default (every rule on), otherwise
    /// `"ar-norm-v1:"` followed by the short names of the rules that are on, e.g.
    /// `"ar-norm-v1:pf,tk,tw,al,dg,fc"` when alef maqsura and ta marbuta are kept.
    public struct Profile: Sendable, Hashable {
        /// Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) to base letters. Short name `pf`.
        public var presentationForms: Bool
        /// Tashkeel (harakat, tanween, shadda, sukun, U+0670 and Quranic marks) removed. Short name `tk`.
        public var tashkeel: Bool
        /// Tatweel (kashida, U+0640) removed. Short name `tw`.
        public var tatweel: Bool
        /// Alef variants أ إ آ ٱ to ا. Short name `al`.
        public var alef: Bool
        /// Alef maqsura ى to yeh ي. Short name `ym`.
        public var alefMaqsura: Bool
        /// Ta marbuta ة to heh ه. Short name `th`.
        public var taMarbuta: Bool
        /// Arabic-Indic and Persian digits to ASCII digits. Short name `dg`.
        public var digits: Bool
        /// Invisible format characters (ZWNJ, ZWJ, LRM, RLM, ALM, bidi controls, U+FEFF) removed.
        /// Short name `fc`.
        public var formatCharacters: Bool

        /// Creates a profile; every rule defaults to on.
        public init(
            presentationForms: Bool = true, tashkeel: Bool = true, tatweel: Bool = true, alef: Bool = true,
            alefMaqsura: Bool = true, taMarbuta: Bool = true, digits: Bool = true, formatCharacters: Bool = true
        ) {
            self.presentationForms = presentationForms
            self.tashkeel = tashkeel
            self.tatweel = tatweel
            self.alef = alef
            self.alefMaqsura = alefMaqsura
            self.taMarbuta = taMarbuta
            self.digits = digits
            self.formatCharacters = formatCharacters
        }

        /// Every rule on; named `"ar-norm-v1"`.
        public static let `default` = Profile()

        /// Stable name of the profile, recorded in the output document (see the type's documentation).
        public var name: String {
            if self == .default { return "ar-norm-v1" }
            let rules: [(Bool, String)] = [
                (presentationForms, "pf"), (tashkeel, "tk"), (tatweel, "tw"), (alef, "al"),
                (alefMaqsura, "ym"), (taMarbuta, "th"), (digits, "dg"), (formatCharacters, "fc"),
            ]
            return "ar-norm-v1:" + rules.filter(\.0).map(\.1).joined(separator: ",")
        }
    }
}
