// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import SystemPackage
import Testing

@testable import Pipeline

/// One daemon per state directory and inbox.
struct InstanceLockTests {
    @Test("a second lock on the same file fails naming the holder's PID; released when the holder goes")
    func exclusive() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = FilePath(directory.appendingPathComponent("watcherd.lock").path)
        var first: InstanceLock? = try InstanceLock.acquire(path)
        #expect(try String(contentsOfFile: path.string, encoding: .utf8) == "\(getpid())\n")
        #expect(throws: InstanceLock.Failure.held(path: path.string, pid: getpid())) {
            _ = try InstanceLock.acquire(path)
        }
        #expect(first != nil)
        first = nil
        let second = try InstanceLock.acquire(path)
        #expect(second.path == path)
    }

    @Test("a lock file in a directory that does not exist is unusable, with its errno")
    func unusable() {
        let path = FilePath("/nonexistent-\(UUID().uuidString)/watcherd.lock")
        #expect(throws: InstanceLock.Failure.unusable(path: path.string, errno: ENOENT)) {
            _ = try InstanceLock.acquire(path)
        }
    }
}
