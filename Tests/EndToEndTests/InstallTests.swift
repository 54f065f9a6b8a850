// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Testing

/// Issue 12: `make install` the Debian way, the unit as systemd sees it, and a binary that runs
/// without the Swift toolchain. These need root (mount namespaces); they are skipped otherwise,
/// except under CI, which runs as root.
@Suite(.serialized)
struct InstallTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let isCI = ProcessInfo.processInfo.environment["CI"] != nil
    static var runnable: Bool { Privileges.isRoot || isCI }

    /// The release build made with `--static-swift-stdlib` (`make release`), beside the debug one.
    static var releaseBinary: URL {
        DaemonHarness.binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("release/watcherd")
    }

    /// `make install-files` of `binary` into a fresh DESTDIR with PREFIX=/usr.
    static func install(_ binary: URL) throws -> URL {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("watcherd-dest-\(UUID())")
        let result = Tool.run(
            "/usr/bin/make",
            [
                "-s", "-C", packageRoot.path, "install-files", "BIN=\(binary.path)", "DESTDIR=\(destination.path)",
                "PREFIX=/usr",
            ])
        guard result.status == 0 else { throw SupportError.tool("make install-files", result.output) }
        return destination
    }

    /// Runs `script` with `sh -c` in a private mount namespace (`unshare -m`).
    static func inNamespace(_ script: String) -> (status: Int32, output: String) {
        Tool.run("/usr/bin/unshare", ["-m", "--propagation", "private", "/bin/sh", "-c", script])
    }

    @Test(
        "make install DESTDIR PREFIX=/usr puts everything in place with /usr paths; make uninstall removes it and leaves a changed configuration",
        .enabled(if: runnable, "needs root"))
    func installAndUninstall() throws {
        let destination = try Self.install(DaemonHarness.binary)
        defer { try? FileManager.default.removeItem(at: destination) }
        for path in [
            "usr/bin/watcherd", "usr/share/watcherd/gazetteer/locations.tsv", "usr/share/doc/watcherd/README.md",
            "usr/share/doc/watcherd/COPYING", "usr/share/doc/watcherd/THIRD-PARTY-NOTICES.md",
            "usr/share/man/man1/watcherd.1", "usr/lib/systemd/system/watcherd.service",
            "usr/lib/sysusers.d/watcherd.conf", "usr/lib/tmpfiles.d/watcherd.conf", "etc/logrotate.d/watcherd",
            "etc/watcherd/watcherd.toml", "etc/watcherd/watcherd.toml.example",
            "usr/share/bash-completion/completions/watcherd", "usr/share/zsh/vendor-completions/_watcherd",
            "usr/share/fish/vendor_completions.d/watcherd.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(path).path), "\(path)")
        }
        let unit = try String(
            contentsOf: destination.appendingPathComponent("usr/lib/systemd/system/watcherd.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/watcherd run --config /etc/watcherd/watcherd.toml"))
        #expect(!unit.contains("/usr/local") && !unit.contains("DIR@"), "unfilled or /usr/local paths in the unit")
        #expect(unit.contains("file:///usr/share/doc/watcherd/COPYING"))
        #expect(unit.contains("Documentation=file:///usr/share/doc/watcherd/THIRD-PARTY-NOTICES.md"))
        let bash = try String(
            contentsOf: destination.appendingPathComponent("usr/share/bash-completion/completions/watcherd"),
            encoding: .utf8)
        #expect(bash.contains("validate") && bash.contains("--settle-ms"))

        // The installed binary finds its resources under its own prefix (DESTDIR/usr/share/watcherd).
        let article = destination.appendingPathComponent("article.txt")
        try Articles.data("install").write(to: article)
        let processed = Tool.run(
            destination.appendingPathComponent("usr/bin/watcherd").path, ["process", article.path])
        #expect(processed.status == 0, "\(processed.output)")

        let toml = destination.appendingPathComponent("etc/watcherd/watcherd.toml")
        try (String(contentsOf: toml, encoding: .utf8) + "settle_ms = 200\n").write(
            to: toml, atomically: true, encoding: .utf8)
        let uninstall = Tool.run(
            "/usr/bin/make",
            ["-s", "-C", Self.packageRoot.path, "uninstall", "DESTDIR=\(destination.path)", "PREFIX=/usr"])
        #expect(uninstall.status == 0, "\(uninstall.output)")
        try FileManager.default.removeItem(at: article)
        let left = FileManager.default.enumerator(atPath: destination.path)?.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: destination.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }
        #expect(left == ["etc/watcherd/watcherd.toml"], "left behind: \(left ?? [])")
    }

    @Test(
        "systemd-analyze verify of the installed unit gives no warning; its security exposure is 2.0 or better with the metrics port allowed",
        .enabled(if: runnable, "needs root"))
    func unitVerifies() throws {
        let destination = try Self.install(DaemonHarness.binary)
        defer { try? FileManager.default.removeItem(at: destination) }
        let unit = destination.appendingPathComponent("usr/lib/systemd/system/watcherd.service").path
        // verify checks that ExecStart's binary and the man page exist: lay the installed ones over
        // /usr/bin and the man directory, in a mount namespace of our own.
        let bin = destination.appendingPathComponent("usr/bin").path
        let man = destination.appendingPathComponent("usr/share/man/man1").path
        let manCheck = FileManager.default.isExecutableFile(atPath: "/usr/bin/man") ? "" : "--man=no"
        let verify = Self.inNamespace(
            """
            mount -t overlay overlay -o lowerdir=\(bin):/usr/bin /usr/bin &&
            mkdir -p /usr/share/man/man1 && mount -t overlay overlay -o lowerdir=\(man):/usr/share/man/man1 /usr/share/man/man1 &&
            systemd-analyze verify \(manCheck) \(unit) 2>&1
            """)
        #expect(verify.status == 0)
        #expect(verify.output.isEmpty, "systemd-analyze verify said:\n\(verify.output)")

        let security = Tool.run("/usr/bin/systemd-analyze", ["security", "--offline=yes", "--threshold=20", unit])
        #expect(security.status == 0, "\(security.output)")
        let exposure = security.output.split(separator: "\n").last { $0.contains("Overall exposure level") }
        print("systemd-analyze security: \(exposure ?? "?")")
        let score = exposure.flatMap { line in
            line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }
        }
        #expect(score.map { $0 <= 2.0 } == true, "\(exposure.map(String.init) ?? security.output)")
        #expect(unit.isEmpty == false)
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        #expect(text.contains("IPAddressAllow=localhost") && text.contains("IPAddressDeny=any"))
    }

    @Test(
        "the installed static release binary runs with the Swift toolchain out of reach",
        .enabled(if: runnable, "needs root"))
    func runsWithoutToolchain() throws {
        let release = Self.releaseBinary
        let linked = Tool.run("/usr/bin/ldd", [release.path])
        guard FileManager.default.isExecutableFile(atPath: release.path), !linked.output.contains("libswiftCore") else {
            let message = "needs the static release build (make release) at \(release.path)"
            if Self.isCI { Issue.record(Comment(rawValue: message)) } else { print("skipped: \(message)") }
            return
        }
        let destination = try Self.install(release)
        defer { try? FileManager.default.removeItem(at: destination) }
        let installed = destination.appendingPathComponent("usr/bin/watcherd").path
        let article = destination.appendingPathComponent("article.txt")
        try Articles.data("static").write(to: article)
        // /opt/swift (the toolchain and its runtime libraries) hidden under an empty tmpfs.
        let hidden = "mount -t tmpfs none /opt/swift && unset LD_LIBRARY_PATH && "
        let version = Self.inNamespace(hidden + "\(installed) --version")
        #expect(version.status == 0, "\(version.output)")
        #expect(version.output.hasPrefix("watcherd "))
        #expect(version.output.contains("schema_version 1"))
        #expect(version.output.contains("model ") && version.output.contains("normalization "))
        let process = Self.inNamespace(hidden + "\(installed) process \(article.path)")
        #expect(process.status == 0, "\(process.output)")
        #expect(process.output.contains("\"schema_version\":1"))
        // The control: the debug build does need the toolchain, so the hiding did hide it.
        let debug = Self.inNamespace(hidden + "\(DaemonHarness.binary.path) --version")
        #expect(debug.status != 0, "the debug build ran without the toolchain: the toolchain was not hidden")
        let needed = Tool.run("/usr/bin/ldd", [installed]).output
        print("installed binary links: \(needed.split(separator: "\n").map { $0.split(separator: " ").first ?? "" })")
        #expect(!needed.contains("swift"))
    }
}
