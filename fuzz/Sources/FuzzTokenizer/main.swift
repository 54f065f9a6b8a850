// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import ArabicText

/// libFuzzer entry: bytes (lossy UTF-8) tokenised. Tokens must be non-empty, in order, without
/// overlap, and inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let scalars = Array(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self).unicodeScalars)
    var end = 0
    for token in Tokenizer().tokens(in: scalars) {
        precondition(token.range.start >= end && token.range.start < token.range.end, "token out of order")
        precondition(token.range.end <= scalars.count, "token past the text")
        end = token.range.end
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
exit(runFuzzerDriver(&arguments, &vector, fuzzTokenizer))
