// SPDX-License-Identifier: GPL-2.0-or-later

/// Which documents a digest covers: those whose time (``DigestPeriod/Basis``) is at or after
/// ``from``, or all of them when ``from`` is `nil`. Pure value; the command fills in the clock.
public struct DigestPeriod: Sendable, Equatable {
    /// Which time of a document places it in the period and on the timeline.
    public enum Basis: String, Sendable, CaseIterable {
        /// `source.received_at`: when the daemon took the article.
        case received
        /// `published.value` (else `metadata.published`).
        case published
    }

    /// Seconds since the epoch; `nil` for no lower bound.
    public var from: Int?
    /// Seconds since the epoch: the end of the timeline (now).
    public var now: Int
    public var basis: Basis

    public init(from: Int?, now: Int, basis: Basis = .received) {
        self.from = from
        self.now = now
        self.basis = basis
    }

    /// The period for `--since` text relative to `now`: a duration `90m`, `24h`, `7d`, `2w`
    /// (minutes, hours, days, weeks), or an ISO 8601 date or date-time (``ISOTimestamp``); `nil`
    /// when `since` is neither.
    public static func since(_ since: String, now: Int, basis: Basis = .received) -> DigestPeriod? {
        if let unit = since.last, let amount = Int(since.dropLast()), amount >= 0 {
            let seconds: Int? =
                switch unit {
                case "m": 60
                case "h": 3600
                case "d": 86_400
                case "w": 604_800
                default: nil
                }
            if let seconds { return DigestPeriod(from: now - amount * seconds, now: now, basis: basis) }
        }
        guard let from = ISOTimestamp.seconds(since) else { return nil }
        return DigestPeriod(from: from, now: now, basis: basis)
    }

    /// The time of `record` on this period's basis, in seconds since the epoch.
    public func time(of record: DigestRecord) -> Int? {
        let text =
            switch basis {
            case .received: record.receivedAt
            case .published: record.published
            }
        return text.flatMap(ISOTimestamp.seconds)
    }
}
