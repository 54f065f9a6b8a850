// SPDX-License-Identifier: GPL-2.0-or-later

import ArgumentParser

/// `watcherd ner`: train, evaluate and time the named-entity model.
struct NERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner", abstract: "Train, evaluate and time the named-entity model.",
        subcommands: [NERTrainCommand.self, NEREvalCommand.self, NERBenchCommand.self])
}
