// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch
import Pipeline
import Synchronization
import Testing

/// ``BlockingBridge/withDeadline(seconds:_:)``: the call ends at the deadline, also when the work
/// does not stop on cancellation (as a query already sent to a server that went away does not).
struct BlockingBridgeTests {
    final class Flag: Sendable {
        private let value = Mutex(false)
        func set() { value.withLock { $0 = true } }
        var isSet: Bool { value.withLock { $0 } }
    }

    /// Work that ignores cancellation: it waits `seconds` on a Dispatch timer, then sets `finished`.
    static func stubbornWork(_ seconds: Double, _ finished: Flag) async -> Int {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { continuation.resume() }
        }
        finished.set()
        return 1
    }

    @Test("the work's value or error when it finishes first")
    func workFirst() async throws {
        #expect(try await BlockingBridge.withDeadline(seconds: 30) { 42 } == 42)
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await BlockingBridge.withDeadline(seconds: 30) { throw Refused() } }
    }

    @Test("at the deadline it throws TimedOut without waiting for work that ignores cancellation")
    func deadlineFirst() async throws {
        let finished = Flag()
        await #expect(throws: BlockingBridge.TimedOut.self) {
            try await BlockingBridge.withDeadline(seconds: 0.1) { await Self.stubbornWork(120, finished) }
        }
        // The work takes 120 s and cannot be cancelled: the call returned before it ended.
        #expect(!finished.isSet)
    }

    @Test("cancelling the caller ends the call with CancellationError, without waiting for the work")
    func callerCancelled() async throws {
        let finished = Flag()
        let call = Task {
            try await BlockingBridge.withDeadline(seconds: 60) { await Self.stubbornWork(120, finished) }
        }
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(!finished.isSet)
    }
}
