// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Stores an ``NERUnlabeledLexicon`` so that `ner train` can reuse the counts and clusters of a
/// corpus instead of learning them again (`--unlabeled-cache`). Little-endian: magic
/// "WNERUNL1", description lines, levels, parents, counts (keys u64, values u32), clusters
/// (keys u64, values u16).
public enum NERUnlabeledLexiconCodec {
    static let magic: [UInt8] = Array("WNERUNL1".utf8)

    public static func encode(_ lexicon: NERUnlabeledLexicon) -> [UInt8] {
        var w = NERByteWriter()
        for b in magic { w.write(b) }
        w.write(UInt32(lexicon.description.count))
        for line in lexicon.description { w.write(line) }
        w.write(UInt32(lexicon.levels))
        w.write(array: lexicon.parents)
        let counts = lexicon.counts.sorted { $0.key < $1.key }
        w.write(array: counts.map(\.key))
        w.write(array: counts.map { UInt32($0.value) })
        let clusters = lexicon.clusters.sorted { $0.key < $1.key }
        w.write(array: clusters.map(\.key))
        w.write(array: clusters.map(\.value))
        return w.bytes
    }

    /// Throws ``NERError`` `ner-model-format` for bytes that are not such a file.
    public static func decode(_ bytes: [UInt8]) throws(NERError) -> NERUnlabeledLexicon {
        var r = NERByteReader(bytes)
        for b in magic where try r.read(UInt8.self) != b {
            throw NERError(.modelFormat, "not a watcherd unlabelled-lexicon file (bad magic)")
        }
        let lines = Int(try r.read(UInt32.self))
        guard lines <= bytes.count else { throw NERError(.modelFormat, "absurd line count") }
        var description: [String] = []
        for _ in 0..<lines { description.append(try r.readString()) }
        let levels = Int(try r.read(UInt32.self))
        let parents = try r.readArray(UInt16.self)
        let countKeys = try r.readArray(UInt64.self)
        let countValues = try r.readArray(UInt32.self)
        let clusterKeys = try r.readArray(UInt64.self)
        let clusterValues = try r.readArray(UInt16.self)
        guard countKeys.count == countValues.count, clusterKeys.count == clusterValues.count, r.isAtEnd else {
            throw NERError(.modelFormat, "inconsistent unlabelled-lexicon file")
        }
        var counts: [UInt64: Int32] = [:]
        for (k, v) in zip(countKeys, countValues) { counts[k] = Int32(clamping: v) }
        var clusters: [UInt64: UInt16] = [:]
        for (k, v) in zip(clusterKeys, clusterValues) { clusters[k] = v }
        return NERUnlabeledLexicon(
            counts: counts, clusters: clusters, parents: parents, levels: levels, description: description)
    }
}
