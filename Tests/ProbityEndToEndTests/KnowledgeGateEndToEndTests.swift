import Foundation
import ProbityKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every command that shows knowledge refuses knowledge that `validate` refuses, with validate's own messages
/// (file:line:column), and exit status 1: never a quiet quote.
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
        for arguments in [["chat", "--council", altered.council, "--role", "member"], ["chat"]] {
            let chat = try home.chat(arguments, input: "\(altered.council)\nmember\n\(topic)\nquit\n", knowledge: copy.knowledge, extra: env)
            Self.expectValidatesMessage(chat, file: altered.file, pattern: message, arguments.joined(separator: " "))
            #expect(!chat.stdout.contains(altered.inserted))
        }
        #expect(!FileManager.default.fileExists(atPath: home.transcripts), "no transcript records the altered words")
        for result in [walk, clause] { #expect(!result.stdout.contains(altered.inserted)) }
    }

    @Test func aCycleIsRefusedByChatAskAndTopics() throws {
        let cycle = Self.fixture("cycle")
        let message = #"nodes\.[a-z-]+: the tree loops back on itself"#
        let file = "councils/testshire/advice/sample.json"
        Self.expectValidatesMessage(try Binary.run(["topics"], knowledge: cycle), file: file, pattern: message, "topics")
        Self.expectValidatesMessage(try Binary.run(["ask", "can I see the document?"], knowledge: cycle), file: file, pattern: message, "ask")
        let home = try ChatHome()
        defer { home.remove() }
        Self.expectValidatesMessage(try home.chat(["chat", "--no-save"], input: "quit\n", knowledge: cycle), file: file, pattern: message, "chat")
    }

    /// `ask` can answer from the router's snapshot of the catalogue without reading the councils; the gate comes first.
    @Test func askRefusesACycleAddedAfterItsSnapshotWasTaken() throws {
        let copy = try Copy(of: Self.fixture("sound"))
        let env = ["XDG_CACHE_HOME": copy.cache]
        let first = try Binary.run(["ask", "can I see the document?"], environment: env, knowledge: copy.knowledge)
        #expect(first.status == 0, "\(first.stderr)")
        let advice = "councils/testshire/advice/sample.json"
        try FileManager.default.removeItem(atPath: copy.knowledge + "/" + advice)
        try FileManager.default.copyItem(atPath: Self.fixture("cycle") + "/" + advice, toPath: copy.knowledge + "/" + advice)
        let second = try Binary.run(["ask", "can I see the document?"], environment: env, knowledge: copy.knowledge)
        Self.expectValidatesMessage(second, file: advice, pattern: "nodes\\.[a-z-]+: the tree loops back on itself", "ask")
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
