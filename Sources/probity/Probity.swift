import ArgumentParser
import Foundation

@main
struct Probity: ParsableCommand {
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "probity",
        abstract: "Advice on your council's member/officer protocol, quoting its own words.",
        discussion: """
            Run `probity` on its own to start a conversation. Every answer quotes the clauses of your \
            council's protocol word for word, and every conversation is kept as a transcript for the \
            Monitoring Officer. `--version` also names the knowledge in use and each council's protocol version.
            """,
        version: version,
        subcommands: [
            ChatCommand.self, WalkCommand.self, TopicsCommand.self, ClauseCommand.self,
            ValidateCommand.self, CoverageCommand.self, AskCommand.self, SearchCommand.self, DiffCommand.self, CompareCommand.self,
            TranscriptsCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    static func main() {
        Launcher.run(Array(CommandLine.arguments.dropFirst()))
    }
}
