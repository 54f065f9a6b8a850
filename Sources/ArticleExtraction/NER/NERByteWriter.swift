// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Appends little-endian numbers, arrays and strings to a byte buffer (the model file format).
struct NERByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Float) { write(value.bitPattern) }
    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ string: String) {
        write(UInt32(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }

    /// A count, then the elements.
    mutating func write<T: FixedWidthInteger>(array: [T]) {
        write(UInt32(array.count))
        for v in array { write(v) }
    }

    mutating func write(array: [Float]) {
        write(UInt32(array.count))
        for v in array { write(v.bitPattern) }
    }
}
