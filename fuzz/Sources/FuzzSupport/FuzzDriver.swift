// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// What every fuzz target shares: libFuzzer's driver (`LLVMFuzzerRunDriver`, called from the
/// target's own entry point, since SwiftPM names the executable's `main`) and the invariants
/// checked on its inputs.
public enum FuzzDriver {
    /// Hands the command line and `target` to libFuzzer, and exits with its status.
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
        var arguments = CommandLine.argc
        var vector = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&arguments, &vector, target))
    }

    /// The bytes as text (lossy UTF-8).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// Parses the bytes (lossy UTF-8) as a file with `fileExtension`; traps when an article comes
    /// back whose text is only white space (parsing must throw `no-text` then).
    public static func parseNeverGivesBlankText(_ data: UnsafePointer<UInt8>, _ size: Int, fileExtension: String) {
        let decoded = DecodedText(text: text(data, size), encoding: .utf8, confidence: 1)
        if let article = try? ArticleParser.parse(decoded, fileExtension: fileExtension) {
            precondition(article.text.unicodeScalars.contains { !$0.properties.isWhitespace }, "blank article text")
        }
    }
}
