// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Compares a predicted speaker with a labelled one, loosely: both are normalised (``ArabicNormalizer``:
/// tashkeel, alef variants, ى/ي, ة/ه), split into words on spaces and punctuation, stripped of titles
/// and honorifics (الشيخ، الدكتور، سمو، معالي، اللواء...), with `عبد`/`أبو` joined to the next word;
/// they match when the words of one are all among the words of the other (`الجبير` and `عادل بن أحمد
/// الجبير`, `الشرطة` and `الشرطة الإيطالية`, `عبدالعزيز آل الشيخ` and `عبدالعزيز بن عبدالله آل الشيخ`)
/// and the shorter holds a word that is not a particle.
public struct SpeakerNameMatcher: Sendable {
    let normalizer: ArabicNormalizer

    private static let dropped: Set<String> = [
        "الشيخ", "شيخ", "الدكتور", "دكتور", "د", "سمو", "معالي", "اللواء", "لواء", "العميد", "عميد", "الامير",
        "الاستاذ",
        "استاذ", "المهندس", "السيد", "سيد", "السيده", "فضيله", "سماحه", "سعاده", "صاحب", "السمو", "الملكي", "المستشار",
        "العقيد", "الفريق", "الرئيس", "الوزير", "السفير",
    ]
    private static let particles: Set<String> = ["بن", "ابن", "بنت", "ال", "و", "من", "في"]

    public init(normalizer: ArabicNormalizer = .init()) { self.normalizer = normalizer }

    /// The comparison words of `name`.
    public func words(_ name: String) -> [String] {
        var out: [String] = []
        var join = false
        var previous = ""
        for scalarWord in normalizer.normalize(name).unicodeScalars.split(whereSeparator: {
            ScalarClass.isSpace($0.value) || $0.properties.generalCategory.isPunctuation || $0 == "ـ"
        }) {
            let word = String(String.UnicodeScalarView(scalarWord))
            defer { previous = word }
            // A title word is dropped unless it is part of a family name (آل الشيخ، بن الشيخ).
            if Self.dropped.contains(word), !Self.particles.contains(previous) { continue }
            if join, !out.isEmpty {
                out[out.count - 1] += word
                join = false
                continue
            }
            out.append(word)
            join = word == "عبد" || word == "ابو"
        }
        return out
    }

    /// True when `predicted` and `labelled` name the same speaker (see the type's documentation).
    public func matches(_ predicted: String?, _ labelled: String) -> Bool {
        guard let predicted else { return false }
        let a = words(predicted)
        let b = words(labelled)
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.contains(where: { !Self.particles.contains($0) }) else { return false }
        return Set(short).isSubset(of: Set(long))
    }
}

extension Unicode.GeneralCategory {
    /// P* categories.
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
