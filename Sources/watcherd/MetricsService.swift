// SPDX-License-Identifier: GPL-2.0-or-later

import Logging
import Operations
import ServiceLifecycle

/// The metrics HTTP server (``MetricsServer``) as a swift-service-lifecycle `Service`: it answers
/// from start-up until graceful shutdown, and stops after the pipeline has drained.
struct MetricsService: Service {
    let server: MetricsServer
    let logger: Logger

    func run() async throws {
        server.start()
        logger.info("metrics server listening", metadata: ["address": "\(server.address)"])
        try? await gracefulShutdown()
        server.stop()
    }
}
