// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch
import PostgresNIO
import Synchronization

/// The bridge between the engine's synchronous Dispatch queues and async work (postgres-nio's
/// `PostgresClient`): the work runs in a `Task` (its I/O on SwiftNIO's event loops), and the
/// calling Dispatch thread waits on a semaphore, with a deadline.
///
/// Chosen over making the ``Ledger`` protocol async: the write stage is a serial Dispatch queue
/// that orders document writes, ledger rows and input moves, and must wait for the ledger's
/// answer before it moves an input anyway; blocking that one thread costs nothing the queue did
/// not already pay, while an async ledger would turn every stage into tasks. What must never
/// block is a SwiftNIO event-loop thread (the work needs that thread to finish: a deadlock) or a
/// thread of Swift's cooperative pool (it is as small as the core count): ``wait(timeoutSeconds:_:)``
/// traps when called on an event loop, and the engine never calls the ledger from a task.
public enum BlockingBridge {
    /// The work did not finish within the deadline; it was cancelled.
    public struct TimedOut: Error, Sendable, CustomStringConvertible {
        public var seconds: Double
        public var description: String { "no answer within \(seconds) s" }
    }

    private final class Outcome<T: Sendable>: Sendable {
        let value = Mutex<Result<T, any Error>?>(nil)
    }

    /// Runs `work` and waits for its result on the calling thread, at most `timeoutSeconds`.
    ///
    /// - Throws: what `work` throws; ``TimedOut`` after cancelling the work at the deadline.
    /// - Precondition: not called on a SwiftNIO event loop.
    public static func wait<T: Sendable>(
        timeoutSeconds: Double, _ work: @escaping @Sendable () async throws -> T
    ) throws -> T {
        precondition(
            MultiThreadedEventLoopGroup.currentEventLoop == nil,
            "BlockingBridge.wait called on a SwiftNIO event loop: it would deadlock")
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome<T>()
        let task = Task {
            let result: Result<T, any Error>
            do { result = .success(try await work()) } catch { result = .failure(error) }
            outcome.value.withLock { $0 = result }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeoutSeconds) == .success else {
            task.cancel()
            throw TimedOut(seconds: timeoutSeconds)
        }
        return try outcome.value.withLock { $0! }.get()
    }

    /// Runs `work` with a deadline, from async code: the work is cancelled at the deadline.
    ///
    /// - Throws: what `work` throws; ``TimedOut``.
    public static func withDeadline<T: Sendable>(
        seconds: Double, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TimedOut(seconds: seconds) }
            return value
        }
    }
}
