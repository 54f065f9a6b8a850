// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText
import Testing

@testable import ArticleExtraction

/// `SpanCover`: membership in any of a set of possibly nested scalar spans.
struct SpanCoverTests {
    @Test("an offset is covered by any span holding it, however far back the span starts; ends are open")
    func nested() {
        // One long quotation with six shorter ones inside it, and one after it.
        var spans = [ScalarRange(start: 0, end: 1000)]
        for k in 1...6 { spans.append(ScalarRange(start: k * 100, end: k * 100 + 10)) }
        spans.append(ScalarRange(start: 1200, end: 1300))
        let cover = SpanCover(spans.reversed())
        #expect(cover.contains(0))
        #expect(cover.contains(905))  // inside the first span only, seven spans back
        #expect(cover.contains(999))
        #expect(!cover.contains(1000))
        #expect(!cover.contains(1100))
        #expect(cover.contains(1200))
        #expect(!cover.contains(1300))
        #expect(!cover.contains(-1))
        #expect(!SpanCover([]).contains(0))
        #expect(!SpanCover([ScalarRange(start: 5, end: 5)]).contains(5))
    }
}
