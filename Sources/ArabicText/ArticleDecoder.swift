// SPDX-License-Identifier: GPL-2.0-or-later

/// Turns an article file's bytes into text, recording the encoding and how sure the detection is.
///
/// Order of detection:
/// 1. Byte order mark: EF BB BF (UTF-8), FF FE (UTF-16 LE), FE FF (UTF-16 BE).
/// 2. UTF-16 without a mark, when NUL bytes sit almost only at even or only at odd offsets and
///    the whole buffer is well-formed UTF-16 that decodes to mostly text (confidence 0.8).
/// 3. Binary sniffing (see `BinarySniffer`: signatures, a NUL anywhere, controls in the first 4 KB): error `"binary"`.
/// 4. Strict UTF-8 (confidence 1). (A markup document declaring a 7-bit ISO-2022 encoding and
///    holding ESC bytes is decoded by its declaration instead.)
/// 5. Not UTF-8, and an HTML or XML document declaring its encoding (`<meta charset>`,
///    `<meta http-equiv="Content-Type">`, an XML declaration; see ``DeclaredCharset``): decoded
///    by that encoding with iconv, for any encoding iconv knows (confidence 0.9). When the
///    declaration cannot be honoured, step 6 runs and its error says why. Plain text never has a
///    declaration, so it keeps the strict policy below.
/// 6. Not UTF-8: mostly-valid UTF-8 with a few invalid sequences is, for an HTML or XML document,
///    decoded with each invalid byte read as Windows-1252 (`utf-8+windows-1252`, confidence 0.9;
///    see ``UTF8Repair``), and otherwise error `"invalid-utf8"` with
///    the byte offset of the first one (never guessed); otherwise Windows-1256 or ISO-8859-6 when
///    one of them reads as Arabic (confidence below 0.95, see `LegacyArabicDecoder`), else error
///    `"undecodable"`. See `decodeNonUTF8` for how damaged UTF-8 is told apart from cp1256.
///
/// The output `text` has CRLF and CR turned into LF and the C0/C1 control characters other than
/// LF and TAB removed (see `DecodedTextCleaner`). Invalid input is never repaired with U+FFFD: it
/// is reported. (A U+FFFD that is itself validly encoded in the input is the source's own
/// character and is kept.) Text that is empty or only whitespace after cleaning is error `"empty"`.
public enum ArticleDecoder {
    /// Decodes `bytes` (a whole article file).
    ///
    /// - Returns: the cleaned text, its encoding and a detection confidence in `0...1`.
    /// - Throws: `TextDecodingError` with code `"empty"`, `"binary"`, `"invalid-utf8"` or
    ///   `"undecodable"` (malformed UTF-16, or neither UTF-8 nor a legacy Arabic code page).
    public static func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        if bytes.isEmpty { throw .empty("the file has no bytes") }
        let decoded: DecodedText
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let scan = UTF8Scan.scan(bytes, from: 3)
            if let offset = scan.firstInvalidOffset { throw invalidUTF8Error(scan, offset: offset) }
            decoded = DecodedText(
                text: DecodedTextCleaner.string(fromValidUTF8: bytes, from: 3), encoding: .utf8BOM, confidence: 1)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            decoded = try decodeUTF16(bytes, from: 2, bigEndian: false, confidence: 1)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            decoded = try decodeUTF16(bytes, from: 2, bigEndian: true, confidence: 1)
        } else if let bigEndian = unmarkedUTF16ByteOrder(bytes),
            let text = try? decodeUTF16(bytes, from: 0, bigEndian: bigEndian, confidence: 0.8),
            looksLikeText(text.text)
        {
            decoded = text
        } else {
            if let reason = BinarySniffer.binaryReason(bytes) { throw .binary(reason) }
            if let text = DecodedTextCleaner.validUTF8String(bytes) {
                if bytes.contains(0x1B), case .decoded(let stateful)? = decodeDeclared(bytes, sevenBitOnly: true) {
                    decoded = stateful
                } else {
                    decoded = DecodedText(text: text, encoding: .utf8, confidence: 1)
                }
            } else {
                let declared = decodeDeclared(bytes, sevenBitOnly: false)
                if case .decoded(let text)? = declared {
                    decoded = text
                } else {
                    let scan = UTF8Scan.scan(bytes)
                    do {
                        if let offset = scan.firstInvalidOffset {
                            decoded = try decodeNonUTF8(bytes, scan: scan, firstInvalid: offset)
                        } else {  // not reached: the standard library and UTF8Scan agree on validity
                            decoded = DecodedText(
                                text: DecodedTextCleaner.string(fromValidUTF8: bytes, from: 0), encoding: .utf8,
                                confidence: 1)
                        }
                    } catch {
                        guard case .failed(let why)? = declared else { throw error }
                        throw TextDecodingError(code: error.code, detail: error.detail + "; " + why)
                    }
                }
            }
        }
        if decoded.text.unicodeScalars.allSatisfy({ ScalarClass.isSpace($0.value) }) {
            throw .empty("the \(bytes.count)-byte file holds only whitespace or control characters")
        }
        return decoded
    }

    /// What the declared-charset path made of a markup document.
    enum Declared {
        case decoded(DecodedText)
        /// A declaration that could not be honoured, and why.
        case failed(String)
    }

    /// The confidence of a decoding by the document's own declaration: the bytes decoded cleanly,
    /// but declarations are sometimes wrong.
    static let declaredConfidence = 0.9

    /// Decodes an HTML or XML document by the encoding it declares (see ``DeclaredCharset``), with
    /// iconv; `nil` when it declares none (or UTF-8, whose failures today's path reports). With
    /// `sevenBitOnly`, only the ISO-2022 encodings are honoured (bytes that are also valid UTF-8).
    static func decodeDeclared(_ bytes: [UInt8], sevenBitOnly: Bool) -> Declared? {
        guard let label = DeclaredCharset.label(in: bytes), let resolved = DeclaredCharset.resolve(label),
            resolved.name != "utf-8"
        else { return nil }
        if sevenBitOnly && !resolved.name.hasPrefix("iso-2022") { return nil }
        let skippable: Set<UInt8> = resolved.name == "windows-1252" ? [0x81, 0x8D, 0x8F, 0x90, 0x9D] : []
        switch IconvDecoder.decode(bytes, from: resolved.iconvName, skippable: skippable) {
        case .decoded(let utf8, _):
            let text = DecodedTextCleaner.string(fromValidUTF8: utf8, from: 0)
            return .decoded(
                DecodedText(
                    text: text, encoding: TextEncodingName(rawValue: resolved.name), confidence: declaredConfidence))
        case .unknownEncoding:
            return .failed("declared charset \"\(label)\" is not known to iconv")
        case .invalid(let offset):
            return .failed("declared charset \"\(label)\" does not decode the byte at offset \(offset)")
        }
    }

    /// Input that is not valid UTF-8: damaged UTF-8 is reported, legacy Arabic text is decoded.
    ///
    /// Windows-1256 and ISO-8859-6 Arabic letters are bytes 0xC1–0xFE, which as UTF-8 are lead
    /// bytes followed by another lead byte instead of a continuation byte: such text yields an
    /// invalid UTF-8 sequence for nearly every letter and almost no valid multi-byte sequence (the
    /// sample article in Windows-1256: 3,990 invalid, 32 accidentally valid). So a buffer is
    /// damaged UTF-8, error `"invalid-utf8"`, when it has at most two invalid sequences or at least
    /// as many valid multi-byte sequences as invalid ones; otherwise the legacy code pages are
    /// tried, and when neither reads as Arabic the error is `"undecodable"`.
    static func decodeNonUTF8(_ bytes: [UInt8], scan: UTF8Scan, firstInvalid offset: Int) throws(TextDecodingError)
        -> DecodedText
    {
        if scan.invalidSequences <= 2 || scan.validMultibyte >= scan.invalidSequences {
            if DeclaredCharset.looksLikeMarkup(bytes) {
                let (utf8, _) = UTF8Repair.repaired(bytes)
                return DecodedText(
                    text: DecodedTextCleaner.string(fromValidUTF8: utf8, from: 0), encoding: UTF8Repair.encoding,
                    confidence: declaredConfidence)
            }
            throw invalidUTF8Error(scan, offset: offset)
        }
        let (decoded, best) = LegacyArabicDecoder.decode(bytes)
        if let decoded { return decoded }
        let quality = (best.quality * 1000).rounded() / 1000
        throw .undecodable(
            "not UTF-8 (first invalid byte at offset \(offset), \(scan.invalidSequences) invalid sequences) "
                + "and not Arabic in Windows-1256 or ISO-8859-6 (best: \(best.encoding.rawValue), quality \(quality), "
                + "\(best.arabicLetters) Arabic letters)")
    }

    static func invalidUTF8Error(_ scan: UTF8Scan, offset: Int) -> TextDecodingError {
        .invalidUTF8(
            "invalid UTF-8 at byte offset \(offset) (\(scan.invalidSequences) invalid sequence(s), "
                + "\(scan.validMultibyte) valid multi-byte sequence(s))")
    }

    /// Decodes UTF-16 code units from `bytes[start...]`; unpaired surrogates or an odd length are errors.
    static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, confidence: Double)
        throws(TextDecodingError) -> DecodedText
    {
        let count = bytes.count - start
        if count % 2 != 0 { throw .undecodable("UTF-16 data with an odd number of bytes (\(count))") }
        var units = [UInt16]()
        units.reserveCapacity(count / 2)
        var i = start
        while i + 1 < bytes.count {
            let (hi, lo) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        var scalars = [Unicode.Scalar]()
        scalars.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var parser = Unicode.UTF16.ForwardParser()
        var index = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF16.decode(encoded))
                index += encoded.count
            case .emptyInput:
                break loop
            case .error:
                throw .undecodable("malformed UTF-16 (unpaired surrogate) at byte offset \(start + 2 * index)")
            }
        }
        let encoding: TextEncodingName = bigEndian ? .utf16BE : .utf16LE
        return DecodedText(
            text: DecodedTextCleaner.string(fromScalars: scalars), encoding: encoding, confidence: confidence)
    }

    /// For a buffer without a byte order mark: `true`/`false` (big/little endian) when at least 5%
    /// of the first 4 KB are NUL bytes and at least 90% of those sit at one parity; else `nil`.
    static func unmarkedUTF16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        let end = min(bytes.count, BinarySniffer.window)
        guard end >= 4, bytes.count % 2 == 0 else { return nil }
        var even = 0
        var odd = 0
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < end {
                // Eight bytes with no NUL among them (see `ByteWord`) are skipped whole.
                if i + 8 <= end && !ByteWord.hasByte(0, in: ByteWord.load(b, at: i)) {
                    i += 8
                    continue
                }
                if b[i] == 0 {
                    if i % 2 == 0 { even += 1 } else { odd += 1 }
                }
                i += 1
            }
        }
        let nuls = even + odd
        guard nuls * 20 >= end else { return nil }
        if even * 10 >= nuls * 9 { return true }
        if odd * 10 >= nuls * 9 { return false }
        return nil
    }

    /// True when at least 90% of the scalars are whitespace, ASCII printable, Latin-1 letters,
    /// general punctuation, or Arabic-script letters, marks, digits and punctuation.
    static func looksLikeText(_ text: String) -> Bool {
        var good = 0
        var total = 0
        for s in text.unicodeScalars {
            total += 1
            let v = s.value
            switch v {
            case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x24F, 0x0600...0x06FF, 0x0750...0x077F, 0x2000...0x206F,
                0xFB50...0xFDFF, 0xFE70...0xFEFF:
                good += 1
            default:
                break
            }
        }
        return total > 0 && good * 10 >= total * 9
    }
}
