import ArgumentParser
import ProbityKit

/// The plain words of `probity ask` and `probity chat` read without swift-argument-parser: its reflection over a
/// command's and the global options' properties is two of the few milliseconds these commands may take to start
/// (BENCHMARKS.md, start-up). Only the plain forms are read here: each `--option value` or `--flag` a command takes,
/// at most once, and the words of `ask`'s question. Anything else (help, `--option=value`, a value that looks like an
/// option, a repeated option, an unknown word, what the command's own `validate()` refuses) gives nil, and the parser
/// reads the words as always, with its own messages. `QuickArgumentsTests` runs requests both ways and compares
/// what they do. An option added to `AskCommand`, `ChatCommand` or `GlobalOptions` must be given its default here too:
/// a property left unset stops the process when it is read (and those tests then fail).
enum QuickArguments {
    static func ask(_ words: [String]) -> AskCommand? {
        var command = AskCommand()
        var global = defaultGlobal()
        command.limit = AskCommand.defaultLimit
        command.explain = false
        command.json = false
        let read = self.read(words, flags: ["--explain", "--json"], options: ["--limit"], global: &global) { name, value in
            switch name {
            case "--explain": command.explain = true
            case "--json": command.json = true
            default:
                guard let limit = value.flatMap({ Int($0) }) else { return false }
                command.limit = limit
            }
            return true
        }
        guard let question = read, !question.isEmpty else { return nil }
        command.question = question
        command.global = global
        do { try command.validate() } catch { return nil }
        return command
    }

    static func chat(_ words: [String]) -> ChatCommand? {
        var command = ChatCommand()
        var global = defaultGlobal()
        command.transcripts = nil
        command.noSave = false
        command.store = nil
        let read = self.read(words, flags: ["--no-save"], options: ["--transcripts", "--store"], global: &global) { name, value in
            switch name {
            case "--no-save": command.noSave = true
            case "--transcripts": command.transcripts = value
            default: command.store = value
            }
            return true
        }
        guard let positional = read, positional.isEmpty else { return nil }
        command.global = global
        do { try command.validate() } catch { return nil }
        return command
    }

    /// The global options with no word given.
    private static func defaultGlobal() -> GlobalOptions {
        var global = GlobalOptions()
        global.knowledge = nil
        global.council = nil
        global.role = nil
        global.color = nil
        global.noPager = false
        return global
    }

    /// Reads `words`: the global options into `global`, the command's own through `apply` (false: not a value it
    /// takes), and returns the other words; nil for any form left to the parser.
    private static func read(
        _ words: [String], flags: Set<String>, options: Set<String>, global: inout GlobalOptions, apply: (String, String?) -> Bool
    ) -> [String]? {
        var positional: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("-") else {
                positional.append(word)
                continue
            }
            guard seen.insert(word).inserted else { return nil }
            if word == "--no-pager" {
                global.noPager = true
                continue
            }
            if flags.contains(word) {
                guard apply(word, nil) else { return nil }
                continue
            }
            let isGlobal = ["--knowledge", "--council", "--role", "--color"].contains(word)
            guard isGlobal || options.contains(word), index < words.count, !words[index].isEmpty, !words[index].hasPrefix("-") else { return nil }
            let value = words[index]
            index += 1
            switch word {
            case "--knowledge": global.knowledge = value
            case "--council": global.council = value
            case "--role":
                guard let role = Role(argument: value) else { return nil }
                global.role = role
            case "--color":
                guard let colour = ColourChoice(rawValue: value) else { return nil }
                global.color = colour
            default:
                guard apply(word, value) else { return nil }
            }
        }
        return positional
    }
}
