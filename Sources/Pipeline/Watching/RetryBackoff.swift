// SPDX-License-Identifier: GPL-2.0-or-later

/// The delay before retrying an article after a temporary failure: exponential from 500 ms
/// (250 ms doubled per attempt, attempts past 7 count as 7) up to 30 s, with "equal jitter"
/// (half the backoff fixed, half random), so that many inputs failing together (disk full) do not
/// retry in lockstep. See the AWS Architecture Blog, "Exponential Backoff And Jitter" (2015).
public enum RetryBackoff {
    /// The delay in milliseconds before retry number `attempt` (1 for the first retry), for a
    /// random `unit` in `0...1` (0 gives the shortest delay, 1 the longest).
    public static func delayMs(attempt: Int, unit: Double) -> Int {
        let backoff = min(30_000, 250 << min(max(attempt, 0), 7))
        let half = backoff / 2
        return half + Int((Double(half) * min(max(unit, 0), 1)).rounded(.down))
    }
}
