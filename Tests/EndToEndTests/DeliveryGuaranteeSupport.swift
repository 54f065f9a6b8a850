// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import Glibc
import Pipeline
import TestSupport
import Testing

/// Who the tests run as, and how they run the daemon as someone else. CI runs as root, for whom
/// mode 000 means nothing: the tests that need permissions to bite run the daemon as `nobody`.
enum Privileges {
    static let setpriv = "/usr/bin/setpriv"
    /// `nobody`: the unprivileged user the daemon runs as when the tests run as root.
    static let unprivileged: uid_t = 65534

    static var isRoot: Bool { geteuid() == 0 }

    /// Whether `user` can run the binary under test (every directory on its path searchable, the
    /// binary and its resource bundle readable). Checked by running `setpriv ... watcherd --help`.
    static func canRunDaemon(as user: uid_t) -> Bool {
        guard isRoot, FileManager.default.isExecutableFile(atPath: setpriv) else { return false }
        let result = Tool.run(
            setpriv,
            ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--", DaemonHarness.binary.path, "--help"])
        return result.status == 0
    }

    /// Mounts a tmpfs of `size` (e.g. "512m") on `directory`; false when that is not possible.
    static func mountTmpfs(on directory: URL, size: String) -> Bool {
        guard isRoot else { return false }
        return Tool.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", directory.path]).status == 0
    }

    /// Lazily unmounts whatever is mounted on `directory`.
    static func unmount(_ directory: URL) {
        Tool.run("/bin/umount", ["-l", directory.path])
    }

    /// `chown -R user:user tree`.
    static func handOver(_ tree: URL, to user: uid_t) throws {
        let result = Tool.run("/bin/chown", ["-R", "\(user):\(user)", tree.path])
        guard result.status == 0 else { throw SupportError.tool("chown", result.output) }
    }

    /// The user the daemon must run as so that file permissions apply to it: nil (the test's own
    /// user) when not root, `nobody` when root and that works; otherwise cancels the test with a
    /// message (reported as skipped).
    static func userForPermissionTests() throws -> uid_t? {
        guard isRoot else { return nil }
        guard canRunDaemon(as: unprivileged) else {
            try Test.cancel(
                "running as root and cannot run watcherd as uid \(unprivileged) through setpriv: permission checks would not bite"
            )
        }
        return unprivileged
    }
}

/// Runs small command-line tools and returns their exit status and combined output.
enum Tool {
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// open(O_APPEND | O_CREAT), write, close: one append and one IN_CLOSE_WRITE.
func append(_ data: Data, to url: URL) throws {
    try writeWhole(data, toPath: url.path, flags: O_APPEND)
}

/// open(O_CREAT | `flags`), write everything, close.
func writeWhole(_ data: Data, toPath path: UnsafePointer<CChar>, flags: Int32) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0o644)
    guard fd >= 0 else { throw SupportError.system("open", errno) }
    defer { close(fd) }
    try data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let count = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            guard count > 0 else { throw SupportError.system("write", errno) }
            offset += count
        }
    }
}

enum SupportError: Error, CustomStringConvertible {
    case tool(String, String)
    case system(String, Int32)

    var description: String {
        switch self {
        case .tool(let name, let output): "\(name) failed: \(output)"
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Articles with distinct content: the ledger keys on content, so two inputs with the same bytes
/// are one article (the second is a duplicate and gets no document of its own).
enum Articles {
    static func text(_ tag: String) -> String {
        "خبر رقم \(tag)\n\nاجتمع الوزراء في الرياض لبحث الأزمة في الملف رقم \(tag). وقال المتحدث إن المحادثات مستمرة."
    }

    static func data(_ tag: String) -> Data { Data(text(tag).utf8) }

    static func sha256(_ data: Data) -> String { InputFile.sha256Hex(Array(data)) }
}

extension DaemonHarness {
    // MARK: Files with any bytes in their names

    /// `inbox` + `/` + raw name bytes, as a C path.
    func inboxPath(bytes name: [UInt8]) -> [CChar] {
        (Array(inbox.path.utf8) + [UInt8(ascii: "/")] + name).map { CChar(bitPattern: $0) } + [0]
    }

    /// Writes `data` into the inbox under a name given as raw bytes (not necessarily UTF-8).
    func write(_ data: Data, asBytes name: [UInt8]) throws {
        try writeWhole(data, toPath: inboxPath(bytes: name), flags: O_TRUNC)
    }

    /// Whether `tree/<raw name bytes>` exists (lstat: a symlink counts).
    func exists(in tree: URL, bytes name: [UInt8]) -> Bool {
        let path = (Array(tree.path.utf8) + [UInt8(ascii: "/")] + name).map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        return lstat(path, &info) == 0
    }

    // MARK: Output tree

    /// How many entries directly in `directory` have names ending in `suffix` (readdir: cheap
    /// enough to poll on a directory of 20,000 files, unlike FileManager's enumerator).
    func countEntries(in directory: URL, suffix: String) -> Int {
        guard let dir = opendir(directory.path) else { return 0 }
        defer { closedir(dir) }
        let suffixBytes = Array(suffix.utf8)
        var count = 0
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name.first != UInt8(ascii: "."), name.count >= suffixBytes.count,
                name.suffix(suffixBytes.count).elementsEqual(suffixBytes)
            {
                count += 1
            }
        }
        return count
    }

    /// Every file under `output/`, as paths relative to it (temporary dot-files included).
    func outputFiles() -> [String] {
        files(under: output)
    }

    /// The documents under `output/` (relative paths ending in `.json`, dot-files excluded).
    func documentPaths() -> [String] {
        outputFiles().filter { $0.hasSuffix(".json") && !($0.split(separator: "/").last ?? "").hasPrefix(".") }
    }

    func files(under tree: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: tree.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: tree.appendingPathComponent(relative).path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                result.append(relative)
            }
        }
        return result
    }

    /// Output files that are not whole JSON objects (torn or temporary files), by relative path.
    func tornOutputs() -> [String] {
        outputFiles().filter { relative in
            let url = output.appendingPathComponent(relative)
            guard let data = try? Data(contentsOf: url),
                (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] != nil
            else { return true }
            return !relative.hasSuffix(".json")
        }
    }

    // MARK: Processing log

    /// The processing log's lines that parse as JSON objects (a line torn by SIGKILL is skipped).
    func logEntries() -> [[String: Any]] {
        rawLogLines().compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Processing-log lines with `event` (any event when nil), optionally only those for `path`
    /// (escaped, inbox-relative).
    func logLines(event: String?, path: String? = nil) -> [[String: Any]] {
        logEntries().filter {
            (event == nil || $0["event"] as? String == event) && (path == nil || $0["path"] as? String == path)
        }
    }

    /// Polls `condition` every `interval` seconds (for conditions that are costly to evaluate,
    /// such as listing 20,000 documents) until it holds or `timeout` seconds pass.
    @discardableResult
    func poll(timeout: Double, every interval: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(useconds_t(interval * 1_000_000))
        }
        return condition()
    }

    /// The inbox's regular files (relative paths), e.g. inputs not finalised yet.
    /// Inputs still in the inbox (the daemon's own `.watcherd.lock` is not one).
    func inboxFiles() -> [String] { files(under: inbox).filter { $0 != InboxLock.fileName } }

    /// Raw processing-log lines (to check no name forged one).
    func rawLogLines() -> [String] {
        let text = (try? String(contentsOf: state.appendingPathComponent("processing.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    /// Writes a marker article and waits for its document: everything the daemon had already been
    /// told about before it has had its chance to be processed (settle, queue, write in order).
    @discardableResult
    func quiesce(_ tag: String = UUID().uuidString, timeout: Double = 20) throws -> [String: Any] {
        let name = "zz-marker-\(tag).txt"
        try write(Articles.data("marker \(tag)"), as: name)
        let document = try document(for: name, timeout: timeout)
        // Settle time of anything that raced the marker.
        usleep(400_000)
        return document
    }

    // MARK: Ledger

    var ledger: URL { state.appendingPathComponent("ledger.sqlite") }

    /// The ledger's output path per content hash; nil when there is no ledger or it cannot be read.
    func ledgerOutputs() -> [String: String]? {
        guard exists(ledger) else { return nil }
        let result = Tool.run(
            "/usr/bin/sqlite3", ["-separator", "\t", ledger.path, "SELECT sha256, output_path FROM inputs;"])
        guard result.status == 0 else { return nil }
        var outputs: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count >= 2 { outputs[fields[0]] = fields[1] }
        }
        return outputs
    }

    /// Rows of the ledger's `inputs` table as (sha256, path, status); nil when there is no ledger
    /// or it cannot be read.
    func ledgerRows() -> [(sha256: String, path: String, status: String)]? {
        guard exists(ledger) else { return nil }
        let result = Tool.run(
            "/usr/bin/sqlite3", ["-separator", "\t", ledger.path, "SELECT sha256, path, status FROM inputs;"])
        guard result.status == 0 else { return nil }
        return result.output.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { return nil }
            return (fields[0], fields[1], fields[2])
        }
    }
}
