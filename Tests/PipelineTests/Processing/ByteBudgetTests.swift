// SPDX-License-Identifier: GPL-2.0-or-later

import Dispatch
import Synchronization
import Testing

@testable import Pipeline

struct ByteBudgetTests {
    @Test("bytes that do not fit wait for a release; an input larger than the whole budget runs alone")
    func waitsForRoom() {
        let budget = ByteBudget(limit: 32)
        budget.acquire(20)
        let second = DispatchSemaphore(value: 0)
        let acquired = Atomic<Bool>(false)
        DispatchQueue.global().async {
            budget.acquire(20)
            acquired.store(true, ordering: .sequentiallyConsistent)
            second.signal()
        }
        // 20 + 20 > 32: the second waits (checked for 200 ms), then goes once the first is back.
        #expect(second.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        let early = acquired.load(ordering: .sequentiallyConsistent)
        #expect(!early)
        budget.release(20)
        #expect(second.wait(timeout: .now() + .seconds(10)) == .success)
        #expect(budget.inFlight == 20)
        budget.release(20)
        // Nothing held: 100 bytes over a 32-byte budget still go (alone).
        budget.acquire(100)
        #expect(budget.inFlight == 100)
        budget.release(100)
        #expect(budget.inFlight == 0)
    }
}
