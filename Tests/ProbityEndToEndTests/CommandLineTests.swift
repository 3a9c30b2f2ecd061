import Foundation
import Testing

/// The command line as a Unix tool: did-you-mean and exit 64 for every unknown value, the settings files honoured by
/// every command, no control characters echoed back, colour conventions.
@Suite struct CommandLineTests {
    static let councils = ((try? FileManager.default.contentsOfDirectory(atPath: Paths.repository + "/Knowledge/councils")) ?? [])
        .filter { !$0.hasPrefix(".") && !$0.contains(".") }.sorted()

    /// A clause id of a council, from `clause ID --all --json`.
    static func someClause(of council: String) throws -> String {
        let listing = try Binary.run(["clause", council, "--all", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])
        let clauses = try #require(object["clauses"] as? [[String: Any]])
        return try #require(clauses.last?["id"] as? String)
    }

    @Test func aMistypedCommandSuggestsTheNearestAndIsAUsageError() throws {
        let result = try Binary.run(["tpoics"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Did you mean topics?"), "\(result.stderr)")
        let nested = try Binary.run(["transcripts", "verfy"])
        #expect(nested.status == 64 && nested.stderr.contains("verify"), "\(nested.stderr)")
    }

    @Test func unknownValuesAreUsageErrorsEverywhere() throws {
        let council = try #require(Self.councils.first)
        for command in [["topics"], ["ask", "a question"], ["validate"], ["transcripts", "list"], ["search", "press"], ["coverage"]] {
            let result = try Binary.run(command + ["--council", "nowhere"])
            #expect(result.status == 64, "\(command): \(result.stderr)")
        }
        let typo = try Binary.run(["topics", "--council", String(council.dropLast()) + "x"])
        #expect(typo.status == 64 && typo.stderr.contains("Did you mean"), "\(typo.stderr)")
        #expect(try Binary.run(["clause", council, "99999"]).status == 64)
        #expect(try Binary.run(["ask", "--limit", "-1", "press"]).status == 64)
        #expect(try Binary.run(["ask", "--limit=-1", "press"]).status == 64)
        #expect(try Binary.run(["walk", "media-contact", "--council", council, "--role", "member", "--answer", "="]).status == 64)
        // A unique start of an id is taken, and named back.
        let prefix = String(council.prefix(4))
        if Self.councils.filter({ $0.hasPrefix(prefix) }).count == 1 {
            let result = try Binary.run(["clause", prefix, try Self.someClause(of: council)])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("\(council) (from '\(prefix)')"))
        }
    }

    @Test func councillorIsAMemberOnTheCommandLine() throws {
        let council = try #require(Self.councils.first)
        let result = try Binary.run(["walk", "media-contact", "--council", council, "--role", "councillor", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func controlCharactersTypedAreNeverEchoed() throws {
        for arguments in [["\u{1B}]0;owned\u{7}tpoics"], ["walk", "\u{1B}[31mred"], ["clause", "\u{1B}[2J", "1"]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 64)
            #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(arguments)")
        }
    }

    @Test func theSettingsFilesGiveTheCouncilToEveryCommand() throws {
        let council = try #require(Self.councils.last)
        let clause = try Self.someClause(of: council)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("probity-settings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "council = \(council)\nrole = councillor\n".write(toFile: folder + "/system", atomically: true, encoding: .utf8)
        let environment = ["PROBITY_SYSTEM_CONFIG": folder + "/system", "XDG_CONFIG_HOME": folder + "/user"]
        let result = try Binary.run(["clause", clause, "--json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"council\" : \"\(council)\"") || result.stdout.contains("\"council\":\"\(council)\""), "\(result.stdout.prefix(300))")
        // diff, like clause, takes the settings file's council when none is named.
        let diff = try Binary.run(["diff", "--json"], environment: environment)
        #expect(diff.status == 0 && diff.stdout.contains(council), "\(diff.stderr)")
        // The user's file wins over the system's.
        try FileManager.default.createDirectory(atPath: folder + "/user/probity", withIntermediateDirectories: true)
        try "council = nowhere\n".write(toFile: folder + "/user/probity/config", atomically: true, encoding: .utf8)
        let wrong = try Binary.run(["clause", clause], environment: environment)
        #expect(wrong.status == 1 && wrong.stderr.contains(folder + "/user/probity/config"), "\(wrong.stderr)")
    }

    @Test func colourFollowsTheConventions() throws {
        let council = try #require(Self.councils.first)
        let clause = try Self.someClause(of: council)
        let forced = try Binary.run(["clause", council, clause], environment: ["NO_COLOR": "", "CLICOLOR_FORCE": "1"])
        #expect(forced.stdout.contains("\u{1B}["))
        let never = try Binary.run(["clause", council, clause, "--color", "never"], environment: ["NO_COLOR": "", "CLICOLOR_FORCE": "1"])
        #expect(!never.stdout.contains("\u{1B}["))
        let always = try Binary.run(["clause", council, clause, "--color", "always"])
        #expect(always.stdout.contains("\u{1B}["))
        // COLUMNS is the width when piped.
        let narrow = try Binary.run(["clause", council, clause], environment: ["COLUMNS": "40"])
        // (A single word longer than that, such as a file's path, stands on its own line.)
        #expect(
            narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 || !$0.trimmingCharacters(in: .whitespaces).contains(" ") },
            "\(narrow.stdout)")
    }
}

/// What Probity says on stderr about a file the user named never carries the name's control characters.
@Suite struct StandardErrorTests {
    @Test func aFileNameWithEscapesIsNotEchoedAsEscapes() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let council = try #require(CommandLineTests.councils.first)
        _ = try home.chat(["chat", "--council", council, "--role", "member"], input: "quit\n")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: home.transcripts).first { $0.hasSuffix(".jsonl") })
            .replacingOccurrences(of: ".jsonl", with: "")
        let output = home.root + "/\u{1B}]0;owned\u{7}export.md"
        let result = try Binary.run(["transcripts", "export", id, "--format", "md", "-o", output, "--transcripts", home.transcripts])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("export.md"))
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(result.stderr.debugDescription)")
    }
}
