// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Hand-written Arabic word lists for the first, rule-based entity pass. Written for this project
/// from ordinary news vocabulary; matched on the normalised, proclitic-stripped base form.
public enum EntityCues {
    /// Titles and offices that precede a person's name.
    public static let personTitles: [String] = """
        لواء مشير مستشار سفير رئيس شيخ دكتور سيد سيدة أمير ملك عقيد عميد فريق رائد نقيب \
        مهندس أستاذ إمام قاضي محافظ نائب متحدث ناطق وزير وزيرة سلطان حاكم مبعوث أمين
        """.split(separator: " ").map(String.init)

    /// Nouns that head an organisation's name in a construct phrase (حكومة الوفاق, مجلس الأمن).
    public static let organizationHeads: [String] = """
        حكومة مجلس قوات جبهة هيئة وزارة حزب منظمة جامعة شركة جيش اتحاد بنك وكالة تنظيم حركة \
        مؤسسة صندوق جمعية محكمة برلمان نادي صحيفة قناة مصرف ميليشيا ميليشيات كتائب
        """.split(separator: " ").map(String.init)

    /// Organisations known by a bare name.
    public static let knownOrganizations: [String] = [
        "داعش", "الأمم المتحدة", "حلف الناتو", "الناتو", "الاتحاد الأوروبي", "جامعة الدول العربية",
        "حماس", "حزب الله", "طالبان", "القاعدة", "أوبك", "اليونسكو", "اليونيسف", "الإنتربول",
    ]

    /// Continents and regions that the place lists do not hold.
    public static let extraLocations: [String] = [
        "أفريقيا", "إفريقيا", "أوروبا", "آسيا", "أمريكا", "أميركا", "أستراليا", "الشرق الأوسط",
        "الخليج العربي", "شمال أفريقيا", "البحر المتوسط", "البحر الأحمر", "الساحل",
    ]

    /// Compass words that extend a following location (غرب أفريقيا).
    public static let directions: [String] = ["شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"]

    /// Reporting verbs (قال, أكد...), also used for quotations. Never part of a name.
    public static let speechVerbs: [String] = """
        قال قالت أكد أكدت أعلن أعلنت أضاف أضافت أوضح أوضحت صرح صرحت شدد شددت دعا دعت طالب طالبت \
        تابع تابعت عبر عبرت أشار أشارت ذكر ذكرت كشف كشفت نفى نفت اعتبر اعتبرت رأى يرى وصف وصفت \
        حذر حذرت أبلغ أبلغت جدد جددت استعرض يقول تقول
        """.split(separator: " ").map(String.init)

    /// Function words, weekdays and common nouns that end or block a name.
    public static let stopWords: [String] = """
        في من إلى الى على عن مع أن إن ان لا ما لم لن هذا هذه ذلك تلك التي الذي الذين اللذين قد كان كانت \
        يكون خلال بعد قبل حول ضد عند بين تحت فوق منذ حتى أو او ثم كما كل بعض غير دون عبر لدى نحو أمام \
        وراء هو هي هم هما نحن أنا أنه أنها إنه إنها بأن وأن اليوم أمس غدا الآن السبت الأحد الاثنين \
        الإثنين الثلاثاء الأربعاء الخميس الجمعة يوم أيام عام سنة شهر الماضي المقبل الحالي جميع عدة \
        أيضا فقط حيث إذا إذ لكن بل بينما فيما وقد التي باسم مدينة منطقة محافظة ولاية قرية بلدة
        """.split(separator: " ").map(String.init)

    /// First names that are also everyday words (حسن "good", أمين "secretary"): they start a name
    /// only after a title, never on their own.
    public static let ambiguousFirstNames: [String] = """
        حسن كريم أمين سعيد جميل عادل كمال نبيل سالم باسم فاضل منير رشيد شريف عزيز حكيم صالح طيب أمل نور \
        هدى سلام وفاء أمان ضياء فائق مجيد حميد ناصر منصور فتح عامر خالد صابر شاكر بشير نصر سامي عالي علي
        """.split(separator: " ").map(String.init)

    /// Name particles that continue a person's name (عبد, بن).
    public static let nameParticles: [String] = ["بن", "ابن", "بنت", "أبو", "ابو", "أبي", "عبد", "آل"]
}
