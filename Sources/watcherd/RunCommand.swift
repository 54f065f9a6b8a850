// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import Foundation
import Logging
import Operations
import Pipeline

/// `watcherd run`: the daemon. Reads the configuration, refuses bad directories before creating
/// anything, then runs the ``Daemon`` until SIGTERM or SIGINT.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Watch the inbox and process every article dropped into it (the daemon).")

    @OptionGroup var options: ConfigurationOptions
    @OptionGroup var extraction: ExtractionOptions

    func run() async throws {
        let level = LogLevelBox(.info)
        let journal = JournalLogHandler.stderrIsJournal(environment: ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, level: level, journal: journal) }
        let logger = Logger(label: "watcherd")
        let service: ServiceConfiguration
        let checked: DirectoryCheck.Result
        do throws(ConfigurationError) {
            service = try options.load()
            checked = DirectoryCheck.run(try service.directories(), configuration: service)
            let problems = checked.problems + service.ledgerProblems()
            guard problems.isEmpty else { throw ConfigurationError(problems) }
        } catch {
            for problem in error.problems {
                logger.critical("cannot start: \(problem)", metadata: ["code": "\(problem.code)"])
            }
            logger.critical("nothing was created; fix the configuration (watcherd validate) and start again")
            throw ExitCode(1)
        }
        level.level = Logger.Level(rawValue: service.string(.logLevel) ?? "info") ?? .info
        if let file = service.file { logger.info("configuration read", metadata: ["file": "\(file)"]) }
        for note in checked.notes { logger.notice("\(note)") }
        do {
            let daemon = try Daemon(
                service: service, layout: checked.layout, options: options,
                extraction: extraction.configuration(over: service), logLevel: level, logger: logger)
            try await daemon.run()
        } catch {
            logger.critical("stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
