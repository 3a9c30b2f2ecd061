import ArgumentParser
import ProbityKit

/// `probity ask`'s words read without swift-argument-parser: its reflection over the command's and the global
/// options' properties is two of the few milliseconds `ask` may take (BENCHMARKS.md, start-up). Only the plain forms
/// are read here: the question's words and `--limit N --explain --json --knowledge DIR --council ID --role R
/// --color WHEN --no-pager`, each at most once. Anything else (help, `--opt=value`, a value that looks like an
/// option, a repeated option, an unknown word, a question the command's own `validate()` refuses) gives nil, and the
/// parser reads the words as always, with its own messages. `QuickAskTests` checks that every command this returns
/// is the parser's, property by property.
enum QuickAsk {
    static func parse(_ words: [String]) -> AskCommand? {
        var global = GlobalOptions()
        global.knowledge = nil
        global.council = nil
        global.role = nil
        global.color = nil
        global.noPager = false
        var command = AskCommand()
        command.limit = AskCommand.defaultLimit
        command.explain = false
        command.json = false
        var question: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("-") else {
                question.append(word)
                continue
            }
            guard seen.insert(word).inserted else { return nil }
            switch word {
            case "--explain": command.explain = true
            case "--json": command.json = true
            case "--no-pager": global.noPager = true
            case "--limit", "--knowledge", "--council", "--role", "--color":
                guard index < words.count, !words[index].isEmpty, !words[index].hasPrefix("-") else { return nil }
                let value = words[index]
                index += 1
                switch word {
                case "--limit":
                    guard let limit = Int(value) else { return nil }
                    command.limit = limit
                case "--knowledge": global.knowledge = value
                case "--council": global.council = value
                case "--role":
                    guard let role = Role(argument: value) else { return nil }
                    global.role = role
                default:
                    guard let colour = ColourChoice(rawValue: value) else { return nil }
                    global.color = colour
                }
            default: return nil
            }
        }
        guard !question.isEmpty else { return nil }
        command.question = question
        command.global = global
        do { try command.validate() } catch { return nil }
        return command
    }
}
