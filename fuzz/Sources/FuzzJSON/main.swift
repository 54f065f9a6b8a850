// SPDX-License-Identifier: GPL-2.0-or-later

import FuzzSupport

/// libFuzzer entry: bytes decoded (lossy UTF-8) and parsed as a JSON article; a parsed article's
/// text is never blank.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.parseNeverGivesBlankText(data, size, fileExtension: "json")
    return 0
}

FuzzDriver.run(fuzzJSON)
