// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Synchronization

/// The loopback HTTP server for Prometheus: `GET /metrics` (text format 0.0.4) and `GET /healthz`
/// (200 `ok`, or 503 with the reason the watchdog is not fed); 404 for anything else. Off unless
/// `metrics_port` is set.
///
/// One thread accepts and answers connections one at a time (HTTP/1.1, `Connection: close`, 5 s
/// read timeout, requests up to 8 KiB): enough for a scraper on loopback. Own code, on purpose:
/// FlyingFox's HTTP layer imports FoundationNetworking, which a `--static-swift-stdlib` build links
/// with libcurl (a new runtime dependency for an unused proxy handler), and Hummingbird brings
/// SwiftNIO, SSL and HTTP/2 packages (minutes of build, megabytes of binary) for two GET routes.
public final class MetricsServer: Sendable {
    /// The bound address, e.g. `127.0.0.1:9477`.
    public let address: String
    private let listener: Int32
    private let stopped = Atomic<Bool>(false)
    private let metrics: ServiceMetrics
    private let health: @Sendable () -> (Bool, String)

    public struct BindError: Error, CustomStringConvertible {
        public var address: String
        public var errno: Int32
        public var description: String {
            "metrics-bind: cannot listen on \(address): \(String(cString: strerror(errno)))"
        }
    }

    /// Binds and listens on `address` (numeric IPv4 or IPv6) and `port`. Throws ``BindError``.
    public init(
        address: String, port: Int, metrics: ServiceMetrics, health: @escaping @Sendable () -> (Bool, String)
    ) throws {
        self.metrics = metrics
        self.health = health
        let isIPv6 = address.contains(":")
        self.address = isIPv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw BindError(address: self.address, errno: errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var result: Int32
        if isIPv6 {
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = in_port_t(UInt16(port).bigEndian)
            result = inet_pton(AF_INET6, address, &socketAddress.sin6_addr) == 1 ? 0 : -1
            if result == 0 {
                result = withUnsafePointer(to: &socketAddress) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                    }
                }
            }
        } else {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
            result = inet_pton(AF_INET, address, &socketAddress.sin_addr) == 1 ? 0 : -1
            if result == 0 {
                result = withUnsafePointer(to: &socketAddress) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
        }
        if result != 0 || listen(fd, 16) != 0 {
            let code = result != 0 && errno == 0 ? EINVAL : errno
            close(fd)
            throw BindError(address: self.address, errno: code)
        }
        listener = fd
    }

    /// Starts answering on a thread of its own; returns at once.
    public func start() {
        let thread = Thread { [self] in serve() }
        thread.name = "watcherd.metrics"
        thread.start()
    }

    /// Stops accepting and closes the socket.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while !stopped.load(ordering: .acquiring) {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            answer(connection)
            close(connection)
        }
    }

    private func answer(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        let end = Array("\r\n\r\n".utf8)
        while request.count < 8192, !request.ends(with: end) {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            request += buffer[..<count]
        }
        let line = request.split(separator: UInt8(ascii: "\r"), maxSplits: 1).first.map { Array($0) } ?? []
        let parts = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        let response = Self.response(
            method: parts.first ?? "", target: parts.count > 1 ? parts[1] : "", metrics: metrics, health: health)
        var offset = 0
        while offset < response.count {
            let sent = response[offset...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// The whole HTTP response to `method` `target`. Pure apart from reading the metrics.
    static func response(
        method: String, target: String, metrics: ServiceMetrics, health: () -> (Bool, String)
    ) -> [UInt8] {
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        let (status, type, body): (String, String, [UInt8])
        switch (method, path) {
        case ("GET", "/metrics"), ("HEAD", "/metrics"):
            (status, type, body) = ("200 OK", "text/plain; version=0.0.4; charset=utf-8", metrics.exposition())
        case ("GET", "/healthz"), ("HEAD", "/healthz"):
            let (healthy, reason) = health()
            (status, type, body) = (
                healthy ? "200 OK" : "503 Service Unavailable", "text/plain; charset=utf-8",
                Array((healthy ? "ok\n" : "unhealthy: \(reason)\n").utf8)
            )
        case (_, "/metrics"), (_, "/healthz"):
            (status, type, body) = ("405 Method Not Allowed", "text/plain; charset=utf-8", Array("GET only\n".utf8))
        default:
            (status, type, body) = ("404 Not Found", "text/plain; charset=utf-8", Array("not found\n".utf8))
        }
        let head =
            "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + (method == "HEAD" ? [] : body)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
