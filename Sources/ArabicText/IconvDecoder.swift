// SPDX-License-Identifier: GPL-2.0-or-later

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes bytes in any encoding that the C library's iconv knows into UTF-8 (glibc `iconv(3)`,
/// in memory, one call per buffer plus one per invalid byte).
enum IconvDecoder {
    /// The outcome of one conversion.
    enum Outcome: Equatable {
        /// The UTF-8 bytes; `skipped` counts the input bytes in `skippable` that were left out.
        case decoded([UInt8], skipped: Int)
        /// iconv does not know the encoding.
        case unknownEncoding
        /// An invalid or incomplete sequence at this input offset.
        case invalid(offset: Int)
    }

    /// `bytes` converted from `encoding` (an iconv name) to UTF-8.
    ///
    /// A byte that the encoding leaves undefined is an error unless it is in `skippable`, in which
    /// case it is left out and counted (Windows-1252's five undefined bytes 0x81, 0x8D, 0x8F, 0x90
    /// and 0x9D decode to C1 controls in browsers, which the text cleaner removes anyway).
    static func decode(_ bytes: [UInt8], from encoding: String, skippable: Set<UInt8> = []) -> Outcome {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return .unknownEncoding }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        var skipped = 0
        var failure: Int?
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(
                    to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(
                    to: CChar.self)
                var outLeft = outBuf.count
                while inLeft > 0 {
                    if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 { break }
                    let offset = inBuf.count - inLeft
                    if errno == EILSEQ, skippable.contains(inBase[offset]) {
                        inPtr = inPtr.map { $0 + 1 }
                        inLeft -= 1
                        skipped += 1
                        continue
                    }
                    failure = offset
                    break
                }
                produced = outBuf.count - outLeft
            }
        }
        if let failure { return .invalid(offset: failure) }
        output.removeSubrange(produced...)
        return .decoded(output, skipped: skipped)
    }
}
