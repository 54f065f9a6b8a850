// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import TestSupport
import Testing

/// The harnesses' ``ChildProcess``: statuses as `Process` gives them, pipes read to their end,
/// no descriptor inherited beyond 0, 1 and 2, and a wait that never waits for another child.
struct ChildProcessTests {
    private func shell(_ script: String, output: Pipe? = nil) throws -> ChildProcess {
        let child = ChildProcess()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", script]
        child.standardOutput = output ?? FileHandle.nullDevice
        try child.run()
        return child
    }

    @Test("the exit code and the output through a pipe; a signal's number when killed")
    func statuses() throws {
        let pipe = Pipe()
        let child = try shell("echo out; exit 3", output: pipe)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(output == "out\n")
        #expect(!child.isRunning && child.terminationStatus == 3)

        let unstarted = ChildProcess()
        #expect(!unstarted.isRunning && unstarted.processIdentifier == 0)
        let sleeper = try shell("exec sleep 30")
        #expect(sleeper.isRunning && sleeper.processIdentifier > 0)
        kill(sleeper.processIdentifier, SIGKILL)
        sleeper.waitUntilExit()
        #expect(!sleeper.isRunning && sleeper.terminationStatus == SIGKILL)
    }

    @Test("a child gets descriptors 0, 1 and 2 only, and a short child's wait returns while a long one runs")
    func noInheritedDescriptorsNoSharedWait() throws {
        // A descriptor without close-on-exec, as Foundation's and the tests' own pipes are.
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { fds.forEach { close($0) } }
        let long = try shell("exec sleep 30")
        defer {
            kill(long.processIdentifier, SIGKILL)
            long.waitUntilExit()
        }
        let listing = Pipe()
        let started = Date()
        let short = try shell("ls /proc/$$/fd", output: listing)
        let names = String(decoding: listing.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        short.waitUntilExit()
        #expect(Date().timeIntervalSince(started) < 20, "waited for the long child")
        #expect(short.terminationStatus == 0)
        // The shell's 0, 1, 2, and whatever ls itself opened to list the directory (3).
        #expect(Set(names).isSubset(of: ["0", "1", "2", "3"]), "\(names)")
        #expect(!names.contains(String(fds[0])) && !names.contains(String(fds[1])), "\(names) holds \(fds)")
        #expect(long.isRunning)
    }
}
