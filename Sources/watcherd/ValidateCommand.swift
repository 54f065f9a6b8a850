// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import Foundation
import Operations

/// `watcherd validate [PATH]`: checks the configuration file (syntax, keys, types, ranges) and
/// the directories it names (see ``DirectoryCheck``), as `run` would, without creating anything.
/// Prints `PATH: ok` (and what `run` would resolve or create) and exits 0, or prints each problem
/// as `FILE:LINE: KEY: message` on stderr and exits 1.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the configuration file and the directories it names; exit 1 naming each line at fault.")

    @Argument(
        help: ArgumentHelp("Configuration file (default: --config, or /etc/watcherd/watcherd.toml).", valueName: "path")
    )
    var path: String?

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let (_, result) = try Self.check(options: options, explicitPath: path)
        let name = result.file ?? "(no configuration file; flags only)"
        print("\(name): ok")
        for note in result.notes { print("note: \(note)") }
    }

    struct Checked {
        var file: String?
        var notes: [String]
    }

    /// Loads and checks; prints the problems on stderr and throws `ExitCode(1)` when there are any.
    static func check(
        options: ConfigurationOptions, explicitPath: String?
    ) throws -> (ServiceConfiguration, Checked) {
        do throws(ConfigurationError) {
            let configuration = try options.load(explicitPath: explicitPath)
            let layout = try configuration.directories()
            let result = DirectoryCheck.run(layout, configuration: configuration)
            let problems = result.problems + configuration.ledgerProblems()
            guard problems.isEmpty else { throw ConfigurationError(problems) }
            var notes = result.notes
            if case .postgres(let location) = configuration.ledgerLocation {
                notes.append(
                    "ledger \(location.redacted) is shared: the inbox lock is not taken, and this host claims "
                        + "each input before processing it (lease \(configuration.integer(.ledgerLeaseSeconds)) s, "
                        + "heartbeat \(configuration.integer(.ledgerHeartbeatSeconds)) s); the server is not contacted here"
                )
            }
            return (configuration, Checked(file: configuration.file, notes: notes))
        } catch {
            for problem in error.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            let count = error.problems.count
            FileHandle.standardError.write(
                Data("watcherd: configuration not valid: \(count) problem\(count == 1 ? "" : "s")\n".utf8))
            throw ExitCode(1)
        }
    }
}
