import ArgumentParser
import Operations

/// `watcherd`: the command line. The daemon is `watcherd run`.
@main
struct Watcherd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watcherd",
        abstract: "Turns news articles dropped into an inbox directory into JSON documents.",
        version: VersionInfo.text,
        subcommands: [
            RunCommand.self, ProcessCommand.self, ValidateCommand.self, StatusCommand.self, TailCommand.self,
            BenchExtractCommand.self,
        ],
        defaultSubcommand: RunCommand.self)
}
