import ArgumentParser
import Foundation
import Logging
import Pipeline

/// `watcherd run`: the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Watch the inbox and process every article dropped into it (the daemon).")

    @OptionGroup var directories: DirectoryOptions
    @OptionGroup var extraction: ExtractionOptions

    @Option(help: "stderr log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "watcherd")
        let configuration = try directories.configuration()
        do {
            let daemon = try Daemon(configuration: configuration, extraction: extraction.configuration, logger: logger)
            try await daemon.run()
        } catch {
            logger.critical("stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
