// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser

/// `watcherd eval ...`: evaluations of the extractors against hand-labelled data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Score the extractors against labelled data.",
        subcommands: [EvalQuotesDatesCommand.self])
}
