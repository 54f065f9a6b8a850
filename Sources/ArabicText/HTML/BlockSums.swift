// SPDX-License-Identifier: GPL-2.0-or-later

/// Prefix sums of the figures of the text blocks that a mask keeps, so that the figures of any
/// element (a contiguous range of blocks) are two subtractions away. Built over a range of blocks
/// (the roots being examined), so the cost follows the range, not the page.
struct BlockSums: Sendable {
    /// The figures of a range of blocks.
    struct Figures: Sendable {
        var chars: Int
        var linkChars: Int
        var links: Int
        var shortLinks: Int
        var commas: Int
    }

    private let base: Int
    private var chars: [Int32]
    private var linkChars: [Int32]
    private var links: [Int32]
    private var shortLinks: [Int32]
    private var commas: [Int32]

    /// Sums over `blocks[range]` (all blocks by default), counting block `k` only when `mask[k]`.
    /// Only ranges within `range` may be asked for.
    init(blocks: [TextBlock], mask: [Bool], range: Range<Int>? = nil) {
        let range = range ?? 0..<blocks.count
        base = range.lowerBound
        let n = range.count
        chars = [Int32](repeating: 0, count: n + 1)
        linkChars = chars
        links = chars
        shortLinks = chars
        commas = chars
        for j in 0..<n {
            let k = base + j
            guard mask[k] else {
                chars[j + 1] = chars[j]
                linkChars[j + 1] = linkChars[j]
                links[j + 1] = links[j]
                shortLinks[j + 1] = shortLinks[j]
                commas[j + 1] = commas[j]
                continue
            }
            let b = blocks[k]
            chars[j + 1] = chars[j] &+ b.chars
            linkChars[j + 1] = linkChars[j] &+ b.linkChars
            links[j + 1] = links[j] &+ Int32(b.links)
            shortLinks[j + 1] = shortLinks[j] &+ Int32(b.shortLinks)
            commas[j + 1] = commas[j] &+ Int32(b.commas)
        }
    }

    /// The figures of the kept blocks in `start ..< end`.
    @inline(__always)
    func figures(_ start: Int32, _ end: Int32) -> Figures {
        let a = Int(start) - base
        let b = Int(end) - base
        return Figures(
            chars: Int(chars[b] &- chars[a]), linkChars: Int(linkChars[b] &- linkChars[a]),
            links: Int(links[b] &- links[a]), shortLinks: Int(shortLinks[b] &- shortLinks[a]),
            commas: Int(commas[b] &- commas[a]))
    }

    /// The scalars of the kept blocks in `start ..< end`.
    @inline(__always)
    func chars(_ start: Int32, _ end: Int32) -> Int { Int(chars[Int(end) - base] &- chars[Int(start) - base]) }
}
