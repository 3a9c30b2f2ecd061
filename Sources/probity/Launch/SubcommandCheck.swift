import ArgumentParser
import ProbityKit

/// A word where a subcommand belongs that is not one: `probity tpoics`. Without this check the word would be taken
/// as an argument of the default subcommand (the chat, or `transcripts list`) and refused with the wrong usage.
enum SubcommandCheck {
    /// Options that take a value, wherever they appear before the subcommand.
    /// (An array: a handful of words, and no `Set<String>` to set up at every start.)
    static let optionsWithValues: [String] = [
        "--knowledge", "--council", "--role", "--color", "--transcripts",
        "--generate-completion-script",
    ]

    /// The message for the first misplaced word, or nil when the words name commands (or there are none).
    static func problem(in arguments: [String], root: ParsableCommand.Type) -> String? {
        walk(arguments, root: root).problem
    }

    /// The names of the commands the words lead to ("probity transcripts show").
    static func path(of arguments: [String], root: ParsableCommand.Type) -> String {
        walk(arguments, root: root).path.joined(separator: " ")
    }

    private static func walk(_ arguments: [String], root: ParsableCommand.Type) -> (path: [String], problem: String?) {
        var path = [root.configuration.commandName ?? "probity"]
        guard !(arguments.first?.hasPrefix("---") ?? false) else { return (path, nil) }  // the shells' completion requests
        var command = root
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return (path, nil) }
            if word.hasPrefix("-") {
                index += optionsWithValues.contains(word) ? 2 : 1
                continue
            }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return (path, nil) }
            let names = subcommands.map { $0._commandName }
            if word == "help" { return (path, nil) }  // swift-argument-parser's own `help COMMAND`
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let shown = TerminalSafe.strip(word)
                let hint = Suggestions.sentence(for: word, among: names)
                return (
                    path,
                    "'\(shown)' is not a \(path.joined(separator: " ")) command. \(hint)\n"
                        + "See '\(path.joined(separator: " ")) --help' for what each does."
                )
            }
            command = next
            path.append(word)
            index += 1
        }
        return (path, nil)
    }
}
