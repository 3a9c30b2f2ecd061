import ArgumentParser
import ProbityKit

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Talk it through: ask a question in your own words.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Where transcripts are saved (default: $PROBITY_TRANSCRIPTS, else transcripts/).", valueName: "dir"))
    var transcripts: String?
    @Flag(help: "Record nothing.") var noSave = false

    func run() throws {
        let knowledge = try global.loadKnowledge()
        _ = try global.session(knowledge)
        Output.line("Probity: the chat is not built yet. Try `probity topics` or `probity walk TOPIC`.")
    }
}
