// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Finds date and time expressions in a tokenised Arabic text and resolves them against a
/// publication date. A hand-written scanner over tokens (no regular expressions): at each token
/// the patterns below are tried in order and the first that matches is taken, then scanning
/// resumes after it.
///
/// Patterns (spans are whole tokens, proclitics included; prepositions such as في، منذ، حتى stay
/// outside, except the "ago" operator قبل and a point-in-time منذ):
/// - numeric dates `1436/10/25`, `25/10/1436هـ`, `5 / 11 / 1436 هـ`, `10-8-2015` (three parts, a
///   four-digit year first or last; Hijri when marked هـ or the year is 1300–1500), and a bare day
///   or day/month completed by the date ending its range (`من 2 إلى 5 / 11 / 1436 هـ`);
/// - a day and a month name (`10 اغسطس 2015 م`, `25 شوال 1436 هـ`, `الثاني من فبراير`, `12 من
///   الشهر الحالي`), with `يوم` before it inside the span; a month name with a year, a deictic
///   adjective (`مايو الماضي`) or alone (the publication year); alternative names in brackets or
///   side by side (`يوليو (تموز) الماضي`, `ديسمبر كانون الأول المقبل`: on disagreement the
///   bracketed one); month names that are also words or names (مارس، رمضان) need a day, a year,
///   `شهر` or an adjective;
/// - relative days: اليوم، أمس، أول (من) أمس، أمس الأول، غدا، بعد غد، يوم أمس، الليلة الماضية, each with a
///   weekday after it in one expression (`أمس الخميس`); `اليوم` inside a quotation ("nowadays")
///   is vague unless a weekday, إلى or حتى pins it;
/// - weekdays (`الخميس`, `يوم الأربعاء`, `الأربعاء الماضي`): the latest such day on or before the
///   publication date, or the next one with المقبل/القادم or a future marker nearby (سوف، المقرر،
///   a سـ-prefixed verb);
/// - units with an adjective: `الأسبوع الماضي` (ISO week), `الشهر المقبل`, `العام الجاري`, `هذا
///   العام`, `العام الماضي 1435` (the year given), `الشهر السابق` and `الشهر المقابل من عام 2014`
///   (anaphoric: against the last month the text spoke of); a bare `العام`/`الشهر` after بداية،
///   نهاية، منتصف...; named holidays (`عيد الفطر` = 1 Shawwal of the publication's Hijri year);
/// - ago: `قبل سنتين`، `قبل ثلاثة أيام`, and `منذ` + amount when a word of starting precedes it
///   (`دشنت … منذ حوالي الشهرين`), at the unit's precision;
/// - a year alone only in a date context: after عام/سنة (`لعام 2014م`), before م/هـ, after
///   في، منذ، حتى، خلال، صيف... (1900–2100, not followed by a counted noun), or alone in brackets;
/// - vague spans with no value: plural or dual units with an adjective (`الأيام الماضية`،
///   `العامين الماضيين`، `السنوات الخمس الأخيرة`، `لسنين مقبلة`), `الفترة الحالية`، `في وقت
///   لاحق`، `هذا الوقت`، مؤخرا، حاليا، سابقا، مستقبلا، الآن;
/// - clock times: `الساعة 10:30`, `الساعة السادسة مساء`, `10:30 ص`, `العاشرة صباحا`, with a zone
///   after `بتوقيت` (غرينتش، مكة، القاهرة...; standard offsets, no daylight saving), joined to
///   a day just before them (`يوم غد الأربعاء الساعة السادسة مساء` → `2015-08-12T18:00`).
///
/// Pure; Hijri dates go through ``HijriCalendar`` (Foundation's Umm al-Qura calendar).
public struct DateRecognizer: Sendable {
    public let lexicon: DateLexicon

    public init(lexicon: DateLexicon = .init()) { self.lexicon = lexicon }

    /// The date expressions of `tokens` (cut from `scalars`), in text order, non-overlapping.
    /// `reference` is the publication day (relative expressions get no value without it);
    /// `isQuoted` tells whether a scalar offset lies inside a quotation (for `اليوم`).
    public func expressions(
        in tokens: [Token], scalars: [Unicode.Scalar], reference: CalendarDay?,
        isQuoted: (Int) -> Bool = { _ in false }
    ) -> [DateExpression] {
        expressions(in: tokens, types: TokenTypes(tokens), scalars: scalars, reference: reference, isQuoted: isQuoted)
    }

    /// As the public one, with the distinct tokens of `tokens` already found.
    func expressions(
        in tokens: [Token], types: TokenTypes, scalars: [Unicode.Scalar], reference: CalendarDay?,
        isQuoted: (Int) -> Bool
    ) -> [DateExpression] {
        var scan = DateScan(tokens: tokens, types: types, scalars: scalars, lexicon: lexicon, reference: reference)
        return scan.run(isQuoted: isQuoted)
    }
}
