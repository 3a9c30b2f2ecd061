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
            var command = try Probity.parseAsRoot(arguments)
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
