// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Spherical k-means (Lloyd's iterations on unit vectors, cosine similarity; Dhillon and Modha
/// 2001) with a seeded start, for grouping word vectors into clusters.
enum NERKMeans {
    /// The cluster of each of the `count` vectors in `points` (`count × dimensions`, unit length),
    /// and the cluster centroids (`k × dimensions`, unit length). Starts from `k` distinct points
    /// chosen by `seed` among the first `count` (callers put frequent words first); an empty
    /// cluster keeps its centroid.
    static func cluster(
        _ points: [Float], count: Int, dimensions d: Int, k: Int, iterations: Int, seed: UInt64
    ) -> (assignment: [Int], centroids: [Float]) {
        precondition(count >= k, "more clusters than points")
        var random = NERRandom(seed: seed)
        var chosen = Set<Int>()
        var starts: [Int] = []
        while starts.count < k {
            let p = Int(random.next() % UInt64(count))
            if chosen.insert(p).inserted { starts.append(p) }
        }
        var centroids = [Float](repeating: 0, count: k * d)
        for (c, p) in starts.enumerated() { for i in 0..<d { centroids[c * d + i] = points[p * d + i] } }
        var assignment = [Int](repeating: 0, count: count)
        for _ in 0..<iterations {
            points.withUnsafeBufferPointer { pts in
                centroids.withUnsafeBufferPointer { cen in
                    for p in 0..<count {
                        let x = pts.baseAddress! + p * d
                        var best = 0
                        var bestScore = -Float.infinity
                        for c in 0..<k {
                            let s = NERVectorMath.dot(x, cen.baseAddress! + c * d, d)
                            if s > bestScore {
                                bestScore = s
                                best = c
                            }
                        }
                        assignment[p] = best
                    }
                }
            }
            var sums = [Float](repeating: 0, count: k * d)
            var sizes = [Int](repeating: 0, count: k)
            for p in 0..<count {
                let c = assignment[p]
                sizes[c] += 1
                for i in 0..<d { sums[c * d + i] += points[p * d + i] }
            }
            for c in 0..<k where sizes[c] > 0 {
                for i in 0..<d { centroids[c * d + i] = sums[c * d + i] }
                centroids.withUnsafeMutableBufferPointer { NERVectorMath.normalize($0.baseAddress! + c * d, d) }
            }
        }
        return (assignment, centroids)
    }
}
