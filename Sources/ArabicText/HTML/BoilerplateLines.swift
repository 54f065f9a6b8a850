// SPDX-License-Identifier: GPL-2.0-or-later

/// Lines that are page furniture, never article text, recognised by their words:
/// - interface labels on a line of their own (a share target, "Print", "E-Mail"), after leading
///   punctuation: trafilatura's `RE_FILTER` (trafilatura/utils.py, Apache-2.0) plus French,
///   Spanish and Arabic equivalents;
/// - "read also" lines: a label such as "Read also", "Lesen Sie auch", "Lea también", "À lire
///   aussi", "Czytaj też", "اقرأ أيضا" alone, or followed by little more than a link (a related
///   article inside the story);
/// - credit lines: at most 80 scalars starting with "Foto:", "Bild:", "Quelle:", "Credit:",
///   "Photo:", "Fuente:", "©", "المصدر:"... (image and source credits);
/// - post-metadata lines: at most 60 scalars starting with "Tags:", "Kategorie", "Last updated",
///   "الوسوم"... and lines of at most 24 scalars without a letter (a date, a time, a counter);
/// - sign-up prompts: at most 150 scalars mentioning a newsletter or a subscription
///   ("newsletter", "subscribe", "abonnieren", "النشرة البريدية"...);
/// - advertising labels: at most 200 scalars starting with "Anzeige:", "*Werbung", "Advertisement",
///   "Sponsored content", "إعلان"...
enum BoilerplateLines {
    /// True when `line` (the UTF-8 text of `block`, trimmed) is such a line.
    static func isBoilerplate(_ line: ArraySlice<UInt8>, _ block: TextBlock) -> Bool {
        let chars = Int(block.chars)
        // Only short lines, or lines with links (a read-also label before a link), can qualify.
        guard chars <= 80 || (block.linkChars > 0 && line.count <= 600) || line.first == 0xC2 else { return false }
        var i = line.startIndex
        while i < line.endIndex, line[i] < 0x80, !isAlphanumeric(line[i]), line[i] != UInt8(ascii: "(") { i += 1 }
        guard i < line.endIndex else { return false }
        // A short line of digits and punctuation: a date, a time, a counter.
        if chars <= 24 && !line.contains(where: { isLetterByte($0) }) { return true }
        if chars <= 150 && mentionsSubscription(line) { return true }
        let first = lowercase(line[i])
        guard let candidates = index[Int(first)] else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer -> Bool in
            var n = 0
            for k in i..<min(line.endIndex, i + 64) {
                buffer[n] = lowercase(line[k])
                n += 1
            }
            let key = UnsafeBufferPointer(rebasing: buffer[0..<n])
            var end = n
            while end > 0, key[end - 1] < 0x80, !isAlphanumeric(key[end - 1]) { end -= 1 }
            let whole = UnsafeBufferPointer(rebasing: key[0..<end])
            for (label, kind) in candidates {
                switch kind {
                case .label:
                    if line.count <= 40 && label.elementsEqual(whole) { return true }
                case .moreOnThis:
                    if line.count <= 40 && whole.starts(with: label) && whole.count - label.count <= 8 { return true }
                case .readAlso:
                    if key.starts(with: label) {
                        let labelChars = label.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                        let rest = chars - labelChars
                        if chars <= 60 || rest <= 3 || Double(block.linkChars) >= 0.5 * Double(rest) { return true }
                    }
                case .advert:
                    if chars <= 200 && key.starts(with: label) { return true }
                case .credit:
                    if (chars <= 80 || line.starts(with: copyright) && chars <= 200) && key.starts(with: label) {
                        return true
                    }
                case .meta:
                    if chars <= 60 && key.starts(with: label) { return true }
                }
            }
            return false
        }
    }

    /// True when `line` speaks of a newsletter or a subscription (a sign-up prompt).
    private static func mentionsSubscription(_ line: ArraySlice<UInt8>) -> Bool {
        for word in subscriptionWords {
            let m = word.count
            guard line.count >= m else { continue }
            var i = line.startIndex
            while i + m <= line.endIndex {
                if lowercase(line[i]) == word[0] {
                    var k = 1
                    while k < m && lowercase(line[i + k]) == word[k] { k += 1 }
                    if k == m { return true }
                }
                i += 1
            }
        }
        return false
    }

    private static let subscriptionWords: [[UInt8]] = [
        "newsletter", "subscribe", "subscription", "abonnier", "abonnez", "suscríbete", "suscribete",
        "subskrypcj", "النشرة البريدية", "اشترك في",
    ].map { Array($0.utf8) }

    private enum Kind { case label, moreOnThis, readAlso, credit, meta, advert }

    /// Every label by its first byte.
    private static let index: [[([UInt8], Kind)]?] = {
        var table = [[([UInt8], Kind)]?](repeating: nil, count: 256)
        func add(_ list: [[UInt8]], _ kind: Kind) {
            for label in list where !label.isEmpty {
                table[Int(label[0])] = (table[Int(label[0])] ?? []) + [(label, kind)]
            }
        }
        add(labels, .label)
        add([moreOnThis], .moreOnThis)
        add(readAlso, .readAlso)
        add(credits, .credit)
        add(metaLabels, .meta)
        add(advertLabels, .advert)
        return table
    }()

    /// An ASCII letter, or the lead byte of a non-ASCII scalar (letters of other scripts).
    @inline(__always)
    private static func isLetterByte(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0xC3 }

    @inline(__always)
    private static func lowercase(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    @inline(__always)
    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39)
    }

    private static let moreOnThis = Array("more on this".utf8)
    private static let copyright = Array("©".utf8)

    private static let labels: [[UInt8]] =
        ([
            "drucken", "email", "e-mail", "facebook", "flipboard", "google", "instagram", "linkedin", "mail", "pdf",
            "pinterest", "pocket", "print", "qq", "reddit", "twitter", "wechat", "weibo", "whatsapp", "xing",
            "mehr zum thema", "telegram", "tumblr", "imprimer", "partager", "compartir", "imprimir",
            "طباعة", "مشاركة", "شارك", "فيسبوك", "تويتر", "واتساب", "تيليجرام", "البريد الإلكتروني",
        ].map { Array($0.utf8) })

    /// "Read also" labels (lower case).
    private static let readAlso: [[UInt8]] = [
        "read also", "read more", "see also", "related coverage", "related articles", "related stories",
        "related:", "more on this", "you may also like", "you might also like", "recommended for you",
        "also read", "lesen sie auch", "zum weiterlesen", "ähnliche beiträge", "ähnliche artikel", "lust auf mehr",
        "puedes ver", "lea:", "lee:", "más sobre", "mas sobre", "lesen sie mehr", "lesen sie hier",
        "auch interessant", "schon gelesen",
        "das könnte", "das thema könnte", "auch lesen", "weitere artikel", "weitere beiträge", "mehr zum thema",
        "weitere informationen", "weitere infos", "weitere aktuelle", "weitere themen",
        "mehr dazu", "mehr lesen", "weiterlesen", "zum thema", "à lire aussi", "a lire aussi", "lire aussi",
        "à voir aussi", "sur le même sujet", "lea también", "lee también", "lea más", "lee más", "vea también",
        "ver también", "le puede interesar", "te puede interesar", "también te puede interesar", "mira:",
        "noticias relacionadas", "leia também", "leggi anche", "czytaj też", "czytaj także", "czytaj również",
        "zobacz też", "zobacz także", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا", "اقرا ايضا",
        "اقرأ المزيد", "إقرأ المزيد", "اقرأ كذلك", "شاهد أيضا", "شاهد أيضاً", "طالع أيضا", "طالع أيضاً",
        "قد يهمك", "قد يعجبك", "مواضيع ذات صلة", "أخبار ذات صلة", "اخبار ذات صلة", "مقالات ذات صلة", "ذات صلة",
    ].map { Array($0.utf8) }

    /// Advertising and affiliate labels (lower case), for lines of at most 200 scalars.
    private static let advertLabels: [[UInt8]] = [
        "anzeige:", "anzeige,", "anzeige -", "*anzeige", "werbung:", "*werbung", "werbung |", "advertisement",
        "sponsored content", "sponsored:", "publicidad", "publicité", "إعلان", "this post contains affiliate",
        "this post contains references to products", "affiliate-link", "affiliate link",
    ].map { Array($0.utf8) }

    /// Post-metadata labels (lower case), for lines of at most 60 scalars: tags, categories,
    /// update dates, comment and view counters.
    private static let metaLabels: [[UInt8]] = [
        "tags:", "tag:", "schlagworte", "schlagwörter", "stichworte", "kategorie", "kategorien", "category:",
        "categories:", "filed under", "posted in", "keine kommentare", "no comments", "kommentare insgesamt",
        "aktualisiert am", "zuletzt aktualisiert", "last modified", "last updated", "veröffentlicht am",
        "aufrufe:", "views:", "étiquettes", "mots-clés", "etiquetas:", "التصنيف", "الوسوم", "كلمات مفتاحية",
        "آخر تحديث", "تاريخ النشر", "عدد المشاهدات", "المشاهدات",
    ].map { Array($0.utf8) }

    /// Credit labels (lower case), for lines of at most 80 scalars.
    private static let credits: [[UInt8]] = [
        "foto:", "fotos:", "foto ©", "bild:", "bilder:", "bildquelle", "titelbild", "beitragsbild", "quelle:",
        "credit:", "credits:", "photo:", "photos:", "photo credit", "image:", "image credit", "crédit photo",
        "crédits photo", "crédit :", "crédits :", "fuente:", "fotografía:", "©", "(c) ", "copyright",
        "صورة:", "الصورة:", "المصدر:", "مصدر الصورة", "تصوير:",
    ].map { Array($0.utf8) }
}
