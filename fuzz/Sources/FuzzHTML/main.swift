// SPDX-License-Identifier: GPL-2.0-or-later

import FuzzSupport

/// libFuzzer entry: bytes decoded (lossy UTF-8) and parsed as an HTML page; a parsed article's
/// text is never blank.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.parseNeverGivesBlankText(data, size, fileExtension: "html")
    return 0
}

FuzzDriver.run(fuzzHTML)
