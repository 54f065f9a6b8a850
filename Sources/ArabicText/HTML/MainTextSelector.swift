// SPDX-License-Identifier: GPL-2.0-or-later

/// Decides which text blocks of a page are the article's main text, and which ``MainTextRule``
/// found them.
///
/// The order (after trafilatura's extraction sequence, trafilatura/core.py, Apache-2.0):
/// 1. Content roots, tier by tier: ``MainTextRule/articleBody``, ``MainTextRule/articleElement``,
///    ``MainTextRule/story``, ``MainTextRule/contentArea``, ``MainTextRule/mainElement``; the
///    first tier whose root keeps more than one block wins (``PageAnalysis/extract``).
/// 2. When that is shorter than 250 scalars, the page's other paragraphs are added ("wild text").
/// 3. ``DensityRule`` competes: its text replaces the first one's when that is empty, or when it
///    is more than twice as long (and the first not more than twice as long as it), or when it
///    is over 500 scalars and the first has no paragraph at all.
/// 4. Still under 250 scalars: the page's paragraphs (``MainTextRule/paragraphs``) when they hold
///    more than 100 scalars, else the page's visible text (``MainTextRule/wholePage``), when longer.
/// 5. Still under 3,000 scalars and under a fifth of the page's text: the steps are run again
///    keeping loose text and teasers, and that result wins when 1.5 times as long.
struct MainTextSelector {
    /// The selected blocks, in document order, and the rule that found them.
    struct Selection: Sendable {
        var rule: MainTextRule
        var blocks: [Int32]
    }

    /// Selects the main text of `page`.
    static func select(_ page: PageAnalysis, meter: inout HTMLWorkMeter) throws(HTMLParseError) -> Selection {
        var selection = try run(page, recall: false, meter: &meter)
        var length = page.chars(of: selection.blocks)
        if length < PageAnalysis.minExtractedChars {
            // trafilatura's baseline: the page's paragraphs when they hold more than 100 scalars,
            // else all of the page's visible text.
            let paragraphs = try paragraphBlocks(page, existing: [], recall: false, meter: &meter)
            let paragraphLength = page.chars(of: paragraphs)
            if paragraphLength > 100 {
                if paragraphLength > length {
                    selection = Selection(rule: .paragraphs, blocks: paragraphs)
                    length = paragraphLength
                }
            } else if length == 0 {
                var all = (0..<page.document.blocks.count).filter { page.pageMask[$0] }.map { Int32($0) }
                all.removeAll { page.furniture[Int($0)] }
                let allLength = page.chars(of: all)
                if allLength > length {
                    selection = Selection(rule: .wholePage, blocks: all)
                    length = allLength
                }
            }
        }
        if length == 0 { return selection }
        var total = 0
        for b in page.document.blocks { total += Int(b.chars) }
        if length < 3000 && Double(length) < 0.2 * Double(total) {
            let retry = try run(page, recall: true, meter: &meter)
            let retryLength = page.chars(of: retry.blocks)
            if retryLength >= PageAnalysis.minExtractedChars && Double(retryLength) > 1.5 * Double(length) {
                selection = retry
            }
        }
        return selection
    }

    /// Steps 1–3, in precision (`recall == false`) or recall mode.
    private static func run(_ page: PageAnalysis, recall: Bool, meter: inout HTMLWorkMeter) throws(HTMLParseError)
        -> Selection
    {
        var options = PageAnalysis.Options()
        if recall {
            options.looseText = true
            options.pruneTeasers = false
        }
        var selection = Selection(rule: .wholePage, blocks: [])
        let sums = page.pageSums()
        for rule in [MainTextRule.articleBody, .articleElement, .story, .contentArea, .mainElement] {
            guard let root = root(for: rule, page, sums) else { continue }
            let roots = withKin(root, rule, page)
            var blocks = try page.extract(roots: roots, options: options, meter: &meter)
            if !blocks.isEmpty, rule != .articleElement {
                blocks = try lead(before: root, page, options: options, meter: &meter) + blocks
            }
            if blocks.isEmpty { continue }
            selection = Selection(rule: rule, blocks: blocks)
            if blocks.count > 1 { break }
        }
        var length = page.chars(of: selection.blocks)
        if length < PageAnalysis.minExtractedChars {
            let wild = try paragraphBlocks(page, existing: selection.blocks, recall: recall, meter: &meter)
            if !wild.isEmpty {
                if selection.blocks.isEmpty { selection.rule = .paragraphs }
                selection.blocks = merge(selection.blocks, wild)
                length = page.chars(of: selection.blocks)
            }
        }
        let densityRoots = try DensityRule.roots(page, meter: &meter)
        if !densityRoots.isEmpty {
            let density = try page.extract(roots: densityRoots, options: options, meter: &meter)
            let densityLength = page.chars(of: density)
            if prefersDensity(page, own: selection.blocks, length: length, densityLength: densityLength) {
                selection = Selection(rule: .textDensity, blocks: density)
            }
        }
        return selection
    }

    /// trafilatura's `_prefer_readability` (trafilatura/external.py).
    private static func prefersDensity(_ page: PageAnalysis, own: [Int32], length: Int, densityLength: Int) -> Bool {
        if densityLength == 0 || densityLength == length { return false }
        if length > 2 * densityLength { return false }
        if length == 0 || densityLength > 2 * length { return true }
        if densityLength > 2 * PageAnalysis.minExtractedChars {
            return !own.contains { page.kinds[Int($0)] == .paragraph }
        }
        return false
    }

    /// The first root of a content tier, if the page has one.
    private static func root(for rule: MainTextRule, _ page: PageAnalysis, _ sums: BlockSums) -> Int? {
        let elements = page.document.elements
        func first(_ test: (HTMLElement) -> Bool) -> Int? {
            for (i, e) in elements.enumerated() where test(e) {
                let t = e.tag
                if t == .article || t == .div || t == .main || t == .section { return i }
            }
            return nil
        }
        switch rule {
        case .articleBody:
            return first { $0.cues.contains(.articleBody) }
        case .articleElement:
            for (i, e) in elements.enumerated() where e.tag == .article { return i }
            return nil
        case .story:
            return first { $0.cues.contains(.story) }
        case .contentArea:
            return first { $0.cues.contains(.mainContent) }
        case .mainElement:
            for (i, e) in elements.enumerated()
            where e.tag == .main
                || (e.cues.contains(.mainPrefix)
                    && (e.tag == .article || e.tag == .div || e.tag == .section))
            {
                return i
            }
            return nil
        default:
            return nil
        }
    }

    /// The lead of the article whose body is `root`: inside the nearest `<article>` around `root`
    /// (else `root`'s parent), the kept blocks before `root` that are paragraphs of at least 40
    /// scalars with under a third of link text, or that an element with a lead cue (`lead`,
    /// `intro`, `excerpt`, `standfirst`...) holds. A standfirst in `<article><header>` or a lead
    /// paragraph above the body's `<div>` belongs to the article.
    private static func lead(
        before root: Int, _ page: PageAnalysis, options: PageAnalysis.Options, meter: inout HTMLWorkMeter
    ) throws(HTMLParseError) -> [Int32] {
        let elements = page.document.elements
        var scope = Int(elements[root].parent)
        var a = scope
        while a >= 0 && elements[a].tag != .article { a = Int(elements[a].parent) }
        if a >= 0 { scope = a }
        guard scope >= 0, elements[scope].blockStart < elements[root].blockStart else { return [] }
        var leadBlock = Set<Int32>()
        var i = scope + 1
        while i < root {
            let e = elements[i]
            if e.cues.contains(.lead) && e.cues.isDisjoint(with: AttributeCues.boilerplate) {
                for k in e.blockStart..<e.blockEnd { leadBlock.insert(k) }
            }
            i += 1
        }
        var options = options
        options.dropTrailingHeadings = false
        let kept = try page.extract(roots: [scope], options: options, meter: &meter)
        var result = [Int32]()
        for k in kept where k < elements[root].blockStart {
            let block = page.document.blocks[Int(k)]
            let prose =
                page.kinds[Int(k)] == .paragraph && block.chars >= 40 && Int(block.linkChars) * 3 < Int(block.chars)
            if prose || leadBlock.contains(k) { result.append(k) }
        }
        return result
    }

    /// `root` and the later elements that the same tier's cue names (same class or id vocabulary)
    /// under the same parent or grandparent, not nested in one another: an article body split into
    /// several modules (`<div class="text">` after `<div class="text">`) is read whole.
    private static func withKin(_ root: Int, _ rule: MainTextRule, _ page: PageAnalysis) -> [Int] {
        let elements = page.document.elements
        let cue: AttributeCues
        switch rule {
        case .articleBody: cue = .articleBody
        case .story: cue = .story
        case .contentArea: cue = .mainContent
        default: return [root]
        }
        let parent = Int(elements[root].parent)
        guard parent >= 0 else { return [root] }
        let grand = Int(elements[parent].parent)
        let scope = grand >= 0 ? grand : parent
        var roots = [root]
        var i = Int(elements[root].end)
        while i < Int(elements[scope].end) {
            let e = elements[i]
            if e.cues.contains(cue) && e.tag == elements[root].tag {
                let p = Int(e.parent)
                if p == parent || p == scope || (p >= 0 && Int(elements[p].parent) == scope) {
                    roots.append(i)
                    i = Int(e.end)
                    continue
                }
            }
            i += 1
        }
        return roots
    }

    /// The page's paragraphs (and tables; in recall mode also lists and loose text), pruned as
    /// under a root, that are not in `existing`.
    private static func paragraphBlocks(
        _ page: PageAnalysis, existing: [Int32], recall: Bool, meter: inout HTMLWorkMeter
    ) throws(HTMLParseError) -> [Int32] {
        let elements = page.document.elements
        var roots = [Int]()
        var i = 0
        while i < elements.count {
            roots.append(i)
            i = Int(elements[i].end)
        }
        var options = PageAnalysis.Options()
        options.looseText = recall
        options.pruneTeasers = !recall
        let blocks = try page.extract(roots: roots, options: options, meter: &meter)
        var seen = Set(existing)
        var result = [Int32]()
        for k in blocks where !seen.contains(k) {
            let kind = page.kinds[Int(k)]
            if kind == .paragraph || kind == .tableCell || (recall && (kind == .loose || kind == .listItem)) {
                result.append(k)
                seen.insert(k)
            }
        }
        return result
    }

    private static func merge(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        (a + b).sorted()
    }
}
