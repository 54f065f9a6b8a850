// SPDX-License-Identifier: GPL-2.0-or-later

/// Turns file-name bytes into a printable, lossless string and back.
///
/// Valid UTF-8 is kept except `%`, C0/C1 controls, DEL and invisible format characters (Unicode
/// general category Cf: U+202E RIGHT-TO-LEFT OVERRIDE, U+FEFF, U+200B...); each byte of those and
/// every byte of an invalid UTF-8 sequence become `%XX` (upper-case hex), so that no name can
/// reorder or hide what an operator reads in a log or a listing. The mapping is injective, so two different names
/// never share an output name, and a name holding a newline cannot forge a line in any log.
public enum PathEscaper {
    /// The escaped form of `bytes` (one path or one component; `/` is kept).
    public static func escape(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output = ""
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let length = validSequenceLength(input, at: index)
            if length == 0 {
                appendHex(input[index], to: &output)
                index += 1
                continue
            }
            let scalarBytes = input[index..<index + length]
            let scalar = String(decoding: scalarBytes, as: UTF8.self).unicodeScalars.first!
            if scalar == "%" || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                appendHex(input[index], to: &output)
            } else if scalar.properties.generalCategory == .format {
                for byte in scalarBytes { appendHex(byte, to: &output) }
            } else {
                output.unicodeScalars.append(scalar)
            }
            index += length
        }
        return output
    }

    /// The bytes `escape` was given, or `nil` when `escaped` holds a malformed `%` escape.
    public static func unescape(_ escaped: String) -> [UInt8]? {
        var output: [UInt8] = []
        let utf8 = Array(escaped.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%") {
                guard index + 2 < utf8.count, let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
                else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(utf8[index])
                index += 1
            }
        }
        return output
    }

    private static func appendHex(_ byte: UInt8, to output: inout String) {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        output.unicodeScalars.append("%")
        output.unicodeScalars.append(digits[Int(byte >> 4)])
        output.unicodeScalars.append(digits[Int(byte & 0xF)])
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Length of the well-formed UTF-8 sequence at `index` (RFC 3629, no overlongs, no
    /// surrogates), or 0 when the byte there does not start one.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let (length, lowest, highest): (Int, UInt8, UInt8)
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, lowest, highest) = (2, 0x80, 0xBF)
        case 0xE0: (length, lowest, highest) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, lowest, highest) = (3, 0x80, 0xBF)
        case 0xED: (length, lowest, highest) = (3, 0x80, 0x9F)
        case 0xF0: (length, lowest, highest) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, lowest, highest) = (4, 0x80, 0xBF)
        case 0xF4: (length, lowest, highest) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        guard (lowest...highest).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}
