// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import ArabicText

/// libFuzzer entry: bytes decoded (lossy UTF-8) and parsed as an HTML page. A parsed article
/// must have text that is not only white space (else parsing throws `no-text`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let decoded = DecodedText(text: text, encoding: .utf8, confidence: 1)
    if let article = try? ArticleParser.parse(decoded, fileExtension: "html") {
        precondition(article.text.unicodeScalars.contains { !$0.properties.isWhitespace }, "blank article text")
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
exit(runFuzzerDriver(&arguments, &vector, fuzzHTML))
