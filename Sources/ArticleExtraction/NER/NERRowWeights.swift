// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// The weights of the shipped model: for every feature row its nine tag weights in each stage,
/// quantised to `Int8` with one `Float` scale per row and stage (weight = scale × value;
/// symmetric linear quantisation, per row so that rare features keep their precision).
///
/// In memory each row is one 32-byte record, so that both stages' weights of a feature come in
/// one cache line: scale 1 and scale 2 (`Float`), the first eight weights of stage 1 and of stage
/// 2, the ninth of each, 6 bytes of padding.
struct NERRowWeights: Sendable {
    static let recordSize = 32
    private let records: [UInt8]
    let rowCount: Int
    /// Whether the second stage has weights.
    let hasStage2: Bool

    /// Quantises `stage1` and `stage2` (`rowCount × 9` floats each, row-major).
    init(stage1: [Float], stage2: [Float]?) {
        let k = NERTransitions.tags
        let count = stage1.count / k
        let q1 = Self.quantize(stage1, count)
        let q2 =
            stage2.map { Self.quantize($0, count) }
            ?? (scales: [Float](repeating: 0, count: count), values: [Int8](repeating: 0, count: count * k))
        self.init(
            scales1: q1.scales, values1: q1.values, scales2: q2.scales, values2: q2.values, hasStage2: stage2 != nil)
    }

    /// Rows from their quantised parts (as the model file stores them).
    init(scales1: [Float], values1: [Int8], scales2: [Float], values2: [Int8], hasStage2: Bool) {
        let k = NERTransitions.tags
        let count = scales1.count
        precondition(values1.count == count * k && scales2.count == count && values2.count == count * k)
        var records = [UInt8](repeating: 0, count: count * Self.recordSize)
        records.withUnsafeMutableBytes { raw in
            for r in 0..<count {
                let base = r * Self.recordSize
                raw.storeBytes(of: scales1[r], toByteOffset: base, as: Float.self)
                raw.storeBytes(of: scales2[r], toByteOffset: base + 4, as: Float.self)
                for t in 0..<8 {
                    raw.storeBytes(of: values1[r * k + t], toByteOffset: base + 8 + t, as: Int8.self)
                    raw.storeBytes(of: values2[r * k + t], toByteOffset: base + 16 + t, as: Int8.self)
                }
                raw.storeBytes(of: values1[r * k + 8], toByteOffset: base + 24, as: Int8.self)
                raw.storeBytes(of: values2[r * k + 8], toByteOffset: base + 25, as: Int8.self)
            }
        }
        self.records = records
        self.rowCount = count
        self.hasStage2 = hasStage2
    }

    private static func quantize(_ rows: [Float], _ count: Int) -> (scales: [Float], values: [Int8]) {
        let k = NERTransitions.tags
        var values = [Int8](repeating: 0, count: count * k)
        var scales = [Float](repeating: 0, count: count)
        for r in 0..<count {
            var m: Float = 0
            for t in 0..<k { m = max(m, abs(rows[r * k + t])) }
            guard m > 0 else { continue }
            let scale = m / 127
            scales[r] = scale
            for t in 0..<k { values[r * k + t] = Int8((rows[r * k + t] / scale).rounded()) }
        }
        return (scales, values)
    }

    /// The quantised parts (for the model file): scales and values of each stage.
    var parts: (scales1: [Float], values1: [Int8], scales2: [Float], values2: [Int8]) {
        let k = NERTransitions.tags
        var s1 = [Float](), s2 = [Float](), v1 = [Int8](), v2 = [Int8]()
        records.withUnsafeBytes { raw in
            for r in 0..<rowCount {
                let base = r * Self.recordSize
                s1.append(raw.load(fromByteOffset: base, as: Float.self))
                s2.append(raw.load(fromByteOffset: base + 4, as: Float.self))
                for t in 0..<8 { v1.append(raw.load(fromByteOffset: base + 8 + t, as: Int8.self)) }
                v1.append(raw.load(fromByteOffset: base + 24, as: Int8.self))
                for t in 0..<8 { v2.append(raw.load(fromByteOffset: base + 16 + t, as: Int8.self)) }
                v2.append(raw.load(fromByteOffset: base + 25, as: Int8.self))
            }
        }
        _ = k
        return (s1, v1, s2, v2)
    }

    /// The weights of row `r` in stage 1 or 2, as floats.
    func weights(row r: Int, stage: Int) -> [Float] {
        let p = parts
        let k = NERTransitions.tags
        return stage == 1
            ? (0..<k).map { p.scales1[r] * Float(p.values1[r * k + $0]) }
            : (0..<k).map { p.scales2[r] * Float(p.values2[r * k + $0]) }
    }

    /// Calls `body` with the records, for ``add(_:row:to:)``.
    @inline(__always)
    func withRecords<R>(_ body: (UnsafeRawPointer) -> R) -> R {
        records.withUnsafeBytes { body($0.baseAddress!) }
    }

    /// The eight signed bytes of `bits` (little-endian) as floats.
    @inline(__always)
    private static func floats(_ bits: UInt64) -> SIMD8<Float> {
        @inline(__always) func f(_ shift: UInt64) -> Float { Float(Int8(truncatingIfNeeded: bits >> shift)) }
        return SIMD8<Float>(f(0), f(8), f(16), f(24), f(32), f(40), f(48), f(56))
    }

    /// Adds row `r`'s weights of both stages to `scores`.
    @inline(__always)
    static func add(_ records: UnsafeRawPointer, row r: Int, to scores: inout NERScores) {
        let p = records + r &* recordSize
        let s1 = p.loadUnaligned(as: Float.self)
        let s2 = p.loadUnaligned(fromByteOffset: 4, as: Float.self)
        let w1 = floats(p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = floats(p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        scores.head1 += w1 * s1
        scores.head2 += w2 * s2
        scores.last1 += Float(p.loadUnaligned(fromByteOffset: 24, as: Int8.self)) * s1
        scores.last2 += Float(p.loadUnaligned(fromByteOffset: 25, as: Int8.self)) * s2
    }
}
