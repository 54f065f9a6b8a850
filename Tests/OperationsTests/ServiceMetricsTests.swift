// SPDX-License-Identifier: GPL-2.0-or-later

import Operations
import Pipeline
import Testing

/// The Prometheus exposition of the metrics fed by processing-log entries.
struct ServiceMetricsTests {
    @Test("counters by stage and code, rescans by reason, gauges, overflows by delta, and the stage histograms")
    func exposition() {
        let metrics = ServiceMetrics()
        for _ in 0..<3 {
            metrics.record(
                ProcessingLogEntry(
                    event: "processed", path: "a", stage: "write", ms: 3, result: "ok",
                    stageMs: ["read": 0.2, "extract": 2, "write": 0.8]))
        }
        metrics.record(ProcessingLogEntry(event: "failed", stage: "decode", result: "binary"))
        metrics.record(ProcessingLogEntry(event: "duplicate", result: "skipped"))
        metrics.record(ProcessingLogEntry(event: "rescan", result: "overflow", count: 4))
        metrics.sample(
            backlog: .init(settling: 1, waiting: 2, inFlight: 3), overflows: 2, ledgerEntries: 9, healthy: true)
        metrics.sample(
            backlog: .init(settling: 0, waiting: 0, inFlight: 0), overflows: 5, ledgerEntries: 9, healthy: true)
        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        let lines = Set(text.split(separator: "\n").map(String.init))
        for expected in [
            "watcherd_documents_total 3", "watcherd_duplicates_total 1",
            #"watcherd_failures_total{stage="decode",code="binary"} 1"#,
            #"watcherd_rescans_total{reason="overflow"} 1"#,
            "watcherd_inotify_overflows_total 5", #"watcherd_queue_depth{queue="waiting"} 0.0"#,
            "watcherd_ledger_entries 9.0", #"watcherd_stage_duration_seconds_count{stage="extract"} 3"#,
            #"watcherd_stage_duration_seconds_bucket{stage="extract",le="0.001"} 0"#,
            #"watcherd_stage_duration_seconds_bucket{stage="extract",le="0.0025"} 3"#,
            #"watcherd_stage_duration_seconds_bucket{stage="extract",le="+Inf"} 3"#,
            "watcherd_article_duration_seconds_count 3",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)\n\(text)")
        }
    }
}
