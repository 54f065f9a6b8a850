// SPDX-License-Identifier: GPL-2.0-or-later

import FuzzSupport
import ArabicText

/// libFuzzer entry: bytes (lossy UTF-8) cut into paragraphs and sentences. Ranges must be
/// non-empty, in order, without overlap, and inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentences(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let scalars = Array(FuzzDriver.text(data, size).unicodeScalars)
    for ranges in [SentenceSegmenter.sentences(in: scalars), ParagraphSegmenter.paragraphs(in: scalars)] {
        var end = 0
        for range in ranges {
            precondition(range.start >= end && range.start < range.end, "range out of order or empty")
            precondition(range.end <= scalars.count, "range past the text")
            end = range.end
        }
    }
    return 0
}

FuzzDriver.run(fuzzSentences)
