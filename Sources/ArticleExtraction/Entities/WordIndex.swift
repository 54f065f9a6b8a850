// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// A fixed set of words, each with a dense integer id (`0..<count`, in the order first given),
/// looked up by the bytes of a word's UTF-8 rather than by `String` hashing.
///
/// Answers exactly what a `Set<String>` or `[String: _]` of the same words answers, where two
/// strings are equal when they are canonically equivalent (Unicode NFC): a lookup first hashes and
/// compares UTF-8 bytes (FNV-1a 64, open addressing); a miss is final when the word is certainly in
/// NFC (only ASCII and Arabic-block scalars of combining class 0, see ``WordKey``) and every word
/// of the index is too; otherwise the lookup falls back to a `String`-keyed dictionary. Swift's
/// `String` hashing normalises to NFC on every call, which is what this avoids on the hot path.
struct WordIndex: Sendable {
    /// How a word's bytes hash, and whether it is certainly in NFC.
    struct WordKey: Sendable {
        var hash: UInt64
        /// True when every scalar is ASCII or an Arabic-block (U+0600–U+06FF) scalar of combining
        /// class 0. Such a string is in NFC: all those scalars are NFC_Quick_Check=Yes (precomposed
        /// letters such as أ stay composed), and the only ones that compose with a preceding
        /// letter (U+0653–U+0655) are marks.
        var isCertainlyNFC: Bool
        /// Unicode scalars in the word.
        var scalarCount: Int
    }

    /// Id by word (canonical equivalence): the fallback for words that may not be in NFC.
    private let ids: [String: Int32]
    /// UTF-8 of every word, back to back; word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let hashes: [UInt64]
    /// Open-addressing table of ids (-1 empty), a power of two at least twice `count`.
    private let slots: [Int32]
    /// Whether some word is not certainly in NFC, so that a byte miss is not final.
    private let hasNonNFCWords: Bool

    /// Words in the index.
    var count: Int { starts.count - 1 }

    /// Indexes `words`; canonically equivalent duplicates share the first one's id.
    init<S: Sequence>(_ words: S) where S.Element == String {
        var ids: [String: Int32] = [:]
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        var hashes: [UInt64] = []
        var hasNonNFCWords = false
        for word in words where ids[word] == nil {
            ids[word] = Int32(hashes.count)
            let key = Self.key(of: word)
            hasNonNFCWords = hasNonNFCWords || !key.isCertainlyNFC
            bytes.append(contentsOf: word.utf8)
            starts.append(bytes.count)
            hashes.append(key.hash)
        }
        var capacity = 16
        while capacity < hashes.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(id)
        }
        self.ids = ids
        self.bytes = bytes
        self.starts = starts
        self.hashes = hashes
        self.slots = slots
        self.hasNonNFCWords = hasNonNFCWords
    }

    /// The id of `word`, or `nil` when no word of the index is canonically equivalent to it.
    func id(of word: String) -> Int32? {
        id(of: word, key: Self.key(of: word))
    }

    /// As ``id(of:)``, with `word`'s key already computed by ``key(of:)``.
    func id(of word: String, key: WordKey) -> Int32? {
        let found = Self.withUTF8(word) { utf8 -> Int32? in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                let i = Int(id)
                if hashes[i] == key.hash, starts[i + 1] - starts[i] == utf8.count,
                    bytes.withUnsafeBufferPointer({ all in
                        utf8.elementsEqual(UnsafeBufferPointer(rebasing: all[starts[i]..<starts[i + 1]]))
                    })
                {
                    return id
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        if key.isCertainlyNFC && !hasNonNFCWords { return nil }
        return ids[word]
    }

    /// FNV-1a 64 of `word`'s UTF-8, whether it is certainly NFC, and its scalar count.
    static func key(of word: String) -> WordKey {
        withUTF8(word) { utf8 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var isNFC = true
            var scalars = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let byte = utf8[i]
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                if byte & 0xC0 != 0x80 {
                    scalars += 1
                    if byte >= 0x80 {
                        // Lead bytes D8...DB start U+0600...U+06FF; anything else is not certain.
                        if byte >= 0xD8 && byte <= 0xDB && i + 1 < n {
                            let value = (Int(byte & 0x1F) << 6 | Int(utf8[i + 1] & 0x3F)) - 0x600
                            if !arabicBlockStarters[value] { isNFC = false }
                        } else {
                            isNFC = false
                        }
                    }
                }
                i += 1
            }
            return WordKey(hash: hash, isCertainlyNFC: isNFC, scalarCount: scalars)
        }
    }

    /// Whether each scalar U+0600...U+06FF has canonical combining class 0 (Swift's own Unicode data).
    private static let arabicBlockStarters: [Bool] = (0x600...0x6FF).map { value in
        Unicode.Scalar(UInt32(value)).map { $0.properties.canonicalCombiningClass == .notReordered } ?? false
    }

    @inline(__always)
    private static func withUTF8<R>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = word.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = word
        return copy.withUTF8(body)
    }
}
