import ArgumentParser
import Foundation
import Logging
import Pipeline

/// `watcherd run`: the daemon.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Watch the inbox and process every article dropped into it (the daemon).")

    @OptionGroup var directories: DirectoryOptions

    @Option(help: "stderr log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "watcherd")
        let configuration = try directories.configuration()
        do {
            let daemon = try Daemon(configuration: configuration, logger: logger)
            try daemon.start()
        } catch {
            logger.critical("cannot start", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        dispatchMain()
    }
}
