import ArgumentParser
import Foundation
import ProbityKit

/// Runs `probity` as a Unix tool should: a mistyped subcommand gets a "did you mean" (exit 64); the global options are
/// settled before any command runs (`--council` resolved, colour chosen, the pager readied); every message is printed
/// free of control characters, whatever the user typed; help and `--version` go to stdout, errors to stderr.
enum Launcher {
    static func run(_ arguments: [String]) -> Never {
        if let problem = SubcommandCheck.problem(in: arguments, root: Probity.self) {
            Output.error("Error: \(problem)")
            exit(ExitCode.validationFailure.rawValue)
        }
        var parsed = false
        do {
            var command = try parseDirectly(arguments) ?? Probity.parseAsRoot(arguments)
            parsed = true
            if var withOptions = command as? any TakesGlobalOptions {
                try prepare(&withOptions)
                command = withOptions
            }
            try command.run()
            Output.finish()
            exit(0)
        } catch {
            Output.finish()
            let code = Probity.exitCode(for: error)
            var message = Probity.fullMessage(for: error)
            if parsed, let error = error as? ValidationError {
                // Found once the command ran (an unknown council, topic, clause or answer): the command's own help.
                message = "Error: \(error.message)\nSee '\(SubcommandCheck.path(of: arguments, root: Probity.self)) --help' for how to use it."
            }
            if code == .success && message == Probity.version {
                message = VersionReport.text(knowledgeDirectory: KnowledgeLocator.locate(explicit: ArgumentWords.value(of: "--knowledge", in: arguments)))
            }
            message = TerminalSafe.strip(message)
            if code == .success {
                Output.raw(message.hasSuffix("\n") || message.isEmpty ? message : message + "\n")
            } else if !message.isEmpty {
                Output.error(message)
            }
            exit(code.rawValue)
        }
    }

    static let rootName = "probity"

    /// The commands that a run naming them first is parsed as, on their own: the one-council commands, whose start-up
    /// is measured against a hello-world. Each names `probity` as its super-command, so that swift-argument-parser
    /// skips its completion-script check (`--generate-completion-script` is the root's) when it is parsed as the root.
    static let parsedDirectly: [any ParsableCommand.Type] = [AskCommand.self, ChatCommand.self, WalkCommand.self, ClauseCommand.self, TopicsCommand.self]

    /// `probity COMMAND ARGS…` for a command of `parsedDirectly`, parsed as that command alone: the same command and
    /// values as from the root, without building the root's argument set and checking every subcommand (a few
    /// milliseconds of reflection at every start). Nil when the words do not start with such a command, or when they
    /// do not parse (help, a usage error…): the root then parses them, and says what it always says.
    static func parseDirectly(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let name = arguments.first, let command = parsedDirectly.first(where: { $0._commandName == name }) else { return nil }
        let rest = Array(arguments.dropFirst())
        if command == AskCommand.self, let ask = QuickArguments.ask(rest) { return ask }
        if command == ChatCommand.self, let chat = QuickArguments.chat(rest) { return chat }
        // Help comes back as a command of the parser's own (not an error): only the command itself is taken.
        guard let parsed = try? command.parseAsRoot(rest), type(of: parsed) == command else { return nil }
        return parsed
    }

    /// Colour, the council named with --council (checked against the knowledge, whatever the command), the pager.
    private static func prepare(_ command: inout any TakesGlobalOptions) throws {
        Output.colourChoice = command.global.color ?? .auto
        if let typed = command.global.council {
            let knowledge = try command.global.loadKnowledge(councils: .none)
            command.global.council = try CouncilNames.resolve(typed, in: knowledge)
        }
        if type(of: command).pages && !command.global.noPager && Output.isTerminal {
            Output.holdForPager()
        }
    }
}
