// SPDX-License-Identifier: GPL-2.0-or-later

import FuzzSupport
import ArabicText

/// libFuzzer entry: bytes (lossy UTF-8) tokenised. Tokens must be non-empty, in order, without
/// overlap, and inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let scalars = Array(FuzzDriver.text(data, size).unicodeScalars)
    var end = 0
    for token in Tokenizer().tokens(in: scalars) {
        precondition(token.range.start >= end && token.range.start < token.range.end, "token out of order")
        precondition(token.range.end <= scalars.count, "token past the text")
        end = token.range.end
    }
    return 0
}

FuzzDriver.run(fuzzTokenizer)
