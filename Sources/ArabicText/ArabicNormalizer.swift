// SPDX-License-Identifier: GPL-2.0-or-later

/// The normalisation layer used for matching, gazetteer lookup and deduplication.
///
/// It never rewrites a document's `text` (whose offsets stay authoritative); it produces a separate
/// normalised string. Rules, each switchable in `Profile`, applied in one pass per scalar:
/// - presentation forms U+FB50–U+FDFF and U+FE70–U+FEFF to base letters (Unicode NFKC
///   compatibility mappings, see `ArabicPresentationForms`; the mapped scalars go through the
///   other rules too, so U+FEF7 LAM WITH ALEF WITH HAMZA ABOVE becomes `لا`);
/// - tashkeel removed: the harakat and tanween U+064B–U+0652, the other Arabic marks
///   U+0653–U+065F, U+0670 superscript (dagger) alef, and the small Quranic marks U+0610–U+061A,
///   U+06D6–U+06ED. A decomposed hamza or madda mark (U+0653–U+0655) after alef, waw, yeh or
///   heh goal is first composed with it as in Unicode canonical composition (ا + ٔ → أ,
///   و + ٔ → ؤ, ي + ٔ → ئ), so the letter is kept, not lost;
/// - tatweel (U+0640) removed;
/// - alef variants أ إ آ ٱ (U+0623, U+0625, U+0622, U+0671) to bare alef ا;
/// - optional alef maqsura ى (U+0649) to yeh ي;
/// - optional ta marbuta ة (U+0629) to heh ه;
/// - Arabic-Indic (U+0660–U+0669) and Extended Arabic-Indic / Persian (U+06F0–U+06F9) digits to
///   ASCII digits, with the Arabic decimal separator ٫ (U+066B) to `.`, the Arabic thousands
///   separator ٬ (U+066C) to `,` and the Arabic percent sign ٪ (U+066A) to `%`;
/// - invisible format characters removed: ZWSP, ZWNJ, ZWJ, LRM, RLM (U+200B–U+200F), ALM
///   (U+061C), bidi embeddings and isolates (U+202A–U+202E, U+2066–U+2069), U+FEFF.
///
/// Normalisation is idempotent for every profile: `normalize(normalize(s)) == normalize(s)`.
public struct ArabicNormalizer: Sendable {
    /// The rules in effect.
    public let profile: Profile

    /// `arabicBlock[v - 0x0600]` is what a scalar of the Arabic block U+0600–U+06FF becomes: a
    /// scalar value, `Self.dropped`, or `Self.composing` (a hamza or madda mark that composes
    /// with the letter before it). Made from `mapped(_:)`, so it follows the same rules.
    private let arabicBlock: [UInt32]
    private static let dropped: UInt32 = 0xFFFF_FFFF
    private static let composing: UInt32 = 0xFFFF_FFFE

    /// Creates a normaliser; the default profile enables every rule.
    public init(profile: Profile = .default) {
        self.profile = profile
        self.arabicBlock = (UInt32(0x0600)...0x06FF).map { v in
            if profile.tashkeel && (0x0653...0x0655).contains(v) { return Self.composing }
            return Self.mapped(v, profile) ?? Self.dropped
        }
    }

    /// The normalised form of `s`.
    public func normalize(_ s: String) -> String {
        normalize(scalars: ScalarText.scalars(of: s))
    }

    /// The normalised form of a scalar sequence (e.g. a slice of a document's scalars).
    public func normalize<S: Sequence>(scalars: S) -> String where S.Element == Unicode.Scalar {
        if let fast = scalars.withContiguousStorageIfAvailable({ buffer in
            buffer.withMemoryRebound(to: UInt32.self) { normalize(values: $0) }
        }) {
            return fast
        }
        var out = [UInt32]()
        out.reserveCapacity(scalars.underestimatedCount)
        for s in scalars { append(s.value, to: &out) }
        return ScalarText.string(out)
    }

    /// The normalised form of the scalars whose values are `values`: the rules of `append(_:to:)`,
    /// written straight to UTF-8 with the Arabic block looked up in `arabicBlock`.
    private func normalize(values: UnsafeBufferPointer<UInt32>) -> String {
        var out = UTF8Writer(capacity: values.count * 2 + 16)
        let block = arabicBlock  // indexed directly: a closure capturing `out` would keep it in memory
        for v in values {
            if v &- 0x0621 < 0x2A {  // Arabic letters (and tatweel): the common case
                let entry = block[Int(v &- 0x0600)]
                if entry &- 0x80 < 0x780 {
                    out.appendTwoByte(entry)
                } else {
                    appendArabicBlock(entry, v, to: &out)
                }
            } else if v < 0x0600 {
                out.append(v)
            } else if v < 0x0700 {
                appendArabicBlock(block[Int(v &- 0x0600)], v, to: &out)
            } else if profile.presentationForms, let slice = ArabicPresentationForms.mapping(of: v) {
                for i in slice {
                    let w = ArabicPresentationForms.values[i]
                    if w >= 0x0600 && w < 0x0700 {
                        appendArabicBlock(block[Int(w &- 0x0600)], w, to: &out)
                    } else if let m = Self.mapped(w, profile) {
                        out.append(m)
                    }
                }
            } else if let m = Self.mapped(v, profile) {
                out.append(m)
            }
        }
        return out.string()
    }

    /// Writes the `arabicBlock` entry `entry` of the scalar `v`.
    @inline(__always)
    private func appendArabicBlock(_ entry: UInt32, _ v: UInt32, to out: inout UTF8Writer) {
        if entry < Self.composing {
            out.append(entry)
        } else if entry == Self.composing, let last = out.lastTwoByteScalar, let composed = Self.compose(last, v) {
            out.replaceLastTwoByteScalar(with: mapLetter(composed))
        }
    }

    /// Appends the normalised form of the scalar value `v` to `out` (which holds the normalised
    /// form of what precedes `v`; a combining hamza may compose with its last element).
    @inline(__always)
    func append(_ v: UInt32, to out: inout [UInt32]) {
        if v < 0x0600 {
            out.append(v)
            return
        }
        if profile.presentationForms, let slice = ArabicPresentationForms.mapping(of: v) {
            for i in slice { appendBase(ArabicPresentationForms.values[i], to: &out) }
            return
        }
        appendBase(v, to: &out)
    }

    @inline(__always)
    private func appendBase(_ v: UInt32, to out: inout [UInt32]) {
        if v < 0x0600 {
            out.append(v)
        } else if profile.tashkeel && v >= 0x0653 && v <= 0x0655 {
            if let last = out.last, let composed = Self.compose(last, v) {
                out[out.count - 1] = mapLetter(composed)
            }
        } else if let m = Self.mapped(v, profile) {
            out.append(m)
        }
    }

    /// What the scalar `v` (U+0600 or above, not a composing hamza or madda mark) becomes under
    /// `profile`: its replacement, or `nil` when it is removed.
    @inline(__always)
    private static func mapped(_ v: UInt32, _ profile: Profile) -> UInt32? {
        switch v {
        case 0x0640:
            return profile.tatweel ? nil : v
        case 0x0622, 0x0623, 0x0625, 0x0671:
            return profile.alef ? 0x0627 : v
        case 0x0649:
            return profile.alefMaqsura ? 0x064A : v
        case 0x0629:
            return profile.taMarbuta ? 0x0647 : v
        case 0x0660...0x0669:
            return profile.digits ? v - 0x0660 + 0x30 : v
        case 0x06F0...0x06F9:
            return profile.digits ? v - 0x06F0 + 0x30 : v
        case 0x066B:
            return profile.digits ? 0x2E : v
        case 0x066C:
            return profile.digits ? 0x2C : v
        case 0x066A:
            return profile.digits ? 0x25 : v
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
            return profile.formatCharacters ? nil : v
        default:
            return profile.tashkeel && ScalarClass.isArabicMark(v) ? nil : v
        }
    }

    /// The letter rules (alef variants, alef maqsura) applied to a composed letter.
    @inline(__always)
    private func mapLetter(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x0622, 0x0623, 0x0625: return profile.alef ? 0x0627 : v
        default: return v
        }
    }

    /// Unicode canonical composition of a base letter with U+0653 MADDAH ABOVE, U+0654 HAMZA ABOVE
    /// or U+0655 HAMZA BELOW (UnicodeData.txt decompositions of U+0622–U+0626, U+06C0, U+06C2, U+06D3).
    /// Alef maqsura and a normalised bare alef compose as their sources would.
    @inline(__always)
    static func compose(_ base: UInt32, _ mark: UInt32) -> UInt32? {
        switch (base, mark) {
        case (0x0627, 0x0653): return 0x0622
        case (0x0627, 0x0654): return 0x0623
        case (0x0627, 0x0655): return 0x0625
        case (0x0648, 0x0654): return 0x0624
        case (0x064A, 0x0654), (0x0649, 0x0654): return 0x0626
        case (0x06D5, 0x0654): return 0x06C0
        case (0x06C1, 0x0654): return 0x06C2
        case (0x06D2, 0x0654): return 0x06D3
        default: return nil
        }
    }
}
