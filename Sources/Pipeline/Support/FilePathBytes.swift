// SPDX-License-Identifier: GPL-2.0-or-later

import Glibc
import SystemPackage

extension FilePath {
    /// A path made of raw bytes exactly as the kernel gave them (no UTF-8 validation, no U+FFFD).
    /// A trailing NUL, if any, ends the path.
    public init(bytes: some Collection<UInt8>) {
        var cString = bytes.map { CChar(bitPattern: $0) }
        if let nul = cString.firstIndex(of: 0) { cString.removeSubrange(nul...) }
        cString.append(0)
        self = cString.withUnsafeBufferPointer { FilePath(platformString: $0.baseAddress!) }
    }

    /// The path's bytes without the terminating NUL.
    public var bytes: [UInt8] {
        withPlatformString { pointer in
            let count = strlen(pointer)
            return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
                Array(UnsafeBufferPointer(start: $0, count: count))
            }
        }
    }

    /// `self` with `name` (raw bytes, no separator) appended as one component.
    public func appending(nameBytes name: [UInt8]) -> FilePath {
        FilePath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    /// The path of `self` relative to `base`, or `nil` when `self` is not inside `base`; empty
    /// when the two are equal. Compares bytes, component-wise (`/a/bc` is not inside `/a/b`), in
    /// O(length): the intake calls it for every hint, tens of thousands per rescan.
    public func relative(to base: FilePath) -> FilePath? {
        let path = bytes
        var prefix = base.bytes
        while prefix.last == UInt8(ascii: "/") { prefix.removeLast() }
        guard path.starts(with: prefix) else { return nil }
        if path.count == prefix.count { return FilePath() }
        guard path[prefix.count] == UInt8(ascii: "/") else { return nil }
        return FilePath(bytes: path[(prefix.count + 1)...].drop { $0 == UInt8(ascii: "/") })
    }
}

extension FilePath {
    /// Whether any component starts with `.` (dot-files and dot-directories are never inputs).
    public var hasHiddenComponent: Bool {
        let all = bytes
        var atStart = true
        for byte in all {
            if atStart, byte == UInt8(ascii: ".") { return true }
            atStart = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// The bytes of the last component (after the last `/`).
    public var lastComponentBytes: [UInt8] {
        let all = bytes
        guard let slash = all.lastIndex(of: UInt8(ascii: "/")) else { return all }
        return Array(all[(slash + 1)...])
    }
}
