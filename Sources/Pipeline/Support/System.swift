// SPDX-License-Identifier: GPL-2.0-or-later

import CLinux
import Glibc

/// Facts about the machine.
public enum System {
    /// Online processor cores.
    public static var coreCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Monotonic time in nanoseconds (CLOCK_MONOTONIC), for stage timings.
    public static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Milliseconds since `start` (a ``monotonicNanoseconds()`` reading), to 0.001 ms.
    public static func millisecondsSince(_ start: UInt64) -> Double {
        (Double(monotonicNanoseconds() - start) / 1_000).rounded() / 1_000
    }

    /// Caps glibc malloc at `arenas` arenas (`mallopt(M_ARENA_MAX)`). Dispatch runs work on many
    /// threads and glibc gives contending threads their own arena, each keeping freed memory: a
    /// daemon that should stay flat under a long burst grows instead. Returns whether glibc took it.
    @discardableResult
    public static func limitMallocArenas(_ arenas: Int) -> Bool {
        watcherd_limit_malloc_arenas(Int32(arenas)) == 1
    }
}
