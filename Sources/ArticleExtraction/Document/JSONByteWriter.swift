// SPDX-License-Identifier: GPL-2.0-or-later

/// The byte buffer and the stack of open containers behind ``OrderedJSONEncoder``.
///
/// A class, so that every container of one encoding appends to the same buffer. Coding paths are
/// not kept per value (that costs an array per member); the open containers remember their
/// current key, which is enough to name where a non-finite number was met.
///
/// Both stored `var`s are `@exclusivity(unchecked)`: Swift otherwise checks exclusive access to a
/// class's stored `var`s at run time (`swift_beginAccess`, a thread-local look-up per access),
/// which took a quarter of the encoding's time. The writer is used by one encoding on one thread,
/// so there is nothing for those checks to find.
final class JSONByteWriter {
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    /// Open containers, innermost last: whether it is an object, how many members it has, and
    /// (objects) the key of the member being written.
    @exclusivity(unchecked) private var open: [(isObject: Bool, members: Int, key: String)] = []

    init() { bytes.reserveCapacity(32 << 10) }

    /// How deep the container stack is: a container opened at this depth is the caller's.
    var depth: Int { open.count }

    /// The keys (or array indices) of the members being written, outermost first: the coding path.
    var path: String { open.map { $0.isObject ? $0.key : String($0.members - 1) }.joined(separator: ".") }

    // MARK: - Values

    /// Writes any value: strings, numbers and booleans directly, everything else through its
    /// `encode(to:)`, closing whatever containers it opened.
    func value<T: Encodable>(_ value: T) throws {
        if try primitive(value) { return }
        try encoded(value)
    }

    /// ``value(_:)`` for what a single-value container is given: also numbers of a type that
    /// ``primitive(_:)`` does not name (a `BinaryInteger` or `Float` found by a dynamic cast), which
    /// encode themselves through a single-value container and would come back here otherwise.
    func singleValue<T: Encodable>(_ value: T) throws {
        if try primitive(value) { return }
        if let number = value as? Float {
            try double(Double(number))
        } else if let number = value as? any BinaryInteger {
            if let exact = Int64(exactly: number) {
                integer(exact)
            } else {
                bytes.append(contentsOf: "\(number)".utf8)
            }
        } else {
            try encoded(value)
        }
    }

    /// Writes `value` when it is a `String`, an `Int`, a `Double` or a `Bool` (what documents are
    /// made of) and returns true; else false. Metatype comparisons only: every structure of a
    /// document passes here, and a dynamic cast to `any BinaryInteger` per structure cost about a
    /// sixth of the encoding (conformance look-ups in the runtime). Other number types encode
    /// themselves through a single-value container, where ``singleValue(_:)`` casts them.
    @inline(__always)
    private func primitive<T: Encodable>(_ value: T) throws -> Bool {
        if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            integer(unsafeBitCast(value, to: Int.self))
        } else if T.self == Double.self {
            try double(unsafeBitCast(value, to: Double.self))
        } else if T.self == Bool.self {
            boolean(unsafeBitCast(value, to: Bool.self))
        } else {
            return false
        }
        return true
    }

    /// Writes `value` through its `encode(to:)`, closing whatever containers it opened (`{}` for a
    /// value that wrote nothing).
    private func encoded<T: Encodable>(_ value: T) throws {
        let depth = open.count
        let before = bytes.count
        try value.encode(to: JSONStreamEncoder(writer: self))
        while open.count > depth { close() }
        if bytes.count == before { bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
    }

    func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                default:
                    bytes.append(contentsOf: [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)],
                    ])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    func double(_ value: Double) throws {
        guard value.isFinite else { throw DocumentEncodingError(path: path, value: "\(value)") }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            integer(Int64(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    func integer(_ value: Int) { integer(Int64(value)) }

    /// Decimal digits, without going through a `String`.
    func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0, count < 10 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
        }
        if magnitude > 0 {  // more than ten digits: rare, take the slow way
            bytes.append(contentsOf: String(value.magnitude).utf8)
            return
        }
        withUnsafeBytes(of: &digits) { digits in
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(digits[index]) }
        }
    }

    func boolean(_ value: Bool) { bytes.append(contentsOf: value ? Self.true : Self.false) }

    func null() { bytes.append(contentsOf: Self.null) }

    // MARK: - Containers

    /// Opens an object or an array as the current value.
    func openContainer(object: Bool) {
        bytes.append(UInt8(ascii: object ? "{" : "["))
        open.append((object, 0, ""))
    }

    /// Closes the innermost container.
    func close() {
        let container = open.removeLast()
        bytes.append(UInt8(ascii: container.isObject ? "}" : "]"))
    }

    /// Closes the containers opened inside the one at `depth` (a nested container whose owner
    /// moved on to its next member).
    func closeDeeper(than depth: Int) {
        while open.count > depth { close() }
    }

    /// Starts the next member of the innermost object: a comma when needed, the key and a colon.
    func key(_ key: String) {
        separate(key)
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts the next element of the innermost array.
    func element() { separate(nil) }

    private func separate(_ key: String?) {
        guard !open.isEmpty else { return }
        let last = open.count - 1
        if open[last].members > 0 { bytes.append(UInt8(ascii: ",")) }
        if let key { open[last].key = key }
        open[last].members += 1
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private static let `true` = Array("true".utf8)
    private static let `false` = Array("false".utf8)
    private static let null = Array("null".utf8)
}
