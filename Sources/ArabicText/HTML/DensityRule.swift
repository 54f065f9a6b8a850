// SPDX-License-Identifier: GPL-2.0-or-later

/// The text-density rule: readability's scoring of containers, on text blocks.
///
/// Source: the readability algorithm as in python-readability (`readability/readability.py`,
/// Apache-2.0, github.com/buriy/python-readability), rewritten on ``TextBlock``s. Every prose
/// block of at least 25 scalars (a `p`, `pre`, `blockquote` or table cell, or the loose text of a
/// `div` without block-level children, which readability reads as a paragraph) scores
/// `2 + commas + min(scalars / 100, 3)` for its parent and half that for its grandparent. A
/// container starts from its tag (`div` +5; `pre`, `td`, `blockquote` +3; lists and forms −3;
/// headings −5) and its cues (+25 for a content cue, −25 for a boilerplate one), and its total is
/// scaled by `1 − link density`. The best container and its siblings scoring at least
/// `max(10, best / 5)` are the roots; so are sibling paragraphs of more than 80 scalars with a
/// link density below 0.25, and shorter ones without links that end a sentence.
struct DensityRule: Sendable {
    /// The roots of the main text (element indices in document order), or none.
    static func roots(_ page: PageAnalysis, meter: inout HTMLWorkMeter) throws(HTMLParseError) -> [Int] {
        let document = page.document
        let elements = document.elements
        let blocks = document.blocks
        try meter.charge(blocks.count + elements.count)
        var hasBlockChild = [Bool](repeating: false, count: elements.count)
        for e in elements where e.parent >= 0 && e.tag.traits.contains(.block) {
            hasBlockChild[Int(e.parent)] = true
        }
        // Readability leaves out the "unlikely candidates" before scoring.
        var mask = page.pageMask
        var i = 0
        while i < elements.count {
            let e = elements[i]
            if !e.cues.isDisjoint(with: unlikely) && e.cues.isDisjoint(with: AttributeCues.content)
                && e.tag != .body && e.tag != .html && e.tag != .article
            {
                for k in Int(e.blockStart)..<Int(e.blockEnd) { mask[k] = false }
                i = Int(e.end)
                continue
            }
            i += 1
        }
        let sums = BlockSums(blocks: blocks, mask: mask)
        var score = [Double](repeating: 0, count: elements.count)
        var isCandidate = [Bool](repeating: false, count: elements.count)
        var candidates = [Int]()
        func add(_ e: Int, _ s: Double) {
            if !isCandidate[e] {
                isCandidate[e] = true
                candidates.append(e)
                score[e] = initialScore(elements[e])
            }
            score[e] += s
        }
        for (k, block) in blocks.enumerated() where mask[k] && block.chars >= 25 && block.owner >= 0 {
            let owner = Int(block.owner)
            let kind = page.kinds[k]
            let paragraph: Int
            switch kind {
            case .paragraph, .tableCell:
                paragraph = owner
            case .loose:
                guard elements[owner].tag == .div && !hasBlockChild[owner] else { continue }
                paragraph = owner
            default:
                continue
            }
            let parent = Int(elements[paragraph].parent)
            guard parent >= 0 else { continue }
            let s = 2 + Double(block.commas) + min(Double(block.chars) / 100, 3)
            add(parent, s)
            let grand = Int(elements[parent].parent)
            if grand >= 0 { add(grand, s / 2) }
        }
        var best = -1
        var bestScore = 0.0
        for e in candidates {
            let f = sums.figures(elements[e].blockStart, elements[e].blockEnd)
            if f.chars > 0 { score[e] *= 1 - Double(f.linkChars) / Double(f.chars) }
            if score[e] > bestScore {
                best = e
                bestScore = score[e]
            }
        }
        guard best >= 0 else { return [] }
        best = promoted(best, candidates: candidates, score: score, isCandidate: isCandidate, elements: elements)
        bestScore = max(bestScore, score[best])
        let parent = Int(elements[best].parent)
        guard parent >= 0 else { return [best] }
        var roots = [Int]()
        let threshold = max(10, bestScore * 0.2)
        var child = parent + 1
        while child < Int(elements[parent].end) {
            let e = elements[child]
            if child == best || (isCandidate[child] && score[child] >= threshold) {
                roots.append(child)
            } else if e.tag == .p {
                let f = sums.figures(e.blockStart, e.blockEnd)
                let density = f.chars > 0 ? Double(f.linkChars) / Double(f.chars) : 1
                if f.chars > 80 && density < 0.25 {
                    roots.append(child)
                } else if f.chars > 0 && f.linkChars == 0 && endsSentence(document, e) {
                    roots.append(child)
                }
            }
            child = Int(e.end)
        }
        return roots
    }

    /// Mozilla Readability's promotion of the top candidate (Readability.js `_grabArticle`): to
    /// the nearest ancestor holding three of the other top-five candidates that score at least
    /// three quarters of it; then up while the ancestors' scores rise (stopping when one falls
    /// below a third); then up through parents of which it is the only child.
    private static func promoted(
        _ top: Int, candidates: [Int], score: [Double], isCandidate: [Bool], elements: [HTMLElement]
    ) -> Int {
        var best = top
        let ranked = candidates.sorted { score[$0] > score[$1] }.prefix(5)
        let alternatives = ranked.filter { $0 != top && score[$0] >= 0.75 * score[top] }
        if alternatives.count >= 3 {
            var ancestor = Int(elements[top].parent)
            while ancestor >= 0 && elements[ancestor].tag != .body {
                let inside = alternatives.filter { $0 > ancestor && $0 < Int(elements[ancestor].end) }.count
                if inside >= 3 {
                    best = ancestor
                    break
                }
                ancestor = Int(elements[ancestor].parent)
            }
        }
        var lastScore = score[best]
        let threshold = lastScore / 3
        var parent = Int(elements[best].parent)
        while parent >= 0 && elements[parent].tag != .body {
            if !isCandidate[parent] {
                parent = Int(elements[parent].parent)
                continue
            }
            if score[parent] < threshold { break }
            if score[parent] > lastScore {
                best = parent
                break
            }
            lastScore = score[parent]
            parent = Int(elements[parent].parent)
        }
        while true {
            let p = Int(elements[best].parent)
            guard p >= 0, elements[p].tag != .body, Int(elements[p].end) - p - 1 == Int(elements[best].end) - best
            else { break }
            best = p
        }
        return best
    }

    /// readability's `unlikelyCandidates`, as cues.
    private static let unlikely: AttributeCues = [
        .comments, .footer, .navigation, .sidebar, .advert, .share, .related, .pageHeader, .consent, .newsletter,
        .hidden,
    ]

    /// readability's tag scores plus the class weight.
    private static func initialScore(_ e: HTMLElement) -> Double {
        var s = 0.0
        switch e.tag {
        case .div: s = 5
        case .pre, .td, .blockquote: s = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s = -3
        case .th: s = -5
        default: if e.tag.traits.contains(.heading) { s = -5 }
        }
        if !e.cues.isDisjoint(with: AttributeCues.content) { s += 25 }
        if !e.cues.isDisjoint(with: [.comments, .footer, .related, .sidebar, .advert, .tags, .postMeta, .widget]) {
            s -= 25
        }
        return s
    }

    private static func endsSentence(_ document: HTMLDocument, _ e: HTMLElement) -> Bool {
        guard e.blockEnd > e.blockStart else { return false }
        let last = document.bytes(of: Int(e.blockEnd) - 1)
        return last.last == UInt8(ascii: ".") || document.blocks[Int(e.blockEnd) - 1].sentenceEnds > 0
    }
}
