// SPDX-License-Identifier: GPL-2.0-or-later

/// Decodes bytes that are not UTF-8 as Windows-1256 or ISO-8859-6, whichever reads as Arabic.
///
/// Both code pages are decoded with the tables in `LegacyArabicCodePages`, and each result is
/// scored by how plausible it is as Arabic text. Over the non-ASCII scalars, these count as bad:
/// a byte the code page leaves unassigned; a C1 control (U+0080–U+009F); a Latin-1 letter
/// (U+00C0–U+00FF) next to an Arabic letter (ISO-8859-6 text read as Windows-1256 turns و ه ي
/// into è ç ê inside words); an Arabic letter next to an ASCII letter (Latin-1 `Ç` read as
/// Windows-1256 is `ا`); a tashkeel mark (U+064B–U+0652) not after an Arabic letter (Windows-1256
/// text read as ISO-8859-6 turns ي into a kasratan after spaces); and marks beyond one per four
/// letters. `quality = 1 - bad / nonASCII`. The better candidate wins (Windows-1256 on a tie);
/// it is accepted when its quality is at least 0.9 and Arabic letters (U+0621–U+064A) are at
/// least half of its non-ASCII scalars.
/// `confidence = 0.95 × quality × separation`, where `separation = min(1, 0.5 + 5 × (quality −
/// other quality))`, so a guess is never as sure as a byte order mark or valid UTF-8.
enum LegacyArabicDecoder {
    /// One candidate decoding and its score.
    struct Candidate {
        var encoding: TextEncodingName
        var scalars: [Unicode.Scalar]
        var quality: Double
        var arabicLetters: Int
        var nonASCII: Int
    }

    /// The accepted decoding, or `nil` with the best candidate's description when neither reads as Arabic.
    static func decode(_ bytes: [UInt8]) -> (decoded: DecodedText?, best: Candidate) {
        let a = candidate(bytes, encoding: .windows1256, table: LegacyArabicCodePages.windows1256)
        let b = candidate(bytes, encoding: .iso88596, table: LegacyArabicCodePages.iso88596)
        let (best, other) = b.quality > a.quality ? (b, a) : (a, b)
        guard best.quality >= 0.9, best.arabicLetters * 2 >= best.nonASCII else { return (nil, best) }
        let separation = min(1, 0.5 + 5 * (best.quality - other.quality))
        let confidence = (0.95 * best.quality * separation * 1000).rounded() / 1000
        let text = DecodedTextCleaner.string(fromScalars: best.scalars)
        return (DecodedText(text: text, encoding: best.encoding, confidence: confidence), best)
    }

    static func candidate(_ bytes: [UInt8], encoding: TextEncodingName, table: [UInt16]) -> Candidate {
        var scalars = [Unicode.Scalar]()
        scalars.reserveCapacity(bytes.count)
        var undefined = 0
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                let v = table[Int(byte) - 0x80]
                if v == 0xFFFF {
                    undefined += 1
                } else {
                    scalars.append(Unicode.Scalar(v)!)
                }
            }
        }
        var nonASCII = undefined
        var bad = undefined
        var letters = 0
        var marks = 0
        for (i, s) in scalars.enumerated() {
            let v = s.value
            if v < 0x80 { continue }
            nonASCII += 1
            if v <= 0x9F {
                bad += 1
            } else if v >= 0x0621 && v <= 0x064A && v != 0x0640 {
                letters += 1
                let prev = i > 0 ? scalars[i - 1].value : 0
                let next = i + 1 < scalars.count ? scalars[i + 1].value : 0
                if isASCIILetter(prev) || isASCIILetter(next) { bad += 1 }
            } else if v >= 0x064B && v <= 0x0652 {
                marks += 1
                let prev = i > 0 ? scalars[i - 1].value : 0
                if !(prev >= 0x0621 && prev <= 0x0652 && prev != 0x0640) { bad += 1 }
            } else if v >= 0xC0 && v <= 0xFF && v != 0xD7 && v != 0xF7 {
                let prev = i > 0 ? scalars[i - 1].value : 0
                let next = i + 1 < scalars.count ? scalars[i + 1].value : 0
                if isArabicLetter(prev) || isArabicLetter(next) { bad += 1 }
            }
        }
        if marks * 4 > letters { bad += marks - letters / 4 }
        let quality = nonASCII == 0 ? 0 : max(0, 1 - Double(bad) / Double(nonASCII))
        return Candidate(
            encoding: encoding, scalars: scalars, quality: quality, arabicLetters: letters, nonASCII: nonASCII)
    }

    @inline(__always)
    private static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }

    @inline(__always)
    private static func isArabicLetter(_ v: UInt32) -> Bool { v >= 0x0621 && v <= 0x064A && v != 0x0640 }
}
