import Foundation
import Testing

/// On a terminal, output longer than the screen goes through the pager ($PROBITY_PAGER here, a command that keeps
/// what it was given); shorter output, piped output and --no-pager print straight out.
@Suite(.serialized) struct PagerTests {
    static let council =
        ((try? FileManager.default.contentsOfDirectory(atPath: Paths.repository + "/Knowledge/councils")) ?? [])
        .filter { !$0.hasPrefix(".") && !$0.contains(".") }.sorted().first ?? ""

    private func run(_ arguments: [String], home: ChatHome, record: String) throws -> Int32? {
        let terminal = try PseudoTerminal(arguments, home: home, environment: ["PROBITY_PAGER": "tee '\(record)' > /dev/null"])
        return terminal.waitForExit(seconds: 30)
    }

    @Test func longOutputIsPagedShortOutputIsNot() throws {
        let home = try ChatHome()
        defer { home.remove() }
        let record = home.root + "/paged"
        #expect(try run(["clause", Self.council, "--all"], home: home, record: record) == 0)
        let paged = (try? String(contentsOfFile: record, encoding: .utf8)) ?? ""
        #expect(paged.split(separator: "\n").count > 40, "the long listing did not go through the pager")

        try? FileManager.default.removeItem(atPath: record)
        #expect(try run(["clause", Self.council, "--all", "--no-pager"], home: home, record: record) == 0)
        #expect(!FileManager.default.fileExists(atPath: record), "--no-pager still paged")

        let short = try Binary.run(["clause", Self.council, "--all"], environment: ["PROBITY_PAGER": "tee '\(record)' > /dev/null"])
        #expect(short.status == 0)
        #expect(!FileManager.default.fileExists(atPath: record), "piped output went through the pager")
    }
}
