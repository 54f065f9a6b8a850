/// The `Encoder` that ``OrderedJSONEncoder`` hands to `encode(to:)`: every container writes
/// through to one ``JSONByteWriter`` as the value encodes itself, so keys come out in the order
/// they are encoded.
struct JSONStreamEncoder: Encoder {
    let writer: JSONByteWriter
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.openContainer(object: true)
        return KeyedEncodingContainer(Keyed<Key>(writer: writer, codingPath: codingPath, depth: writer.depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.openContainer(object: false)
        return Unkeyed(writer: writer, codingPath: codingPath, depth: writer.depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(writer: writer, codingPath: codingPath)
    }

    /// Members of one object.
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: JSONByteWriter
        let codingPath: [any CodingKey]
        /// The stack depth with this object innermost.
        let depth: Int

        mutating func encodeNil(forKey key: Key) throws {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            writer.null()
        }

        mutating func encode(_ value: String, forKey key: Key) throws {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            writer.string(value)
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            try writer.value(value, codingPath: codingPath + [key])
        }

        mutating func encode(_ value: Double, forKey key: Key) throws {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            try writer.double(value, codingPath + [key])
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            writer.integer(value)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            try writer.value(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            return JSONStreamEncoder(writer: writer, codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
            return JSONStreamEncoder(writer: writer, codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            preconditionFailure("OrderedJSONEncoder does not support superEncoder (class inheritance)")
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            preconditionFailure("OrderedJSONEncoder does not support superEncoder (class inheritance)")
        }
    }

    /// Elements of one array.
    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: JSONByteWriter
        let codingPath: [any CodingKey]
        let depth: Int
        private(set) var count = 0

        init(writer: JSONByteWriter, codingPath: [any CodingKey], depth: Int) {
            self.writer = writer
            self.codingPath = codingPath
            self.depth = depth
        }

        mutating func encodeNil() throws {
            writer.closeDeeper(than: depth)
            writer.element()
            writer.null()
            count += 1
        }

        mutating func encode(_ value: String) throws {
            writer.closeDeeper(than: depth)
            writer.element()
            writer.string(value)
            count += 1
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            writer.closeDeeper(than: depth)
            writer.element()
            try writer.value(value, codingPath: codingPath + [IndexKey(count)])
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            writer.closeDeeper(than: depth)
            writer.element()
            count += 1
            return JSONStreamEncoder(writer: writer, codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            writer.closeDeeper(than: depth)
            writer.element()
            count += 1
            return JSONStreamEncoder(writer: writer, codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            preconditionFailure("OrderedJSONEncoder does not support superEncoder (class inheritance)")
        }
    }

    /// One value written in place.
    struct Single: SingleValueEncodingContainer {
        let writer: JSONByteWriter
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { writer.null() }
        mutating func encode(_ value: String) throws { writer.string(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.value(value, codingPath: codingPath) }
    }

    /// The coding-path key of an array element.
    struct IndexKey: CodingKey {
        let intValue: Int?
        let stringValue: String
        init(_ index: Int) {
            intValue = index
            stringValue = String(index)
        }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.init(intValue) }
    }
}
