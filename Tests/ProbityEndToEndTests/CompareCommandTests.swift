import Foundation
import Testing

/// `probity compare`: a topic side by side across councils.
@Suite struct CompareCommandTests {
    static let councils = ["Blackburn with Darwen", "Carlisle", "Tower Hamlets", "Wiltshire"]

    @Test func partyGroupBriefingShowsFourCouncilsSideBySideWhenWide() throws {
        let result = try Binary.run(["compare", "party-group-briefing"], environment: ["COLUMNS": "160"])
        #expect(result.status == 0, "\(result.stderr)")
        let header = try #require(
            result.stdout.split(separator: "\n").first { line in Self.councils.allSatisfy { line.contains($0) } },
            "no row names all four councils:\n\(result.stdout)")
        #expect(header.contains("│"))
        #expect(result.stdout.contains("Verdicts"))
        #expect(result.stdout.contains("Clauses"))
    }

    @Test func narrowOutputIsStacked() throws {
        let result = try Binary.run(["compare", "party-group-briefing"], environment: ["COLUMNS": "70"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("│"))
        for name in Self.councils { #expect(result.stdout.contains(name)) }
    }

    @Test func answersShowWhereCouncilsDiffer() throws {
        let result = try Binary.run(["compare", "document-access", "--role", "officer", "--answer", "carl-off-what=other-group", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["topic"] as? String == "document-access")
        let councils = try #require(report["councils"] as? [[String: Any]])
        #expect(councils.count == 4)
        let carlisle = try #require(councils.first { $0["council"] as? String == "carlisle" })
        let outcome = try #require(carlisle["outcome"] as? [String: Any])
        #expect(outcome["status"] as? String == "advice")
        #expect(report["outcomesDiffer"] is Bool)
        for council in councils { #expect(council["outcome"] != nil) }
    }

    @Test func markdownIsATable() throws {
        let result = try Binary.run(["compare", "media-contact", "--format", "md"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# "))
        #expect(result.stdout.contains("| **Verdicts** |"))
    }

    @Test func mistakesAreUsageErrors() throws {
        let unknown = try Binary.run(["compare", "no-such-topic"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("is not a topic"))
        let badAnswer = try Binary.run(["compare", "document-access", "--answer", "nonsense"])
        #expect(badAnswer.status == 64)
        #expect(badAnswer.stderr.contains("FACT=OPTION"))
    }
}
