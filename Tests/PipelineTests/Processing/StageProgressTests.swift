// SPDX-License-Identifier: GPL-2.0-or-later

import Testing

@testable import Pipeline

struct StageProgressTests {
    @Test("a stage's pending count is what entered and did not leave; its progress time is the last leave")
    func pendingAndLastProgress() {
        let stage = StageProgress(name: "extract", now: 7)
        #expect(stage.reading == (pending: 0, lastProgress: 7))
        stage.enter()
        stage.enter()
        stage.enter()
        #expect(stage.reading == (pending: 3, lastProgress: 7))
        stage.leave(now: 50)
        #expect(stage.reading == (pending: 2, lastProgress: 50))
        stage.leave(now: 90)
        stage.leave(now: 95)
        #expect(stage.reading == (pending: 0, lastProgress: 95))
    }
}
