// SPDX-License-Identifier: GPL-2.0-or-later

/// Computes a ``DigestSummary`` from decoded documents and failure records. Pure, no I/O.
///
/// - A document is in the period when its time (``DigestPeriod/time(of:)``) is at or after
///   `period.from` (and all are when `from` is `nil`); without a time it is in only when `from` is `nil`.
/// - Failure records count when their `failed_at` is in the period (all when `from` is `nil`).
/// - Entities rank by the number of articles whose `entity_index` names them (canonical name and
///   type), then by mentions, then by name; speakers by quotations, then articles, then name.
public enum DigestAggregator {
    /// How many entities and speakers each ranking keeps.
    public static let rankLimit = 15
    /// How many articles the list keeps.
    public static let articleListLimit = 300

    public static func summarize(
        _ records: [DigestRecord], failures: [FailureSummary] = [], unreadable: Int = 0, period: DigestPeriod
    ) -> DigestSummary {
        var included: [(record: DigestRecord, time: Int?)] = []
        var excluded = 0
        var undated = 0
        for record in records {
            let time = period.time(of: record)
            if time == nil { undated += 1 }
            if let from = period.from {
                guard let time, time >= from else {
                    excluded += 1
                    continue
                }
            }
            included.append((record, time))
        }
        let failuresInPeriod = failures.filter { failure in
            guard let from = period.from else { return true }
            return failure.failedAt.flatMap(ISOTimestamp.seconds).map { $0 >= from } ?? false
        }

        var languages: [String: Int] = [:]
        var outlets: [String: Int] = [:]
        var entities: [String: (name: String, type: String, articles: Int, mentions: Int)] = [:]
        var speakers: [String: SpeakerTally] = [:]
        var quotations = 0
        for (record, time) in included {
            languages[record.language, default: 0] += 1
            outlets[
                record.outlet ?? record.sourcePath.split(separator: "/").dropLast().first.map(String.init)
                    ?? "(inbox)", default: 0] += 1
            for entry in record.entityIndex {
                let key = entry.type + "\u{0}" + entry.canonical
                var tally = entities[key] ?? (entry.canonical, entry.type, 0, 0)
                tally.articles += 1
                tally.mentions += entry.mentions
                entities[key] = tally
            }
            var quotedHere = Set<String>()
            for quote in record.quotes {
                quotations += 1
                guard let name = quote.speaker else { continue }
                // Taken out of the table while it changes, so that its topic counts are not copied.
                var tally = speakers.removeValue(forKey: name) ?? SpeakerTally(type: quote.speakerType)
                tally.quotes += 1
                if tally.type == nil { tally.type = quote.speakerType }
                if quote.text.unicodeScalars.count > tally.example.unicodeScalars.count {
                    tally.example = quote.text
                    tally.exampleArticle = link(record, time: time)
                }
                if quotedHere.insert(name).inserted {
                    tally.articles += 1
                    for keyword in record.keywords { tally.topics[keyword, default: 0] += 1 }
                }
                speakers[name] = tally
            }
        }

        func ranked(_ type: String) -> [DigestSummary.RankedEntity] {
            entities.values.filter { $0.type == type }
                .sorted { ($0.articles, $0.mentions, $1.name) > ($1.articles, $1.mentions, $0.name) }
                .prefix(rankLimit)
                .map { DigestSummary.RankedEntity(name: $0.name, articles: $0.articles, mentions: $0.mentions) }
        }
        let rankedSpeakers = speakers.sorted { a, b in
            (a.value.quotes, a.value.articles, b.key) > (b.value.quotes, b.value.articles, a.key)
        }
        .prefix(rankLimit)
        .map { name, tally in
            DigestSummary.RankedSpeaker(
                name: name, type: tally.type, quotes: tally.quotes, articles: tally.articles,
                topics: tally.topics.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map(\.key),
                example: tally.example, exampleArticle: tally.exampleArticle!)
        }
        let recent = included.sorted { ($0.time ?? Int.min, $1.record.id) > ($1.time ?? Int.min, $0.record.id) }
            .prefix(articleListLimit)
            .map { link($0.record, time: $0.time) }

        return DigestSummary(
            period: period, articles: included.count, excluded: excluded, undated: undated, unreadable: unreadable,
            languages: counts(languages), outlets: Array(counts(outlets).prefix(rankLimit)),
            failures: failuresInPeriod.count,
            failuresByCode: counts(failuresInPeriod.reduce(into: [:]) { $0[$1.code, default: 0] += 1 }),
            persons: ranked("PERSON"), places: ranked("LOCATION"), organisations: ranked("ORGANIZATION"),
            quotations: quotations, speakers: Array(rankedSpeakers),
            timeline: timeline(included.compactMap(\.time), period: period), recent: Array(recent))
    }

    struct SpeakerTally {
        var type: String?
        var quotes = 0
        var articles = 0
        var topics: [String: Int] = [:]
        var example = ""
        var exampleArticle: DigestSummary.ArticleLink?
    }

    static func link(_ record: DigestRecord, time: Int?) -> DigestSummary.ArticleLink {
        let title = record.title.flatMap { $0.isEmpty ? nil : $0 } ?? record.sourcePath
        return DigestSummary.ArticleLink(
            title: title, language: record.language, time: time, showPagePath: record.showPagePath,
            documentPath: record.documentPath)
    }

    static func counts(_ table: [String: Int]) -> [DigestSummary.Count] {
        table.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { DigestSummary.Count($0.key, $0.value) }
    }

    /// Hourly buckets from the period's start (or the first article) to now (or the last article);
    /// daily buckets when that is more than 14 days, and wider ones past 400 buckets.
    static func timeline(_ times: [Int], period: DigestPeriod) -> DigestSummary.Timeline? {
        guard let first = times.min(), let last = times.max() else { return nil }
        let from = period.from ?? first
        let to = period.from == nil ? last : max(period.now, last)
        var bucket = to - from > 14 * 86_400 ? 86_400 : 3600
        while (to - from) / bucket >= 400 { bucket *= 2 }
        let start = from - ((from % bucket) + bucket) % bucket
        var counts = [Int](repeating: 0, count: (to - start) / bucket + 1)
        for time in times where time >= start {
            let index = (time - start) / bucket
            if index < counts.count { counts[index] += 1 }
        }
        return DigestSummary.Timeline(start: start, bucketSeconds: bucket, counts: counts)
    }
}
