// SPDX-License-Identifier: GPL-2.0-or-later

/// The `Encoder` that ``OrderedJSONEncoder`` hands to `encode(to:)`: every container writes
/// through to one ``JSONByteWriter`` as the value encodes itself, so keys come out in the order
/// they are encoded. `codingPath` is always empty (the writer keeps the path it needs for errors).
struct JSONStreamEncoder: Encoder {
    let writer: JSONByteWriter
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.openContainer(object: true)
        return KeyedEncodingContainer(Keyed<Key>(writer: writer, depth: writer.depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.openContainer(object: false)
        return Unkeyed(writer: writer, depth: writer.depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(writer: writer) }

    /// Members of one object.
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: JSONByteWriter
        /// The stack depth with this object innermost.
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        private func start(_ key: Key) {
            writer.closeDeeper(than: depth)
            writer.key(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws {
            start(key)
            writer.null()
        }

        mutating func encode(_ value: String, forKey key: Key) throws {
            start(key)
            writer.string(value)
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            start(key)
            writer.boolean(value)
        }

        mutating func encode(_ value: Double, forKey key: Key) throws {
            start(key)
            try writer.double(value)
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            start(key)
            writer.integer(value)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            start(key)
            try writer.value(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            start(key)
            return JSONStreamEncoder(writer: writer).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            start(key)
            return JSONStreamEncoder(writer: writer).unkeyedContainer()
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
        let depth: Int
        private(set) var count = 0
        var codingPath: [any CodingKey] { [] }

        init(writer: JSONByteWriter, depth: Int) {
            self.writer = writer
            self.depth = depth
        }

        private mutating func start() {
            writer.closeDeeper(than: depth)
            writer.element()
            count += 1
        }

        mutating func encodeNil() throws {
            start()
            writer.null()
        }

        mutating func encode(_ value: String) throws {
            start()
            writer.string(value)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            start()
            try writer.value(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            start()
            return JSONStreamEncoder(writer: writer).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            start()
            return JSONStreamEncoder(writer: writer).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            preconditionFailure("OrderedJSONEncoder does not support superEncoder (class inheritance)")
        }
    }

    /// One value written in place.
    struct Single: SingleValueEncodingContainer {
        let writer: JSONByteWriter
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { writer.null() }
        mutating func encode(_ value: String) throws { writer.string(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.singleValue(value) }
    }
}
