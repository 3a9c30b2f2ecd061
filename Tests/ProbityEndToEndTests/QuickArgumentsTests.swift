import Foundation
import Testing

/// The plain words of `probity ask` and `probity chat` are read without swift-argument-parser (`QuickArguments`, for
/// start-up); any other form goes through the parser. The same request written both ways (`--limit 2`, read quickly;
/// `--limit=2`, which only the parser reads) must give the same output, messages and exit status.
@Suite struct QuickArgumentsTests {
    static let cases: [(quick: [String], parsed: [String])] = [
        (["a journalist rang me about the depot closure", "--json"], ["--limit=5", "a journalist rang me about the depot closure", "--json"]),
        (["--json", "--limit", "2", "can", "I", "use", "the", "council", "printer"], ["--json", "--limit=2", "can", "I", "use", "the", "council", "printer"]),
        (
            ["--council", "carl", "--role", "councillor", "--json", "can I accept a bottle of wine from a contractor?"],
            ["--council=carl", "--role=councillor", "--json", "can I accept a bottle of wine from a contractor?"]
        ),
        (["can", "I", "see", "the", "exempt", "report", "--explain"], ["can", "I", "see", "the", "exempt", "report", "--explain", "--limit=5"]),
        (["--color", "always", "--no-pager", "a journalist rang me"], ["--color=always", "--no-pager", "a journalist rang me"]),
        (
            ["--knowledge", Paths.repository + "/Knowledge", "--json", "tell me a joke"],
            ["--knowledge=" + Paths.repository + "/Knowledge", "--json", "tell me a joke"]
        ),
        (["help", "me", "--json"], ["help", "me", "--json", "--limit=5"]),
        (["--limit", "0", "a journalist rang me"], ["--limit=0", "a journalist rang me"]),
        (["--role", "mayor", "a journalist rang me"], ["--role=mayor", "a journalist rang me"]),
        (["--council", "nowhere", "a journalist rang me"], ["--council=nowhere", "a journalist rang me"]),
        (["   "], ["   ", "--limit=5"]),
    ]

    @Test(arguments: cases.indices)
    func askReadQuicklyOrByTheParserTheSame(_ index: Int) throws {
        let (quick, parsed) = Self.cases[index]
        let a = try Binary.run(["ask"] + quick)
        let b = try Binary.run(["ask"] + parsed)
        #expect(a.status == b.status, "\(quick): \(a.stderr) / \(b.stderr)")
        #expect(a.stdout == b.stdout, "\(quick)")
        #expect(a.stderr == b.stderr, "\(quick)")
    }

    static let chats: [(quick: [String], parsed: [String], input: String)] = [
        (["--no-save", "--council", "carlisle", "--role", "member"], ["--no-save", "--council=carlisle", "--role=member"], "quit\n"),
        (["--no-save", "--role", "officer"], ["--no-save", "--role=officer"], "wiltshire\nquit\n"),
        (["--color", "never", "--no-save", "--council", "wilts", "--no-pager"], ["--color=never", "--no-save", "--council=wilts", "--no-pager"], "quit\n"),
        (["--no-save", "--council", "nowhere"], ["--no-save", "--council=nowhere"], "quit\n"),
        (["--no-save", "--role", "mayor"], ["--no-save", "--role=mayor"], "quit\n"),
        (["--no-save", "stray"], ["--no-save", "--role=member", "stray"], "quit\n"),
    ]

    @Test(arguments: chats.indices)
    func chatReadQuicklyOrByTheParserTheSame(_ index: Int) throws {
        let (quick, parsed, input) = Self.chats[index]
        let home = try ChatHome()
        defer { home.remove() }
        let a = try home.chat(["chat"] + quick, input: input)
        let b = try home.chat(["chat"] + parsed, input: input)
        #expect(a.status == b.status, "\(quick): \(a.stderr) / \(b.stderr)")
        #expect(a.stdout == b.stdout, "\(quick)")
        #expect(a.stderr == b.stderr, "\(quick)")
    }
}
