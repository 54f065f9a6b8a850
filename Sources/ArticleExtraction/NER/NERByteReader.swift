// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Reads what ``NERByteWriter`` wrote, checking every length against the bytes left; any
/// shortfall or absurd count throws ``NERError`` `ner-model-format`.
struct NERByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(NERError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw truncated() }
        var value: T = 0
        for k in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + k]) << (8 * k) }
        offset += size
        return value
    }

    mutating func readFloat() throws(NERError) -> Float { Float(bitPattern: try read(UInt32.self)) }
    mutating func readDouble() throws(NERError) -> Double { Double(bitPattern: try read(UInt64.self)) }

    mutating func readString() throws(NERError) -> String {
        let count = Int(try read(UInt32.self))
        guard bytes.count - offset >= count else { throw truncated() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func readArray<T: FixedWidthInteger>(_: T.Type) throws(NERError) -> [T] {
        let count = Int(try read(UInt32.self))
        let size = MemoryLayout<T>.size
        guard count <= (bytes.count - offset) / size else { throw truncated() }
        var out = [T]()
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(T.self)) }
        return out
    }

    mutating func readFloats() throws(NERError) -> [Float] {
        try readArray(UInt32.self).map(Float.init(bitPattern:))
    }

    private func truncated() -> NERError {
        NERError(.modelFormat, "truncated or corrupt at byte \(offset) of \(bytes.count)")
    }
}
