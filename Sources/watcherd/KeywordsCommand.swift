// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser

/// `watcherd keywords ...`: building the keyword resources.
struct KeywordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywords", abstract: "Build the keyword document-frequency table.",
        subcommands: [KeywordsCountCommand.self])
}
