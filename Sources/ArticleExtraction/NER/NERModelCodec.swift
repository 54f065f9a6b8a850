// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The model file format (little-endian throughout):
///
/// ```
/// magic "WNERMDL1"                     8 bytes
/// format version                      u32 (``version``)
/// name, notes                          string; u32 count + strings   (string = u32 length + UTF-8)
/// frequent words                       u32 count + strings
/// groups, temperature                  u32 (NERFeatureGroups), f64
/// words                                u32 count; keys u32[]; values u32[]       (NERWordInfo)
/// phrases                              u32 count; keys u32[]; values u32[]
/// cluster parents                      u32 levels; u32 count; u16[]
/// seen counts                          u32 count; keys u32[]; values u32[]      (NERSeenCounts)
/// feature rows                         u32 count; keys u32[]  (row r has the r-th key)
/// stage 1                              scales f32[]; values i8[] (9 per row); transitions f32[99]
/// has stage 2                          u8; then stage 2 as stage 1
/// ```
///
/// Keys are the low 32 bits of the 64-bit hashes (``NERPackedTable/key(_:)``).
public enum NERModelCodec {
    static let magic: [UInt8] = Array("WNERMDL1".utf8)
    /// Bumped when the format or the meaning of features changes.
    public static let version: UInt32 = 1

    /// The bytes of `model`.
    public static func encode(_ model: NERModel) -> [UInt8] {
        var w = NERByteWriter()
        for b in magic { w.write(b) }
        w.write(version)
        w.write(model.name)
        w.write(UInt32(model.notes.count))
        for note in model.notes { w.write(note) }
        w.write(UInt32(model.frequentWords.count))
        for word in model.frequentWords { w.write(word) }
        w.write(model.groups.rawValue)
        w.write(model.temperature)
        writeTable(&w, model.lexicon.words)
        writeTable(&w, model.lexicon.phrases)
        w.write(UInt32(model.lexicon.parentLevels))
        w.write(array: model.lexicon.clusterParents)
        writeTable(&w, model.seen)
        w.write(array: model.table.keys)
        let parts = model.weights.parts
        writeStage(&w, parts.scales1, parts.values1, model.transitions1)
        w.write(UInt8(model.transitions2 == nil ? 0 : 1))
        if let t2 = model.transitions2 { writeStage(&w, parts.scales2, parts.values2, t2) }
        return w.bytes
    }

    /// The model in `bytes`. Throws ``NERError`` `ner-model-format` (not a model file, truncated,
    /// inconsistent) or `ner-model-version` (another format version).
    public static func decode(_ bytes: [UInt8]) throws(NERError) -> NERModel {
        var r = NERByteReader(bytes)
        for b in magic where try r.read(UInt8.self) != b {
            throw NERError(.modelFormat, "not a watcherd NER model (bad magic)")
        }
        let v = try r.read(UInt32.self)
        guard v == version else {
            throw NERError(.modelVersion, "model format version \(v), this build reads \(version)")
        }
        let name = try r.readString()
        let noteCount = Int(try r.read(UInt32.self))
        guard noteCount <= bytes.count else { throw NERError(.modelFormat, "absurd note count \(noteCount)") }
        var notes: [String] = []
        for _ in 0..<noteCount { notes.append(try r.readString()) }
        let wordCount = Int(try r.read(UInt32.self))
        guard wordCount <= bytes.count else { throw NERError(.modelFormat, "absurd word count \(wordCount)") }
        var frequentWords: [String] = []
        for _ in 0..<wordCount { frequentWords.append(try r.readString()) }
        let groups = NERFeatureGroups(rawValue: try r.read(UInt32.self))
        let temperature = try r.readDouble()
        let words = try readTable(&r)
        let phrases = try readTable(&r)
        let levels = Int(try r.read(UInt32.self))
        let parents = try r.readArray(UInt16.self)
        guard levels == 0 && parents.isEmpty || levels > 0 && parents.count % levels == 0 else {
            throw NERError(.modelFormat, "cluster parents do not match \(levels) levels")
        }
        let seen = try readTable(&r)
        let keys = try r.readArray(UInt32.self)
        guard Set(keys).count == keys.count else { throw NERError(.modelFormat, "duplicate feature keys") }
        let stage1 = try readStage(&r, rowCount: keys.count)
        let hasStage2 = try r.read(UInt8.self)
        let stage2 = hasStage2 == 0 ? nil : try readStage(&r, rowCount: keys.count)
        guard r.isAtEnd else { throw NERError(.modelFormat, "trailing bytes after the model") }
        let weights = NERRowWeights(
            scales1: stage1.scales, values1: stage1.values,
            scales2: stage2?.scales ?? [Float](repeating: 0, count: keys.count),
            values2: stage2?.values ?? [Int8](repeating: 0, count: keys.count * NERTransitions.tags),
            hasStage2: stage2 != nil)
        return NERModel(
            name: name, groups: groups, temperature: temperature, notes: notes, frequentWords: frequentWords,
            lexicon: NERLexicon(words: words, phrases: phrases, clusterParents: parents, parentLevels: levels),
            seen: seen, table: NERRowTable(keys: keys), weights: weights, transitions1: stage1.transitions,
            transitions2: stage2?.transitions)
    }

    private static func writeTable(_ w: inout NERByteWriter, _ table: NERPackedTable) {
        let entries = table.entries
        w.write(array: entries.map(\.key))
        w.write(array: entries.map(\.value))
    }

    private static func readTable(_ r: inout NERByteReader) throws(NERError) -> NERPackedTable {
        let keys = try r.readArray(UInt32.self)
        let values = try r.readArray(UInt32.self)
        guard keys.count == values.count else { throw NERError(.modelFormat, "table keys and values differ in count") }
        var entries: [UInt32: UInt32] = [:]
        for (key, value) in zip(keys, values) { entries[key] = value }
        guard entries.count == keys.count else { throw NERError(.modelFormat, "duplicate table keys") }
        return NERPackedTable(entries)
    }

    private static func writeStage(
        _ w: inout NERByteWriter, _ scales: [Float], _ values: [Int8], _ t: NERTransitions
    ) {
        w.write(array: scales)
        w.write(array: values)
        w.write(array: t.start + t.pair + t.end)
    }

    private static func readStage(
        _ r: inout NERByteReader, rowCount: Int
    ) throws(NERError) -> (scales: [Float], values: [Int8], transitions: NERTransitions) {
        let scales = try r.readFloats()
        let values = try r.readArray(Int8.self)
        let t = try r.readFloats()
        guard scales.count == rowCount, values.count == rowCount * NERTransitions.tags, t.count == 99 else {
            throw NERError(.modelFormat, "stage weights do not match \(rowCount) feature rows")
        }
        return (
            scales, values,
            NERTransitions(start: Array(t[0..<9]), pair: Array(t[9..<90]), end: Array(t[90..<99]))
        )
    }
}
