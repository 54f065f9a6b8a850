// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

@Suite("ArabicNormalizer")
struct ArabicNormalizerTests {
    let norm = ArabicNormalizer()

    @Test("الإرهابيين and الارهابيين have the same normalised form")
    func hamzaAlef() {
        #expect(norm.normalize("الإرهابيين") == "الارهابيين")
        #expect(norm.normalize("الارهابيين") == "الارهابيين")
    }

    @Test("alef variants أ إ آ ٱ become ا")
    func alefVariants() {
        #expect(norm.normalize("أحمد إيطاليا آلاف ٱلكتاب") == "احمد ايطاليا الاف الكتاب")
    }

    @Test("tashkeel including U+0670 superscript alef is removed")
    func tashkeel() {
        #expect(norm.normalize("مُحَمَّدٌ") == "محمد")
        #expect(norm.normalize("هٰذا") == "هذا")
        #expect(norm.normalize("للدولتيّن") == "للدولتين")
        #expect(norm.normalize("فوراَ") == "فورا")
    }

    @Test("tatweel is removed")
    func tatweel() {
        #expect(norm.normalize("الـــعـــربـيـة") == "العربيه")
        #expect(norm.normalize("بـ") == "ب")
    }

    @Test("alef maqsura and ta marbuta are folded by default and kept when switched off")
    func optionalRules() {
        #expect(norm.normalize("مصطفى العاصمة") == "مصطفي العاصمه")
        let keep = ArabicNormalizer(profile: .init(alefMaqsura: false, taMarbuta: false))
        #expect(keep.normalize("مصطفى العاصمة") == "مصطفى العاصمة")
    }

    @Test("Arabic-Indic and Persian digits become ASCII, with ٫ ٬ ٪")
    func digits() {
        #expect(norm.normalize("٢٠١٥ ۱۴۳۶ ٣٫٥ ١٬٠٠٠ ٥٠٪") == "2015 1436 3.5 1,000 50%")
        let keep = ArabicNormalizer(profile: .init(digits: false))
        #expect(keep.normalize("٢٠١٥") == "٢٠١٥")
    }

    @Test("presentation forms become base letters (NFKC data)")
    func presentationForms() {
        #expect(norm.normalize("\u{FEFB}") == "لا")  // LAM WITH ALEF ISOLATED
        #expect(norm.normalize("\u{FEF7}") == "لا")  // LAM WITH ALEF WITH HAMZA ABOVE -> ل أ -> ل ا
        #expect(norm.normalize("\u{FDF2}") == "الله")
        #expect(norm.normalize("\u{FE8D}\u{FEDF}\u{FECC}\u{FEAE}\u{FE91}\u{FEF4}\u{FE94}") == "العربيه")
        #expect(norm.normalize("\u{FE70}") == "")  // FATHATAN ISOLATED FORM: a mark, removed, no space left
        let keep = ArabicNormalizer(profile: .init(presentationForms: false))
        #expect(keep.normalize("\u{FEFB}") == "\u{FEFB}")
    }

    @Test("a decomposed hamza composes with its letter instead of being dropped")
    func decomposedHamza() {
        #expect(norm.normalize("ي\u{0654}") == "ئ")
        #expect(norm.normalize("و\u{0654}") == "ؤ")
        #expect(norm.normalize("ا\u{0655}") == "ا")
        let keepAlef = ArabicNormalizer(profile: .init(alef: false))
        #expect(keepAlef.normalize("ا\u{0655}") == "إ")
        #expect(keepAlef.normalize("ا\u{0653}") == "آ")
    }

    @Test("invisible format characters are removed")
    func formatCharacters() {
        #expect(norm.normalize("ب\u{200C}ا\u{200F}ب") == "باب")
    }

    @Test("normalisation is idempotent, also for partial profiles")
    func idempotent() {
        let inputs = [
            "وَبِالْعَاصِمَةِ ٱلْمُتَّحِدَة", "\u{FEF7}\u{FDF2} ٣٫٥", "ا\u{064E}\u{0654}", "مُـــحـمّـد ى ة أ",
        ]
        let profiles: [ArabicNormalizer.Profile] = [
            .default, .init(tashkeel: false), .init(alef: false), .init(presentationForms: false),
            .init(tatweel: false, digits: false),
        ]
        for p in profiles {
            let n = ArabicNormalizer(profile: p)
            for s in inputs {
                let once = n.normalize(s)
                #expect(n.normalize(once) == once, "profile \(p.name) on \(s)")
            }
        }
    }

    @Test(
        "the sample article's normalised form is idempotent", .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func sampleIdempotent() throws {
        let text = try ArticleDecoder.decode(try SharedData.bytes(SharedData.sample)).text
        let once = norm.normalize(text)
        #expect(norm.normalize(once) == once)
        #expect(!once.unicodeScalars.contains { $0.value == 0x0623 || $0.value == 0x0651 })
    }

    @Test("profile names")
    func profileNames() {
        #expect(ArabicNormalizer.Profile.default.name == "ar-norm-v1")
        #expect(ArabicNormalizer.Profile(alefMaqsura: false, taMarbuta: false).name == "ar-norm-v1:pf,tk,tw,al,dg,fc")
    }

    @Test("scalars and String entry points agree")
    func scalarEntryPoint() {
        let s = "وَبِالعاصِمَة"
        #expect(norm.normalize(scalars: s.unicodeScalars) == norm.normalize(s))
        #expect(norm.normalize(scalars: Array(s.unicodeScalars)[2...]) == "بالعاصمه")
    }

    @Test("the contiguous fast path agrees with the per-scalar rules for every BMP scalar and hamza compositions")
    func fastPathMatchesPerScalarRules() {
        // Each scalar alone, and after ا و ي ى ه (so combining hamza and madda marks compose or not).
        var inputs: [[Unicode.Scalar]] = []
        for v in UInt32(1)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            inputs.append([scalar])
        }
        for base in ["ا", "و", "ي", "ى", "ه", "\u{FE8D}", "\u{FEF0}", "x"] {
            for mark in ["\u{0653}", "\u{0654}", "\u{0655}", "\u{064E}\u{0654}", "\u{0640}\u{0654}"] {
                inputs.append(Array((base + mark + "ب").unicodeScalars))
            }
        }
        let profiles: [ArabicNormalizer.Profile] = [
            .default, .init(tashkeel: false), .init(alef: false), .init(presentationForms: false),
            .init(tatweel: false, digits: false), .init(alefMaqsura: false, taMarbuta: false, formatCharacters: false),
        ]
        for p in profiles {
            let n = ArabicNormalizer(profile: p)
            var mismatches = 0
            for input in inputs {
                var reference = [UInt32]()
                for scalar in input { n.append(scalar.value, to: &reference) }
                if n.normalize(scalars: input) != ScalarText.string(reference) { mismatches += 1 }
            }
            #expect(mismatches == 0, "profile \(p.name)")
        }
    }
}
