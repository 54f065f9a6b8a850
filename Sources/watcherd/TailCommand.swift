// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import Foundation
import Glibc
import Operations
import Pipeline

/// `watcherd tail [-f] [--failed-only] [--path GLOB] [-n N | --all]`: the processing log as readable lines,
/// coloured when stdout is a terminal (and `NO_COLOR` is unset); `-f` follows it across
/// rotation (the file renamed away and recreated) until interrupted.
struct TailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail", abstract: "Show the processing log as readable lines; -f follows it across rotation.")

    @Flag(name: [.customShort("f"), .long], help: "Keep reading as lines are appended, across log rotation.")
    var follow = false

    @Flag(help: "Only failures (and other error lines).")
    var failedOnly = false

    @Option(name: .customLong("path"), help: "Only entries whose path matches this shell pattern (* matches /).")
    var pathGlob: String?

    @Option(name: [.customShort("n"), .customLong("lines")], help: "Show the last N matching lines first (10).")
    var lines = 10

    @Flag(help: "Show every matching line in the log first, not only the last N.")
    var all = false

    @OptionGroup var options: ConfigurationOptions

    mutating func validate() throws {
        guard lines >= 0 else { throw ValidationError("--lines must be >= 0") }
    }

    func run() throws {
        let layout: DirectoryLayout
        do throws(ConfigurationError) {
            layout = try options.load().directories()
        } catch {
            for problem in error.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            throw ExitCode(2)
        }
        let path = layout.state.appending("processing.log").string
        let filter = TailFilter(failedOnly: failedOnly, pathGlob: pathGlob)
        let colour = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let follower = LogFollower(path: path, fromEnd: false)
        var shown = follower.poll().filter(filter.matches)
        if !all, shown.count > lines { shown.removeFirst(shown.count - lines) }
        emit(shown, colour: colour)
        guard follow else { return }
        // Interrupts end the follow loop; a parent may have left them blocked (a Dispatch worker
        // thread's mask is inherited across exec).
        var interrupts = sigset_t()
        sigemptyset(&interrupts)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] {
            sigaddset(&interrupts, signalNumber)
            signal(signalNumber, SIG_DFL)
        }
        sigprocmask(SIG_UNBLOCK, &interrupts, nil)
        while true {
            usleep(200_000)
            emit(follower.poll().filter(filter.matches), colour: colour)
        }
    }

    private func emit(_ entries: [ProcessingLogEntry], colour: Bool) {
        guard !entries.isEmpty else { return }
        let text = entries.map { TailFormatter.line($0, colour: colour) + "\n" }.joined()
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
