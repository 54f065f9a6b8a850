// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser
import Operations

/// `watcherd`: the command line. The daemon is `watcherd run`.
@main
struct Watcherd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watcherd",
        abstract: "Turns news articles dropped into an inbox directory into JSON documents.",
        version: VersionInfo.text,
        subcommands: [
            RunCommand.self, ProcessCommand.self, ValidateCommand.self, StatusCommand.self, TailCommand.self,
            EvalCommand.self, EvalHTMLCommand.self, KeywordsCommand.self, NERCommand.self, ShowCommand.self,
            DigestCommand.self,
        ],
        defaultSubcommand: RunCommand.self)
}
