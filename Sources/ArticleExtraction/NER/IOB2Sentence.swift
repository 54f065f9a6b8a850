// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// One sentence of an IOB2 corpus: its tokens as written and their tags, one tag per token.
public struct IOB2Sentence: Sendable, Equatable {
    public var tokens: [String]
    public var tags: [EntityTag]

    public init(tokens: [String], tags: [EntityTag]) {
        precondition(tokens.count == tags.count, "one tag per token")
        self.tokens = tokens
        self.tags = tags
    }
}
