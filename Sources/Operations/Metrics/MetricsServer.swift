import FlyingFox
import FlyingSocks
import Foundation

/// The loopback HTTP server for Prometheus: `GET /metrics` (text format 0.0.4) and
/// `GET /healthz` (200 `ok`, or 503 with the reason the watchdog is not fed). Off unless
/// `metrics_port` is set.
///
/// FlyingFox (BSD sockets and Swift concurrency, no SwiftNIO) rather than Hummingbird: two GET
/// routes on loopback do not need an event-loop stack, and leaving NIO out keeps the static
/// binary and the clean build smaller (README, "Metrics").
public final class MetricsServer: Sendable {
    private let server: HTTPServer

    /// `health` answers whether the daemon is healthy, and why not.
    public init(
        address: String, port: Int, metrics: ServiceMetrics, health: @escaping @Sendable () -> (Bool, String)
    ) throws {
        let socketAddress: any SocketAddress =
            address.contains(":")
            ? try .inet6(ip6: address, port: UInt16(port)) : try .inet(ip4: address, port: UInt16(port))
        var routes = RoutedHTTPHandler()
        routes.appendRoute("GET /metrics") { _ in
            HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: Data(metrics.exposition()))
        }
        routes.appendRoute("GET /healthz") { _ in
            let (healthy, reason) = health()
            return HTTPResponse(
                statusCode: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain"],
                body: Data((healthy ? "ok\n" : "unhealthy: \(reason)\n").utf8))
        }
        server = HTTPServer(address: socketAddress, timeout: 15, logger: .disabled, handler: routes)
    }

    /// Serves until cancelled or ``stop()``; throws when the address cannot be bound.
    public func run() async throws { try await server.run() }

    /// Returns once the socket listens (or throws after `timeout` seconds).
    public func waitUntilListening(timeout: TimeInterval = 5) async throws {
        try await server.waitUntilListening(timeout: timeout)
    }

    public func stop() async { await server.stop(timeout: 1) }
}
