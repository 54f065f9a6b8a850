// SPDX-License-Identifier: GPL-2.0-or-later

import Synchronization

/// Token types met in earlier articles, with their facts (``NERTokenInfo``) and their five type
/// scores (own features, then as each neighbour role; see ``NERTagger``), shared by every extract
/// worker so that a word is scored once for the whole stream rather than once per article.
///
/// The model's frequent words (``NERModel/frequentWords``) come from the training text; a news
/// stream's own vocabulary (names of the week, places, agencies) is learnt here as it arrives.
/// An entry is a pure function of the token type and the model, so a hit gives exactly the scores
/// the tagger would compute: the cache changes the speed, not the output. Types are keyed by a
/// 64-bit hash of surface and kind (as in the tagger's own per-article table), so two types could
/// share an entry only through a hash collision: about 2⁻⁴⁹ a look-up with the cache full.
///
/// Bounded, with two generations (a cheap approximation of least-recently-used): look-ups
/// search the current generation, then the previous one, and a type found only in the previous
/// one is copied forward. When the current generation is full, it becomes the previous one and
/// the oldest is dropped, so the types in use stay and the ones not met since go. At most
/// 2 × ``generationCapacity`` entries of about 530 bytes (facts, five 96-byte scores, index
/// slots): some 17 MiB with the default. Each article takes the lock twice (one batch look-up, one batch insert), never
/// per token.
final class NERTypeCache: Sendable {
    /// Entries at most in one generation.
    let generationCapacity: Int
    private let state: Mutex<Generations>

    private struct Generation {
        var index: HashedTable<Int32>
        var infos: [NERTokenInfo] = []
        var scores: [NERScores] = []

        init(capacity: Int) {
            index = HashedTable(capacity: capacity, empty: -1)
            infos.reserveCapacity(capacity)
            scores.reserveCapacity(capacity * NERTypeCache.rolesPerType)
        }

        var count: Int { infos.count }

        /// Adds an entry whose key is not stored yet.
        mutating func append(_ key: UInt64, _ info: NERTokenInfo, _ scores: ArraySlice<NERScores>) {
            index.set(key, Int32(infos.count))
            infos.append(info)
            self.scores.append(contentsOf: scores)
        }
    }

    private struct Generations {
        var current: Generation
        var previous: Generation?
    }

    /// Scores per entry: own, then the four neighbour roles.
    static let rolesPerType = 5

    /// - Parameter generationCapacity: entries at most in one generation (16,384 by default).
    init(generationCapacity: Int = 16_384) {
        precondition(generationCapacity > 0, "a cache holds at least one type")
        self.generationCapacity = generationCapacity
        state = Mutex(Generations(current: Generation(capacity: generationCapacity)))
    }

    /// Entries stored now, over both generations (a type in both counts twice).
    var count: Int { state.withLock { $0.current.count + ($0.previous?.count ?? 0) } }

    /// Looks up `keys[i]` for every `i` in `wanted`; for each one found, writes its facts to
    /// `infos[i]` and its scores to `scores[i * 5 ..< i * 5 + 5]`. Returns the indices not found,
    /// in the order of `wanted`.
    func fetch(
        _ keys: [UInt64], wanted: [Int], infos: inout [NERTokenInfo], scores: inout [NERScores]
    ) -> [Int] {
        let r = Self.rolesPerType
        return state.withLock { g in
            var missing: [Int] = []
            for i in wanted {
                if let e = g.current.index.value(for: keys[i]).map(Int.init) {
                    infos[i] = g.current.infos[e]
                    for j in 0..<r { scores[i * r + j] = g.current.scores[e * r + j] }
                } else if let old = g.previous, let e = old.index.value(for: keys[i]).map(Int.init) {
                    infos[i] = old.infos[e]
                    for j in 0..<r { scores[i * r + j] = old.scores[e * r + j] }
                    Self.add(&g, generationCapacity, keys[i], infos[i], scores[(i * r)..<(i * r + r)])
                } else {
                    missing.append(i)
                }
            }
            return missing
        }
    }

    /// Stores the types `keys[i]` for `i` in `new` with their facts `infos[i]` and scores
    /// `scores[i * 5 ..< i * 5 + 5]`. A key already stored (another worker's article had it too)
    /// is left as it is: its entry is the same.
    func store(_ keys: [UInt64], new: [Int], infos: [NERTokenInfo], scores: [NERScores]) {
        guard !new.isEmpty else { return }
        let r = Self.rolesPerType
        state.withLock { g in
            for i in new where g.current.index.value(for: keys[i]) == nil {
                Self.add(&g, generationCapacity, keys[i], infos[i], scores[(i * r)..<(i * r + r)])
            }
        }
    }

    /// Adds an entry to the current generation, starting a new one first when it is full.
    private static func add(
        _ g: inout Generations, _ capacity: Int, _ key: UInt64, _ info: NERTokenInfo,
        _ scores: ArraySlice<NERScores>
    ) {
        if g.current.count >= capacity {
            g.previous = g.current
            g.current = Generation(capacity: capacity)
        }
        g.current.append(key, info, scores)
    }
}
