// SPDX-License-Identifier: GPL-2.0-or-later

import CoreMetrics
import Pipeline
import Prometheus
import Synchronization

/// watcherd's metrics, through the swift-metrics API into a Prometheus registry
/// (swift-prometheus), served as text by ``MetricsServer``.
///
/// Fed with every processing-log entry (``record(_:)``) and sampled on the status tick
/// (``sample(backlog:overflows:ledgerEntries:healthy:)``). Names (`watcherd_` prefix):
/// `documents_total`, `duplicates_total`, `failures_total{stage,code}`,
/// `retries_total{stage,code}`, `vanished_total`, `rescans_total{reason}`,
/// `inotify_overflows_total`, `queue_depth{queue=settling|waiting|in_flight}`, `ledger_entries`,
/// `healthy`, `ledger_reachable` (0 while a shared ledger does not answer), `intake_paused` (1
/// while admission waits for the ledger), `ledger_claims` (claims this host holds), and the histograms `stage_duration_seconds{stage=read|decode|extract|write}` and
/// `article_duration_seconds` (read start to input finalised).
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let lastOverflows = Mutex(0)
    /// Metric handles by name and labels, made once (the factory's look-up takes a lock and builds
    /// a key each time).
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[String: CoreMetrics.Timer]>([:])

    /// Histogram buckets, in seconds: 0.1 ms to 10 s (one article takes about 1 ms per stage).
    public static let buckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.buckets
        self.factory = factory
        // Present from the start, at zero.
        for name in ["documents_total", "duplicates_total", "vanished_total", "inotify_overflows_total"] {
            counter(name).increment(by: 0)
        }
    }

    private func counter(_ name: String, _ dimensions: [(String, String)] = []) -> CoreMetrics.Counter {
        let key = Self.key(name, dimensions)
        return counters.withLock { made in
            if let counter = made[key] { return counter }
            let counter = CoreMetrics.Counter(label: "watcherd_" + name, dimensions: dimensions, factory: factory)
            made[key] = counter
            return counter
        }
    }

    private func gauge(_ name: String, _ dimensions: [(String, String)] = []) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: "watcherd_" + name, dimensions: dimensions, factory: factory)
    }

    private func timer(_ name: String, _ dimensions: [(String, String)] = []) -> CoreMetrics.Timer {
        let key = Self.key(name, dimensions)
        return timers.withLock { made in
            if let timer = made[key] { return timer }
            let timer = CoreMetrics.Timer(label: "watcherd_" + name, dimensions: dimensions, factory: factory)
            made[key] = timer
            return timer
        }
    }

    private static func key(_ name: String, _ dimensions: [(String, String)]) -> String {
        dimensions.reduce(name) { $0 + "|" + $1.0 + "=" + $1.1 }
    }

    public func record(_ entry: ProcessingLogEntry) {
        switch entry.event {
        case "processed":
            counter("documents_total").increment()
            for (stage, ms) in entry.stageMs?.entries ?? [] {
                timer("stage_duration_seconds", [("stage", stage)]).recordNanoseconds(Int64(ms * 1_000_000))
            }
            if let ms = entry.ms { timer("article_duration_seconds").recordNanoseconds(Int64(ms * 1_000_000)) }
        case "duplicate":
            counter("duplicates_total").increment()
        case "failed":
            counter("failures_total", [("stage", entry.stage ?? "unknown"), ("code", entry.result)]).increment()
        case "retry":
            counter("retries_total", [("stage", entry.stage ?? "unknown"), ("code", entry.result)]).increment()
        case "vanished":
            counter("vanished_total").increment()
        case "rescan":
            counter("rescans_total", [("reason", entry.result)]).increment()
        default:
            break
        }
    }

    /// Gauges and the overflow counter, from the daemon's state. `overflows` is the total since
    /// start; `ledgerEntries` is `nil` when the ledger could not be counted.
    public func sample(backlog: StatusSnapshot.Backlog, overflows: Int, ledgerEntries: Int?, healthy: Bool) {
        gauge("queue_depth", [("queue", "settling")]).record(backlog.settling)
        gauge("queue_depth", [("queue", "waiting")]).record(backlog.waiting)
        gauge("queue_depth", [("queue", "in_flight")]).record(backlog.inFlight)
        if let ledgerEntries { gauge("ledger_entries").record(ledgerEntries) }
        gauge("healthy").record(healthy ? 1 : 0)
        let delta = lastOverflows.withLock { last in
            defer { last = max(last, overflows) }
            return overflows - last
        }
        if delta > 0 { counter("inotify_overflows_total").increment(by: delta) }
    }

    /// The ledger's gauges: whether it answers, whether the intake waits for it, and the claims
    /// this host holds (shared ledgers only).
    public func sampleLedger(reachable: Bool, intakePaused: Bool, claims: Int?) {
        gauge("ledger_reachable").record(reachable ? 1 : 0)
        gauge("intake_paused").record(intakePaused ? 1 : 0)
        if let claims { gauge("ledger_claims").record(claims) }
    }

    /// The Prometheus text exposition (format 0.0.4).
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
