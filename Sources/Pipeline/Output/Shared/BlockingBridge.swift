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

    /// Runs `work` with a deadline, from async code: at the deadline the call throws and the work
    /// is cancelled. The call returns at the deadline even when the work does not stop on
    /// cancellation (a query postgres-nio has already sent, a connection to a server that went
    /// away): the work then finishes in the background and its result is dropped. A graceful
    /// shutdown therefore never waits on it longer than `seconds`. Cancelling the caller cancels
    /// the work and throws `CancellationError` at once.
    ///
    /// - Throws: what `work` throws; ``TimedOut``; `CancellationError`.
    public static func withDeadline<T: Sendable>(
        seconds: Double, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let gate = FirstOutcome<T>()
        let worker = Task {
            do { gate.resolve(.success(try await work())) } catch { gate.resolve(.failure(error)) }
        }
        let timer = Task {
            try? await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1e9))
            gate.resolve(.failure(TimedOut(seconds: seconds)))
        }
        defer {
            worker.cancel()
            timer.cancel()
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in gate.wait(continuation) }
        } onCancel: {
            gate.resolve(.failure(CancellationError()))
        }
    }

    /// The first of several outcomes, handed to one waiting continuation exactly once, whichever
    /// comes first: the outcome or the waiter.
    private final class FirstOutcome<T: Sendable>: Sendable {
        private struct State {
            var outcome: Result<T, any Error>?
            var waiter: CheckedContinuation<T, any Error>?
            var delivered = false
        }

        private let state = Mutex(State())

        func resolve(_ outcome: Result<T, any Error>) {
            let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
                guard state.outcome == nil else { return nil }
                state.outcome = outcome
                return Self.take(&state)
            }
            waiter?.resume(with: outcome)
        }

        func wait(_ continuation: CheckedContinuation<T, any Error>) {
            let ready = state.withLock { state -> Result<T, any Error>? in
                state.waiter = continuation
                return Self.take(&state) != nil ? state.outcome : nil
            }
            if let ready { continuation.resume(with: ready) }
        }

        /// The waiter, once, when both the outcome and the waiter are there.
        private static func take(_ state: inout State) -> CheckedContinuation<T, any Error>? {
            guard state.outcome != nil, !state.delivered, let waiter = state.waiter else { return nil }
            state.delivered = true
            return waiter
        }
    }
}
