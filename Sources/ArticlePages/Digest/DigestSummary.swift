// SPDX-License-Identifier: GPL-2.0-or-later

/// What a digest page shows, computed by ``DigestAggregator`` from the documents of a period.
public struct DigestSummary: Sendable, Equatable {
    /// A label and a count.
    public struct Count: Sendable, Equatable {
        public var label: String
        public var value: Int

        public init(_ label: String, _ value: Int) {
            self.label = label
            self.value = value
        }
    }

    /// An entity over the period: in how many articles, and how many mentions in all.
    public struct RankedEntity: Sendable, Equatable {
        public var name: String
        public var articles: Int
        public var mentions: Int
    }

    /// A speaker over the period, with what they were quoted about.
    public struct RankedSpeaker: Sendable, Equatable {
        public var name: String
        /// `PERSON`, `ORGANIZATION`, `LOCATION`, or `nil` when unknown.
        public var type: String?
        public var quotes: Int
        public var articles: Int
        /// The keywords most common among the articles that quote them, best first (at most 5).
        public var topics: [String]
        /// One of their quotations (the longest, cut to 200 scalars) and the article it is in.
        public var example: String
        public var exampleArticle: ArticleLink
    }

    /// An article of the period, for lists and links.
    public struct ArticleLink: Sendable, Equatable {
        public var title: String
        public var language: String
        /// Seconds since the epoch on the period's basis; `nil` when the document has no such time.
        public var time: Int?
        /// Path of its `show` page relative to the output root, when one exists beside the document.
        public var showPagePath: [String]?
        public var documentPath: [String]
    }

    /// Articles per bucket, from ``start`` in steps of ``bucketSeconds`` (3600, or 86,400 when the
    /// period is longer than two weeks).
    public struct Timeline: Sendable, Equatable {
        public var start: Int
        public var bucketSeconds: Int
        public var counts: [Int]
    }

    public var period: DigestPeriod
    public var articles: Int
    /// Documents outside the period (or without a time while a period is set).
    public var excluded: Int
    /// Documents without a time on the period's basis.
    public var undated: Int
    /// Files that could not be read or decoded as documents.
    public var unreadable: Int
    public var languages: [Count]
    public var outlets: [Count]
    public var failures: Int
    public var failuresByCode: [Count]
    /// Top entities by the number of articles mentioning them, ties by mentions, then name.
    public var persons: [RankedEntity]
    public var places: [RankedEntity]
    public var organisations: [RankedEntity]
    public var quotations: Int
    public var speakers: [RankedSpeaker]
    public var timeline: Timeline?
    /// The period's articles, newest first, at most ``DigestAggregator/articleListLimit``.
    public var recent: [ArticleLink]
}
