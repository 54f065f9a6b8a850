// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Learns what the model takes from unlabelled text (``NERUnlabeledLexicon``): whole-token counts
/// of word forms, and word clusters at several granularities: skip-gram vectors of the lexical
/// forms (``NERWordEmbeddings``), spherical k-means into the finest clusters (``NERKMeans``), then
/// k-means over those centroids for each coarser level (a hierarchy in the spirit of Brown
/// clusters' bit-string prefixes, Brown et al. 1992, as used for NER by Ratinov and Roth 2009).
///
/// Pure: takes the texts; reading the corpus is the caller's job.
public enum NERClusterBuilder {
    public struct Options: Sendable {
        /// Lexical forms seen fewer times get no vector and no cluster.
        public var minimumCount = 5
        public var dimensions = 64
        public var window = 5
        public var negatives = 5
        public var epochs = 3
        /// Cluster counts, finest first (each level groups the previous level's clusters).
        public var clusters = [1024, 256, 64, 16]
        public var kmeansIterations = 12
        public var seed: UInt64 = 1

        public init() {}
    }

    /// Counts and clusters of `texts` (articles), tokenized by `tokenizer`; the lexical form
    /// choice reads the counts and the single-word names of `gazetteer`.
    public static func build(
        texts: [String], gazetteer: NERGazetteerLists, tokenizer: Tokenizer, options: Options, corpus: String,
        log: (String) -> Void
    ) -> NERUnlabeledLexicon {
        // Pass 1: tokens as interned hashes, whole-token counts.
        var ids = HashedTable<Int32>(capacity: 1 << 20, empty: -1)
        var hashes: [UInt64] = []
        func intern(_ h: UInt64) -> Int32 {
            ids.value(for: h == 0 ? 1 : h) {
                hashes.append(h == 0 ? 1 : h)
                return Int32(hashes.count - 1)
            }
        }
        var baseIDs: [Int32] = []
        var wholeIDs: [Int32] = []
        var droppedIDs: [Int32] = []
        var articleStarts: [Int] = []
        var wholeCounts: [Int32] = []
        var tokenCount = 0
        for text in texts {
            articleStarts.append(baseIDs.count)
            let tokens = tokenizer.tokens(in: ScalarText.scalars(of: text))
            tokenCount += tokens.count
            for token in tokens where token.kind == .arabicWord || token.kind == .latinWord {
                let whole = intern(FeatureHash.word(token.normalized))
                if Int(whole) >= wholeCounts.count {
                    wholeCounts += [Int32](repeating: 0, count: Int(whole) + 1 - wholeCounts.count)
                }
                wholeCounts[Int(whole)] += 1
                let p = NERProclitics(token)
                baseIDs.append(intern(FeatureHash.word(token.base)))
                let arabicNoArticle = token.kind == .arabicWord && !p.hasArticle
                wholeIDs.append(arabicNoArticle && p.conjunction > 0 && p.rest == 0 ? whole : -1)
                droppedIDs.append(
                    arabicNoArticle && p.rest == 0 ? NERLexicon.droppedLetterHash(token.base).map(intern) ?? -1 : -1)
            }
        }
        var counts: [UInt64: Int32] = [:]
        for (id, c) in wholeCounts.enumerated() where c > 0 { counts[hashes[id]] = c }
        log(
            "unlabelled: \(texts.count) articles, \(tokenCount) tokens, \(baseIDs.count) words, \(counts.count) word forms"
        )

        // Lexical forms, as the model will choose them.
        let chooser = NERLexiconBuilder.build(
            counts: counts, minimumCount: 1, clusters: [:], parents: [], levels: 0, gazetteer: gazetteer,
            tokenizer: tokenizer)
        var formIDs = [Int32](repeating: 0, count: baseIDs.count)
        var formCounts: [Int32: Int] = [:]
        for k in baseIDs.indices {
            let form = chooser.lexicalForm(
                base: hashes[Int(baseIDs[k])], whole: wholeIDs[k] < 0 ? nil : hashes[Int(wholeIDs[k])],
                dropped: droppedIDs[k] < 0 ? nil : hashes[Int(droppedIDs[k])]
            ).hash
            let id = intern(form)
            formIDs[k] = id
            formCounts[id, default: 0] += 1
        }
        // Vocabulary: frequent forms first (ties by hash, for a stable order).
        let vocabulary = formCounts.filter { $0.value >= options.minimumCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : hashes[Int($0.key)] < hashes[Int($1.key)] }
        var vocabularyID = [Int32: Int32]()
        for (k, entry) in vocabulary.enumerated() { vocabularyID[entry.key] = Int32(k) }
        var sequence: [Int32] = []
        var starts: [Int] = []
        for a in articleStarts.indices {
            starts.append(sequence.count)
            let end = a + 1 < articleStarts.count ? articleStarts[a + 1] : formIDs.count
            for k in articleStarts[a]..<end { if let v = vocabularyID[formIDs[k]] { sequence.append(v) } }
        }
        log("unlabelled: \(vocabulary.count) lexical forms seen at least \(options.minimumCount) times")

        var embeddingOptions = NERWordEmbeddings.Options()
        embeddingOptions.dimensions = options.dimensions
        embeddingOptions.window = options.window
        embeddingOptions.negatives = options.negatives
        embeddingOptions.epochs = options.epochs
        embeddingOptions.seed = options.seed
        let embeddings = NERWordEmbeddings(
            tokens: sequence, starts: starts, counts: vocabulary.map(\.value), options: embeddingOptions, log: log)
        var points = embeddings.vectors
        let d = options.dimensions
        points.withUnsafeMutableBufferPointer { p in
            for v in 0..<vocabulary.count { NERVectorMath.normalize(p.baseAddress! + v * d, d) }
        }
        // Finest clusters over the vocabulary, then each coarser level over the previous centroids.
        let fine = NERKMeans.cluster(
            points, count: vocabulary.count, dimensions: d, k: options.clusters[0],
            iterations: options.kmeansIterations, seed: options.seed)
        log("unlabelled: \(options.clusters[0]) clusters of word vectors")
        var levelOf = (0..<options.clusters[0]).map { [$0] }  // path of each finest cluster
        var centroids = fine.centroids
        var previousCount = options.clusters[0]
        for k in options.clusters.dropFirst() {
            let coarse = NERKMeans.cluster(
                centroids, count: previousCount, dimensions: d, k: k, iterations: options.kmeansIterations * 2,
                seed: options.seed &+ UInt64(k))
            for c in levelOf.indices { levelOf[c].append(coarse.assignment[levelOf[c].last!]) }
            centroids = coarse.centroids
            previousCount = k
        }
        let levels = options.clusters.count - 1
        var parents: [UInt16] = []
        for c in 0..<options.clusters[0] {
            for l in 1...max(levels, 1) where l <= levels { parents.append(UInt16(levelOf[c][l])) }
        }
        var clusters: [UInt64: UInt16] = [:]
        for (v, entry) in vocabulary.enumerated() { clusters[hashes[Int(entry.key)]] = UInt16(fine.assignment[v]) }
        return NERUnlabeledLexicon(
            counts: counts, clusters: clusters, parents: parents, levels: levels,
            description: [
                "\(corpus): \(texts.count) articles, \(baseIDs.count) words",
                "skip-gram vectors (\(d) dimensions, window \(options.window), \(options.negatives) negatives, "
                    + "\(options.epochs) passes) of \(vocabulary.count) forms seen >= \(options.minimumCount) times; "
                    + "k-means clusters \(options.clusters.map(String.init).joined(separator: "/")), seed \(options.seed)",
            ])
    }
}
