// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Names the recogniser states whatever the model says (``NERNameMatcher``), and the regions a
/// compass word before them is part of.
///
/// The organisations are well-known names of Arabic news, hand-picked for this project, that
/// ANERcorp (news of 2003–2006) has too few of or none (داعش, هيئة تحرير الشام, حكومة الوفاق)
/// or that it annotates as one organisation where the model may split them. Left out: names
/// that are also common words (القاعدة "the base", حماس "enthusiasm", فتح "opening") and names
/// ANERcorp tags differently (مجلس التعاون الخليجي, الشرق الأوسط, which is also a newspaper).
/// Checked against the ANERcorp training file: where a listed name occurs there, it is tagged
/// as one organisation span in nearly every occurrence.
enum NERKnownNames {
    static let organizations: [String] = [
        "الأمم المتحدة", "مجلس الأمن", "الاتحاد الأوروبي", "جامعة الدول العربية", "الجامعة العربية",
        "حلف الناتو", "الناتو", "حزب الله", "طالبان", "أوبك", "اليونسكو", "اليونيسف", "الإنتربول", "داعش",
        "البنك الدولي", "الوكالة الدولية للطاقة الذرية", "منظمة التحرير الفلسطينية", "حركة فتح", "الكونغرس",
        "البنتاغون", "الكرملين", "منظمة الصحة العالمية", "جبهة النصرة", "هيئة تحرير الشام", "حكومة الوفاق",
        "الجيش الوطني الليبي", "قوات القيادة العامة", "الجيش السوري الحر", "قوات سوريا الديمقراطية",
        "الحشد الشعبي", "أنصار الله", "المحكمة الجنائية الدولية", "منظمة العفو الدولية",
    ]

    /// Continents and large regions: `غرب أفريقيا` is a region's name, so a mention of the
    /// continent right after a compass word takes the whole as its canonical name (the span stays
    /// the continent, as ANERcorp annotates it).
    static let regions: [String] = [
        "أفريقيا", "إفريقيا", "افريقيا", "آسيا", "اسيا", "أوروبا", "اوروبا", "أمريكا", "أميركا", "امريكا",
    ]

    /// Compass words (alone or two in a row: جنوب شرق).
    static let compass: [String] = ["شمال", "جنوب", "شرق", "غرب", "وسط"]
}
