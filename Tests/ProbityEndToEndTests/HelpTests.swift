import Foundation
import Testing

/// Every `--help` against its golden text (Tests/Fixtures/help/), and every example a help shows, run as written.
/// Re-record the golden text with PROBITY_UPDATE_HELP=1 swift test --filter HelpTests, then read the diff.
@Suite struct HelpTests {
    static let folder = Paths.repository + "/Tests/Fixtures/help"

    /// Every command path ("", "walk", "transcripts show" …), from the command definitions themselves.
    static let commands: [String] = {
        guard let result = try? Binary.run(["--experimental-dump-help"], knowledge: nil),
            let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let root = object["command"] as? [String: Any]
        else { return [] }
        func paths(_ command: [String: Any], _ prefix: [String]) -> [String] {
            let subcommands = (command["subcommands"] as? [[String: Any]]) ?? []
            return [prefix.joined(separator: " ")]
                + subcommands.flatMap { sub -> [String] in
                    guard let name = sub["commandName"] as? String, name != "help" else { return [] }
                    return paths(sub, prefix + [name])
                }
        }
        return paths(root, [])
    }()

    static func help(_ command: String) throws -> Binary.Result {
        try Binary.run(command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "100"], knowledge: nil)
    }

    @Test func everyCommandIsFound() {
        #expect(Self.commands.count > 10)
        #expect(Self.commands.contains("transcripts verify"))
    }

    @Test(arguments: commands) func helpMatchesItsGoldenText(command: String) throws {
        let result = try Self.help(command)
        #expect(result.status == 0)
        let file = Self.folder + "/" + (command.isEmpty ? "probity" : command.replacingOccurrences(of: " ", with: "-")) + ".txt"
        if ProcessInfo.processInfo.environment["PROBITY_UPDATE_HELP"] != nil {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: file, encoding: .utf8)
        #expect(result.stdout == golden, "probity \(command) --help differs from \(file); re-record with PROBITY_UPDATE_HELP=1 if the change is meant")
    }

    /// Lines of a help's discussion that begin `probity …`, split as a shell would (quotes kept together).
    static func examples(in help: String) -> [[String]] {
        help.split(separator: "\n").compactMap { line -> [String]? in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("  "), text.hasPrefix("probity ") else { return nil }
            var words: [String] = []
            var word = ""
            var quote: Character?
            for c in text {
                if let q = quote {
                    if c == q { quote = nil } else { word.append(c) }
                    continue
                }
                if c == "\"" || c == "'" {
                    quote = c
                    continue
                }
                if c == " " {
                    if !word.isEmpty {
                        words.append(word)
                        word = ""
                    }
                    continue
                }
                word.append(c)
            }
            if !word.isEmpty { words.append(word) }
            return Array(words.dropFirst())
        }
    }

    @Test func everyExampleInAHelpRuns() throws {
        var count = 0
        for command in Self.commands {
            for example in Self.examples(in: try Self.help(command).stdout) {
                count += 1
                let result = try Binary.run(example + ["--no-pager"])
                #expect(result.status == 0, "probity \(example.joined(separator: " ")): \(result.stderr)")
            }
        }
        #expect(count >= 5)
    }
}

/// The committed man page (docs/man/probity.1, made by scripts/generate-manual.sh) names every command and option
/// the binary has, and has the sections written for councillors and administrators.
@Suite struct ManualTests {
    @Test func theManPageIsUpToDateWithTheCommands() throws {
        let page = try String(contentsOfFile: Paths.repository + "/docs/man/probity.1", encoding: .utf8)
        let dump = try Binary.run(["--experimental-dump-help"], knowledge: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any]) {
            if let name = command["commandName"] as? String, !page.contains(name) { missing.append(name) }
            for argument in (command["arguments"] as? [[String: Any]]) ?? [] {
                for name in (argument["names"] as? [[String: Any]]) ?? [] where name["kind"] as? String == "long" {
                    if let long = name["name"] as? String, !page.contains(long) { missing.append("--" + long) }
                }
            }
            for sub in (command["subcommands"] as? [[String: Any]]) ?? [] { visit(sub) }
        }
        visit(try #require(object["command"] as? [String: Any]))
        #expect(missing.isEmpty, "docs/man/probity.1 lacks \(missing); run bash scripts/generate-manual.sh")
        for section in ["EXAMPLES", "FILES", "ENVIRONMENT", "EXIT STATUS"] { #expect(page.contains(".Sh \(section)")) }
    }
}
