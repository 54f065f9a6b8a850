// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import ArabicText

/// libFuzzer entry: bytes (lossy UTF-8) cut into paragraphs and sentences. Ranges must be
/// non-empty, in order, without overlap, and inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentences(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let scalars = Array(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self).unicodeScalars)
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

// libFuzzer's driver, called from our own entry point (SwiftPM names the executable's `main`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

var arguments = CommandLine.argc
var vector = CommandLine.unsafeArgv
exit(runFuzzerDriver(&arguments, &vector, fuzzSentences))
