import Foundation
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every command that shows knowledge refuses knowledge that `validate` refuses in what it reads, with validate's own
/// messages (file:line:column), and exit status 1: never a quiet quote. A command reads the catalogue, and the
/// councils it is about: a damaged council stops what reads it, and nothing else.
@Suite struct KnowledgeGateEndToEndTests {
    /// A private folder holding a copy of some knowledge, removed at the end.
    final class Copy {
        let root: String
        let knowledge: String
        init(of source: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("probity-gate-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            knowledge = root + "/Knowledge"
            try FileManager.default.copyItem(atPath: source, toPath: knowledge)
        }
        var cache: String { root + "/cache" }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    static func fixture(_ name: String) -> String { Paths.repository + "/Tests/Fixtures/knowledge/" + name }

    /// A clause of a shipped council whose text appears once in its version file, and that file with the clause's
    /// words changed: the council, the clause, the file (relative to the knowledge) and the words put in.
    static func alterAClause(in knowledge: String) throws -> (council: String, clause: String, file: String, inserted: String) {
        let shipped = ChatPlan.knowledge
        let council = try #require(shipped.councils.first, "the shipped knowledge has no council")
        let path = knowledge + "/" + council.file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let clause = try #require(
            council.clauses.first { $0.isAdvisory && text.components(separatedBy: $0.text).count == 2 },
            "no clause of \(council.id) appears exactly once, as it is, in \(council.file)")
        let inserted = "Probity was told otherwise:"
        try text.replacingOccurrences(of: clause.text, with: inserted + " " + clause.text).write(toFile: path, atomically: true, encoding: .utf8)
        return (council.id, clause.id, council.file, inserted)
    }

    static func expectValidatesMessage(_ result: Binary.Result, file: String, pattern: String, _ what: String) {
        #expect(result.status == 1, "\(what): \(result.stderr)")
        let located = NSRegularExpression.escapedPattern(for: file) + #":\d+:\d+: error: "# + pattern
        #expect(result.stderr.range(of: located, options: .regularExpression) != nil, "\(what): \(result.stderr)")
        #expect(result.stderr.contains("probity validate"), "\(what)")
    }

    @Test func anAlteredClauseStopsWalkClauseAndChat() throws {
        let copy = try Copy(of: Paths.repository + "/Knowledge")
        let altered = try Self.alterAClause(in: copy.knowledge)
        let topic = try #require(ChatPlan.knowledge.topics.first).id
        let message = #"clauses\[\d+\]\.text: clause "# + NSRegularExpression.escapedPattern(for: altered.clause) + #" is not the source's words"#
        let env = ["XDG_CACHE_HOME": copy.cache]

        let walk = try Binary.run(["walk", topic, "--council", altered.council, "--role", "member", "--json"], environment: env, knowledge: copy.knowledge)
        Self.expectValidatesMessage(walk, file: altered.file, pattern: message, "walk")
        let clause = try Binary.run(["clause", altered.council, altered.clause], environment: env, knowledge: copy.knowledge)
        Self.expectValidatesMessage(clause, file: altered.file, pattern: message, "clause")
        let home = try ChatHome()
        defer { home.remove() }
        let chat = try home.chat(
            ["chat", "--council", altered.council, "--role", "member"], input: "\(topic)\nquit\n", knowledge: copy.knowledge, extra: env)
        Self.expectValidatesMessage(chat, file: altered.file, pattern: message, "chat --council")
        #expect(!chat.stdout.contains(altered.inserted))
        #expect(!FileManager.default.fileExists(atPath: home.transcripts), "no transcript records the altered words")
        for result in [walk, clause] { #expect(!result.stdout.contains(altered.inserted)) }
    }

    /// Chosen in the chat (at the council question, or with `council X`), a damaged council is refused with validate's
    /// message and the chat goes on; nothing of it is shown or recorded as the protocol's words.
    @Test func theChatRefusesADamagedCouncilChosenInIt() throws {
        let copy = try Copy(of: Paths.repository + "/Knowledge")
        let altered = try Self.alterAClause(in: copy.knowledge)
        let other = try #require(ChatPlan.knowledge.councilIDs.first { $0 != altered.council })
        let topic = try #require(ChatPlan.knowledge.topics.first).id
        let located =
            NSRegularExpression.escapedPattern(for: altered.file) + #":\d+:\d+: error: clauses\[\d+\]\.text: clause "#
            + NSRegularExpression.escapedPattern(for: altered.clause) + " is not the source's words"
        let env = ["XDG_CACHE_HOME": copy.cache]
        let home = try ChatHome()
        defer { home.remove() }
        for (arguments, input) in [
            (["chat", "--role", "member"], "\(altered.council)\nquit\n"),
            (["chat", "--council", other, "--role", "member"], "council \(altered.council)\n\(topic)\nquit\n"),
        ] {
            let chat = try home.chat(arguments, input: input, knowledge: copy.knowledge, extra: env)
            #expect(chat.status == 0, "\(arguments): \(chat.stderr)")
            let shown = chat.stdout.split(separator: "\n").joined(separator: " ")
            #expect(shown.range(of: located, options: .regularExpression) != nil, "\(arguments): \(chat.stdout)")
            // The altered words appear only where validate's message says where the clause departs from its source.
            #expect(
                shown.components(separatedBy: altered.inserted).count == shown.components(separatedBy: "at \"" + altered.inserted).count,
                "\(arguments): \(chat.stdout)")
            #expect(chat.stdout.contains("Which council are you with?") || chat.stdout.contains("What would you like to ask?"))
            if let transcript = try FileManager.default.subpathsOfDirectory(atPath: home.transcripts).first(where: { $0.hasSuffix(".jsonl") }) {
                let recorded = try String(contentsOfFile: home.transcripts + "/" + transcript, encoding: .utf8)
                #expect(
                    recorded.components(separatedBy: altered.inserted).count == recorded.components(separatedBy: #"at \""# + altered.inserted).count,
                    "the altered words are recorded only in validate's message")
                try FileManager.default.removeItem(atPath: home.transcripts)
            }
        }
    }

    /// A damaged council stops nothing about another council, or none; `validate` and the commands that read every
    /// council (search, compare) still report it.
    @Test func aDamagedCouncilStopsOnlyWhatReadsIt() throws {
        let copy = try Copy(of: Paths.repository + "/Knowledge")
        let altered = try Self.alterAClause(in: copy.knowledge)
        let other = try #require(ChatPlan.knowledge.councilIDs.first { $0 != altered.council })
        let clause = try #require(ChatPlan.knowledge.council(id: other)?.clauses.first).id
        let topic = try #require(ChatPlan.knowledge.topics.first).id
        let message = #"clauses\[\d+\]\.text: clause "# + NSRegularExpression.escapedPattern(for: altered.clause) + #" is not the source's words"#
        let env = ["XDG_CACHE_HOME": copy.cache]
        for arguments in [
            ["walk", topic, "--council", other, "--role", "member"], ["clause", other, clause], ["ask", "can I see the exempt report"], ["topics"],
        ] {
            let result = try Binary.run(arguments, environment: env, knowledge: copy.knowledge)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let home = try ChatHome()
        defer { home.remove() }
        let chat = try home.chat(["chat", "--no-save", "--council", other, "--role", "member"], input: "quit\n", knowledge: copy.knowledge, extra: env)
        #expect(chat.status == 0, "\(chat.stderr)")
        for arguments in [["validate"], ["search", "information"], ["compare", topic]] {
            let result = try Binary.run(arguments, environment: env, knowledge: copy.knowledge)
            Self.expectValidatesMessage(result, file: altered.file, pattern: message, arguments.joined(separator: " "))
        }
    }

    /// A cycle is in a council's advice: what reads that council refuses it; `ask` and `topics` read only the catalogue.
    @Test func aCycleIsRefusedByWhatReadsItsCouncil() throws {
        let cycle = Self.fixture("cycle")
        let message = #"nodes\.[a-z-]+: the tree loops back on itself"#
        let file = "councils/testshire/advice/sample.json"
        let council = String(file.split(separator: "/")[1])
        Self.expectValidatesMessage(
            try Binary.run(["walk", "sample", "--council", council, "--role", "member"], knowledge: cycle), file: file, pattern: message, "walk")
        Self.expectValidatesMessage(try Binary.run(["validate"], knowledge: cycle), file: file, pattern: message, "validate")
        let home = try ChatHome()
        defer { home.remove() }
        Self.expectValidatesMessage(
            try home.chat(["chat", "--no-save", "--council", council], input: "quit\n", knowledge: cycle), file: file, pattern: message, "chat")
        for arguments in [["topics"], ["ask", "can I see the document?"]] {
            let result = try Binary.run(arguments, knowledge: cycle)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// `ask` can answer from the router's snapshot of the catalogue without reading it again; the gate comes first.
    @Test func askRefusesACatalogueBrokenAfterItsSnapshotWasTaken() throws {
        let copy = try Copy(of: Self.fixture("sound"))
        let env = ["XDG_CACHE_HOME": copy.cache]
        let first = try Binary.run(["ask", "can I see the document?"], environment: env, knowledge: copy.knowledge)
        #expect(first.status == 0, "\(first.stderr)")
        let topic = "catalogue/topics/sample.json"
        try FileManager.default.removeItem(atPath: copy.knowledge + "/" + topic)
        try FileManager.default.copyItem(atPath: Self.fixture("malformed-json") + "/" + topic, toPath: copy.knowledge + "/" + topic)
        let second = try Binary.run(["ask", "can I see the document?"], environment: env, knowledge: copy.knowledge)
        Self.expectValidatesMessage(second, file: topic, pattern: "malformed JSON", "ask")
    }

    @Test func anEmptyCatalogueIsNotSound() throws {
        let copy = try Copy(of: Paths.repository + "/Knowledge")
        let topics = copy.knowledge + "/catalogue/topics"
        for name in try FileManager.default.contentsOfDirectory(atPath: topics) { try FileManager.default.removeItem(atPath: topics + "/" + name) }
        let env = ["XDG_CACHE_HOME": copy.cache]
        for arguments in [["validate"], ["topics"], ["ask", "can I see it?"], ["search", "document"]] {
            let result = try Binary.run(arguments, environment: env, knowledge: copy.knowledge)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("catalogue/topics: error: the catalogue has no topics"), "\(arguments): \(result.stderr)")
        }
    }

    /// Runs `probity ARGS` as a user without root's power to read anything (when the tests run as root: `setpriv`).
    static func runUnprivileged(_ arguments: [String], knowledge: String, home: String) throws -> Binary.Result {
        let process = Process()
        let command = [Binary.path] + arguments + ["--knowledge", knowledge]
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups"] + command
        } else {
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
        }
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_CACHE_HOME"] = home + "/cache"
        env["NO_COLOR"] = "1"
        process.environment = env
        return try Binary.capture(process)
    }

    @Test func anUnreadableTopicsFolderIsReportedAsUnreadableNotMissing() throws {
        let copy = try Copy(of: Self.fixture("sound"))
        _ = chmod(copy.root, 0o755)
        let topics = copy.knowledge + "/catalogue/topics"
        #expect(chmod(topics, 0o000) == 0)
        defer { _ = chmod(topics, 0o755) }
        for arguments in [["topics"], ["validate"]] {
            let result = try Self.runUnprivileged(arguments, knowledge: copy.knowledge, home: copy.root)
            #expect(result.status == 1, "\(arguments): \(result.stdout)")
            #expect(
                result.stderr.contains("catalogue/topics: error: the folder catalogue/topics/ cannot be read (permission denied)"),
                "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("missing"), "\(arguments): \(result.stderr)")
        }
    }
}
