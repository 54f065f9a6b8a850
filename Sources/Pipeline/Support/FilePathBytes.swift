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
            var out: [UInt8] = []
            var cursor = pointer
            while cursor.pointee != 0 {
                out.append(UInt8(bitPattern: cursor.pointee))
                cursor += 1
            }
            return out
        }
    }

    /// `self` with `name` (raw bytes, no separator) appended as one component.
    public func appending(nameBytes name: [UInt8]) -> FilePath {
        FilePath(bytes: bytes + [UInt8(ascii: "/")] + name)
    }

    /// The path of `self` relative to `base`, or `nil` when `self` is not inside `base`.
    public func relative(to base: FilePath) -> FilePath? {
        guard starts(with: base) else { return nil }
        var relative = FilePath()
        for component in components.dropFirst(base.components.count) { relative.append(component) }
        return relative
    }
}

extension FilePath {
    /// The bytes of the last component (after the last `/`).
    public var lastComponentBytes: [UInt8] {
        let all = bytes
        guard let slash = all.lastIndex(of: UInt8(ascii: "/")) else { return all }
        return Array(all[(slash + 1)...])
    }
}
