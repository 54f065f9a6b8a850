/// A JSON encoder for `Encodable` values that writes object keys in the order the value encodes
/// them (for synthesized `Codable`, the order of its `CodingKeys`), so that documents and log lines
/// have a stable, readable key order (the schema's), straight into UTF-8 bytes.
///
/// Output is compact (no whitespace); strings escape `"`, `\` and the C0 controls (as `\n`, `\t`,
/// `\r`, `\b`, `\f` or `\u00XX`) and nothing else (slashes and non-ASCII stay as they are); `nil`
/// optionals encoded with `encodeIfPresent` are omitted; integral doubles are written without a
/// fraction (`5`, as Foundation's `JSONEncoder` writes them). A non-finite `Double` or `Float`
/// throws ``DocumentEncodingError``.
public enum OrderedJSONEncoder {
    /// The JSON text of `value`, as UTF-8 bytes.
    ///
    /// - Throws: ``DocumentEncodingError`` for a non-finite number; whatever `value.encode(to:)`
    ///   throws itself.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let writer = JSONByteWriter()
        try writer.value(value, codingPath: [])
        return writer.bytes
    }
}

/// The byte buffer and the stack of open containers behind ``OrderedJSONEncoder``.
final class JSONByteWriter {
    private(set) var bytes: [UInt8] = []
    /// Open containers, innermost last: whether it is an object, and how many members it has.
    private var open: [(isObject: Bool, members: Int)] = []

    init() { bytes.reserveCapacity(16 << 10) }

    // MARK: - Values

    func value(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let string as String: self.string(string)
        case let number as Double: try double(number, codingPath)
        case let number as Int: integer(number)
        case let flag as Bool: bytes.append(contentsOf: flag ? Self.true : Self.false)
        case let number as Float: try double(Double(number), codingPath)
        case let number as any BinaryInteger: integer(number)
        default:
            let depth = open.count
            let before = bytes.count
            try value.encode(to: JSONStreamEncoder(writer: self, codingPath: codingPath))
            while open.count > depth { close() }
            if bytes.count == before { bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
        }
    }

    func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    func double(_ value: Double, _ codingPath: [any CodingKey]) throws {
        guard value.isFinite else {
            throw DocumentEncodingError(path: codingPath.map(\.stringValue).joined(separator: "."), value: "\(value)")
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    func null() { bytes.append(contentsOf: Self.null) }

    // MARK: - Containers

    /// Opens an object or an array as the current value.
    func openContainer(object: Bool) {
        bytes.append(UInt8(ascii: object ? "{" : "["))
        open.append((object, 0))
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
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts the next element of the innermost array.
    func element() { separate() }

    /// How deep the container stack is: a container opened at this depth is the caller's.
    var depth: Int { open.count }

    private func separate() {
        guard !open.isEmpty else { return }
        if open[open.count - 1].members > 0 { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1].members += 1
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private static let `true` = Array("true".utf8)
    private static let `false` = Array("false".utf8)
    private static let null = Array("null".utf8)
}
