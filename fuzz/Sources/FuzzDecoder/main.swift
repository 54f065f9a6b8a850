// SPDX-License-Identifier: GPL-2.0-or-later

import FuzzSupport
import ArabicText

/// libFuzzer entry: any bytes through ``ArticleDecoder/decode(_:)``. A decoded text must hold no
/// control character but LF and TAB.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? ArticleDecoder.decode(bytes) else { return 0 }
    for scalar in decoded.text.unicodeScalars where scalar.value < 0x20 {
        precondition(scalar == "\n" || scalar == "\t", "control U+\(String(scalar.value, radix: 16)) in decoded text")
    }
    return 0
}

FuzzDriver.run(fuzzDecoder)
