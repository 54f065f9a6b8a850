// SPDX-License-Identifier: GPL-2.0-or-later

/// What the content rules share about one page: the kind of every text block, the blocks left out
/// page-wide, and the extraction of the blocks under chosen roots with the boilerplate inside
/// them pruned.
///
/// Page-wide, these are left out (trafilatura's `tree_cleaning` does the same): chrome elements
/// (`nav`, `aside`, `footer`, `menu`, `dialog`, `fieldset`, `figure` without a table,
/// `figcaption`), a `<header>` outside any `article`/`main`/`section` (the page header), reader
/// comments and cookie or consent banners (a `div`, `section`, `article` or list whose class or
/// id says so), elements with the ARIA
/// roles `navigation`, `banner`, `contentinfo` or `complementary`, and a `<form>` holding at most
/// half the page's text (search, login and newsletter forms; a form holding more is an ASP.NET
/// WebForms page wrapper and stays). An element holding an `<article>`, a `<main>`, `role="main"`
/// or an article-body cue stays whatever it is (an unclosed `<header>` around the whole page).
/// If that leaves nothing, nothing is left out.
struct PageAnalysis: Sendable {
    /// How ``extract(roots:options:meter:)`` treats the blocks under the roots.
    struct Options: Sendable {
        /// Keep loose text (text directly in `div`s): `nil` decides by the page's paragraph text.
        var looseText: Bool? = nil
        /// Prune teasers (`teaser` class or id).
        var pruneTeasers = true
        /// Remove trailing headings (a short heading with nothing after it: "Related articles").
        var dropTrailingHeadings = true
    }

    let document: HTMLDocument
    let kinds: [BlockKind]
    let childCount: [Int32]
    /// Blocks kept page-wide.
    private(set) var pageMask: [Bool]
    /// Blocks that are page furniture by their words (``BoilerplateLines``).
    let furniture: [Bool]
    /// Scalars in the blocks kept page-wide.
    private(set) var pageChars = 0
    /// Scalars in the paragraph blocks kept page-wide.
    private(set) var pageParagraphChars = 0

    /// Below this many scalars, a main text is too short to trust (trafilatura's
    /// `MIN_EXTRACTED_SIZE`).
    static let minExtractedChars = 250

    init(document: HTMLDocument) {
        self.document = document
        let elements = document.elements
        var childCount = [Int32](repeating: 0, count: elements.count)
        for e in elements where e.parent >= 0 { childCount[Int(e.parent)] += 1 }
        self.childCount = childCount
        var kinds = [BlockKind](repeating: .loose, count: document.blocks.count)
        for (k, block) in document.blocks.enumerated() {
            kinds[k] = Self.kind(of: block, elements: elements)
        }
        // The first line of text broken by <br>s is a paragraph like the lines after it.
        let blocks = document.blocks
        for k in 0..<max(0, blocks.count - 1)
        where kinds[k] == .loose && blocks[k].flags.contains(.endsAtBreak) && kinds[k + 1] == .paragraph
            && blocks[k + 1].flags.contains(.afterBreak) && blocks[k + 1].owner == blocks[k].owner
        {
            kinds[k] = .paragraph
        }
        self.kinds = kinds
        furniture = (0..<document.blocks.count).map {
            BoilerplateLines.isBoilerplate(document.bytes(of: $0), document.blocks[$0])
        }
        pageMask = [Bool](repeating: true, count: document.blocks.count)
        applyPageExclusions()
        for (k, block) in document.blocks.enumerated() where pageMask[k] {
            pageChars += Int(block.chars)
            if kinds[k] == .paragraph { pageParagraphChars += Int(block.chars) }
        }
    }

    private static func kind(of block: TextBlock, elements: [HTMLElement]) -> BlockKind {
        if block.owner >= 0 {
            let tag = elements[Int(block.owner)].tag
            let traits = tag.traits
            if traits.contains(.heading) { return .heading }
            if traits.contains(.listItem) { return .listItem }
            if traits.contains(.tableCell) || tag == .caption { return .tableCell }
            if tag == .p || tag == .pre || tag == .blockquote || tag == .address { return .paragraph }
        }
        if block.flags.contains(.afterBreak) { return .paragraph }
        return .loose
    }

    private mutating func applyPageExclusions() {
        let elements = document.elements
        let blocks = document.blocks
        var total = 0
        for b in blocks { total += Int(b.chars) }
        var inSection = [Bool](repeating: false, count: elements.count)
        var hasTable = [Bool](repeating: false, count: elements.count)
        // Elements holding an <article>, a <main> or an article-body cue: never chrome, whatever
        // their tag says (an unclosed <header> or a role=banner wrapper around the whole page).
        var holdsContent = [Bool](repeating: false, count: elements.count)
        for i in stride(from: elements.count - 1, through: 0, by: -1) where elements[i].parent >= 0 {
            let e = elements[i]
            let parent = Int(e.parent)
            if hasTable[i] || e.tag == .table { hasTable[parent] = true }
            if holdsContent[i] || e.tag == .article || e.tag == .main || e.cues.contains(.articleBody)
                || (e.cues.contains(.mainPrefix) && e.flags.contains(.mainRole))
            {
                holdsContent[parent] = true
            }
        }
        let all = BlockSums(blocks: blocks, mask: pageMask)
        var mask = pageMask
        for (i, e) in elements.enumerated() {
            let parentInSection = e.parent >= 0 && inSection[Int(e.parent)]
            inSection[i] = parentInSection || e.tag == .article || e.tag == .main || e.tag == .section
            var exclude = false
            if e.tag.traits.contains(.chrome) {
                exclude = !(e.tag == .figure && hasTable[i])
            } else if e.flags.contains(.chromeRole) {
                exclude = true
            } else if e.tag == .header {
                exclude = !parentInSection
            } else if e.tag == .form {
                exclude = all.chars(e.blockStart, e.blockEnd) * 2 <= total
            }
            if !exclude && !e.cues.isDisjoint(with: [.comments, .consent]) {
                exclude =
                    e.tag == .div || e.tag == .section || e.tag.traits.contains(.list) || e.tag == .article
                    || e.tag == .other || e.tag == .aside || e.tag == .form
            }
            if exclude && !holdsContent[i] {
                for k in Int(e.blockStart)..<Int(e.blockEnd) { mask[k] = false }
            }
        }
        if mask.contains(true) { pageMask = mask }
    }

    // MARK: - Figures

    /// Scalars of element `e`'s blocks kept page-wide.
    func chars(of e: Int, _ sums: BlockSums) -> Int {
        sums.chars(document.elements[e].blockStart, document.elements[e].blockEnd)
    }

    /// Scalars of `blocks` (one newline between lines counted).
    func chars(of blocks: [Int32]) -> Int {
        var n = 0
        for k in blocks { n += Int(document.blocks[Int(k)].chars) + 1 }
        return max(0, n - 1)
    }

    /// The sums over the blocks kept page-wide.
    func pageSums() -> BlockSums { BlockSums(blocks: document.blocks, mask: pageMask) }

    // MARK: - Extraction under roots

    /// The blocks under `roots` (element indices, in document order) that are kept: page-wide
    /// exclusions apply; inside the roots, elements with boilerplate cues are pruned (unless that
    /// would leave a seventh or less of the text), then link-heavy elements (twice, since pruning
    /// changes the figures); loose text only when `options.looseText` says so (by default when the
    /// page has less than 750 scalars of paragraphs, or when the roots hold more prose in loose
    /// blocks of 80 scalars or more than in paragraphs); page furniture lines
    /// (``BoilerplateLines``) and trailing headings go.
    func extract(roots: [Int], options: Options = Options(), meter: inout HTMLWorkMeter) throws(HTMLParseError)
        -> [Int32]
    {
        let elements = document.elements
        let blocks = document.blocks
        guard let first = roots.first, let last = roots.last else { return [] }
        let range = Int(elements[first].blockStart)..<max(Int(elements[first].blockStart), Int(elements[last].blockEnd))
        var mask = [Bool](repeating: false, count: blocks.count)
        var beforeChars = 0
        for r in roots {
            let e = elements[r]
            for k in Int(e.blockStart)..<Int(e.blockEnd) where pageMask[k] {
                mask[k] = true
                beforeChars += Int(blocks[k].chars)
            }
            try meter.charge(Int(e.blockEnd - e.blockStart) + Int(e.end) - r)
        }
        // Boilerplate cues inside the roots.
        var pruned = mask
        var cues = AttributeCues.boilerplate
        if !options.pruneTeasers { cues.remove(.teaser) }
        for r in roots {
            var i = r + 1
            let end = Int(elements[r].end)
            while i < end {
                let e = elements[i]
                if !e.cues.isDisjoint(with: cues) && Self.prunable(e.tag) {
                    for k in Int(e.blockStart)..<Int(e.blockEnd) { pruned[k] = false }
                    i = Int(e.end)
                    continue
                }
                i += 1
            }
        }
        var afterChars = 0
        for k in range where pruned[k] { afterChars += Int(blocks[k].chars) }
        if afterChars * 7 > beforeChars { mask = pruned }
        // Link density.
        for _ in 0..<2 {
            let sums = BlockSums(blocks: blocks, mask: mask, range: range)
            for r in roots {
                var i = r + 1
                let end = Int(elements[r].end)
                while i < end {
                    if isLinkHeavy(i, sums) {
                        for k in Int(elements[i].blockStart)..<Int(elements[i].blockEnd) { mask[k] = false }
                        i = Int(elements[i].end)
                        continue
                    }
                    i += 1
                }
            }
            try meter.charge(range.count)
        }
        var paragraphChars = 0
        var proseLooseChars = 0
        for k in range where mask[k] {
            if kinds[k] == .paragraph {
                paragraphChars += Int(blocks[k].chars)
            } else if kinds[k] == .loose && blocks[k].chars >= 80 {
                proseLooseChars += Int(blocks[k].chars)
            }
        }
        let looseAllowed =
            options.looseText
            ?? (pageParagraphChars < 3 * Self.minExtractedChars || proseLooseChars > paragraphChars)
        var result = [Int32]()
        for r in roots {
            let e = elements[r]
            for k in Int(e.blockStart)..<Int(e.blockEnd) where mask[k] {
                if kinds[k] == .loose && !looseAllowed { continue }
                if furniture[k] { continue }
                result.append(Int32(k))
            }
        }
        if options.dropTrailingHeadings {
            while let last = result.last, kinds[Int(last)] == .heading, blocks[Int(last)].chars <= 80 {
                result.removeLast()
            }
        }
        return result
    }

    /// The elements that boilerplate cues prune (trafilatura applies its discard lists to `div`,
    /// list items, lists, `p`, `section` and `span`).
    static func prunable(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .div, .section, .li, .ul, .ol, .dl, .p, .span, .other, .aside, .table: return true
        default: return false
        }
    }

    /// trafilatura's link-density test (`link_density_test` and `link_density_test_tables` in
    /// htmlprocessing.py), on block sums: a short element mostly of link text, or of short links;
    /// a long one of more than four links covering 90 % of its text; a table over 200 scalars
    /// with more than 80 % (50 % from 1,000 scalars) link text; and a short `div` of three or
    /// more children with links ("backtracking").
    func isLinkHeavy(_ i: Int, _ sums: BlockSums) -> Bool {
        let elements = document.elements
        let e = elements[i]
        let tag = e.tag
        let isList = tag.traits.contains(.list)
        guard tag == .div || tag == .p || isList || tag == .table else { return false }
        let s = sums.figures(e.blockStart, e.blockEnd)
        guard s.links > 0 else { return false }
        let text = s.chars
        if tag == .table {
            guard text >= 200 else { return false }
            return text < 1000 ? Double(s.linkChars) > 0.8 * Double(text) : Double(s.linkChars) > 0.5 * Double(text)
        }
        if tag == .p, e.parent >= 0 {
            let pt = elements[Int(e.parent)].tag
            if pt == .li || pt == .td || pt == .th { return false }
        }
        if s.links == 1 && s.linkChars > 100 && Double(s.linkChars) > Double(text) * 0.9 { return true }
        let last = e.parent < 0 || Int(e.end) >= Int(elements[Int(e.parent)].end)
        let limit = tag == .p ? (last ? 60 : 30) : (last ? 300 : 100)
        if text < limit {
            if Double(s.linkChars) > Double(text) * 0.8 { return true }
            if s.links > 1 && Double(s.shortLinks) / Double(s.links) > 0.8 { return true }
            if tag == .div && text < 100 && childCount[i] >= 3 { return true }
            return false
        }
        return s.links > 4 && Double(s.linkChars) > Double(text) * 0.9 && s.linkChars < 100 * s.links
    }
}
