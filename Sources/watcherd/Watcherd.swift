import ArgumentParser

/// `watcherd`: the command line. The daemon is `watcherd run`.
@main
struct Watcherd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watcherd",
        abstract: "Turns news articles dropped into an inbox directory into JSON documents.",
        subcommands: [RunCommand.self, ProcessCommand.self, BenchExtractCommand.self],
        defaultSubcommand: RunCommand.self)
}
