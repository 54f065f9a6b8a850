// SPDX-License-Identifier: GPL-2.0-or-later

import Synchronization

/// The latest health verdict, shared between the daemon's control queue (which writes it) and the
/// metrics server's `/healthz` (which reads it).
public final class HealthState: Sendable {
    private let state = Mutex<(healthy: Bool, reason: String)>((true, "ok"))

    public init() {}

    /// `nil` means healthy; otherwise the reason.
    public func update(_ verdict: String?) { state.withLock { $0 = (verdict == nil, verdict ?? "ok") } }

    public var current: (healthy: Bool, reason: String) { state.withLock { $0 } }
}
