import Foundation
import Testing

/// Runs the built `probity` for the core commands: validate, walk, clause, topics.
@Suite struct CoreCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any], "stdout is not one JSON object: \(text.prefix(200))")
    }

    @Test func validateAcceptsTheShippedKnowledge() throws {
        let result = try Binary.run(["validate"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("is sound"))
    }

    @Test(arguments: ["malformed-json", "missing-field", "wrong-type", "dangling-citation", "dangling-next", "unreachable-node", "cycle"])
    func validateRejectsBrokenKnowledge(fixture: String) throws {
        let result = try Binary.run(["validate"], knowledge: Paths.repository + "/Tests/Fixtures/knowledge/" + fixture)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        // Each problem in the form editors jump to: the file from where the command ran, then line and column.
        #expect(result.stderr.contains("/Tests/Fixtures/knowledge/\(fixture)/"), "\(result.stderr)")
        #expect(result.stderr.range(of: #"sample\.json:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(result.stderr)")
        #expect(result.stderr.contains("Fix them and run `probity validate` again"))
    }

    @Test func validateJSONListsIssuesWithPaths() throws {
        let result = try Binary.run(["validate", "--json"], knowledge: Paths.repository + "/Tests/Fixtures/knowledge/dangling-next")
        #expect(result.status == 1)
        let report = try json(result.stdout)
        #expect(report["ok"] as? Bool == false)
        let issues = try #require(report["issues"] as? [[String: Any]])
        #expect(issues.contains { $0["path"] as? String == "nodes.kind.next.no" && $0["file"] as? String == "councils/testshire/advice/sample.json" })
    }

    @Test func otherCommandsRefuseBrokenKnowledgeWithExitOne() throws {
        // A broken advice file stops any command about that council…
        let walk = try Binary.run(
            ["walk", "sample", "--council", "testshire", "--role", "member"],
            knowledge: Paths.repository + "/Tests/Fixtures/knowledge/dangling-next")
        #expect(walk.status == 1)
        #expect(walk.stderr.contains("councils/testshire/advice/sample.json:6:13: error: nodes.kind.next.no: points to \"nowhere\""), "\(walk.stderr)")
        #expect(walk.stdout.isEmpty)
        // …and a broken catalogue stops every command.
        let topics = try Binary.run(["topics"], knowledge: Paths.repository + "/Tests/Fixtures/knowledge/missing-field")
        #expect(topics.status == 1)
        #expect(topics.stderr.contains("catalogue/topics/sample.json:"), "\(topics.stderr)")
        #expect(topics.stdout.isEmpty)
    }

    /// The knowledge gate is scoped to what a command reads: another council's broken advice does not stop a command
    /// about one council (it stops one about that council, with validate's message; see the test above).
    @Test func anotherCouncilsBrokenAdviceDoesNotStopACommandAboutOneCouncil() throws {
        let result = try Binary.run(
            ["walk", "sample", "--council", "otherton", "--role", "member", "--json"],
            knowledge: Paths.repository + "/Tests/Fixtures/knowledge/dangling-next")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try json(result.stdout)["status"] as? String == "advice")
        let validate = try Binary.run(["validate"], knowledge: Paths.repository + "/Tests/Fixtures/knowledge/dangling-next")
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("councils/testshire/advice/sample.json:6:13: error: nodes.kind.next.no: points to \"nowhere\""), "\(validate.stderr)")
    }

    @Test func walkingIntoACycleFailsCleanlyAndPointsToValidate() throws {
        // Shape faults are `validate`'s to find; a walk that meets one stops with a clear message, never hangs.
        let result = try Binary.run(
            ["walk", "sample", "--council", "testshire", "--role", "member", "--answer", "kind=yes", "--answer", "committee=no"],
            knowledge: Paths.repository + "/Tests/Fixtures/knowledge/cycle")
        #expect(result.status == 1)
        #expect(result.stderr.contains("probity validate"), "\(result.stderr)")
    }

    @Test func walkReachesCarlisleParagraph116WordForWord() throws {
        let walk = try Binary.run([
            "walk", "document-access", "--council", "carlisle", "--role", "member",
            "--answer", "carl-what=committee-docs", "--answer", "member-of=no",
            "--answer", "exempt-check=no", "--answer", "purpose=ward-problem",
            "--answer", "interest=no", "--json",
        ])
        #expect(walk.status == 0, "\(walk.stderr)")
        let report = try json(walk.stdout)
        #expect(report["status"] as? String == "advice")
        let advice = try #require(report["advice"] as? [String: Any])
        let citations = try #require(advice["citations"] as? [[String: Any]])
        let quoted = try #require(citations.first { $0["id"] as? String == "116" })

        let clause = try json(try Binary.run(["clause", "carlisle", "116", "--json"]).stdout)
        #expect(quoted["text"] as? String == clause["text"] as? String)
        // And the clause is the source document's own words.
        let source = try String(contentsOfFile: Paths.repository + "/Knowledge/councils/carlisle/sources/003_1f2df0109a989cbb.txt", encoding: .utf8)
        let squash = { (s: String) in s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(squash(source).contains(squash(try #require(clause["text"] as? String))))
        #expect(report["council"] as? String == "carlisle")
        #expect((report["why"] as? [[String: Any]])?.count ?? 0 >= 5)
    }

    @Test func walkWithoutAnswersPrintsTheNextQuestion() throws {
        let result = try Binary.run(["walk", "document-access", "--council", "wiltshire", "--role", "member", "--json"])
        #expect(result.status == 0)
        let report = try json(result.stdout)
        #expect(report["status"] as? String == "question")
        let question = try #require(report["question"] as? [String: Any])
        #expect((question["options"] as? [[String: Any]])?.count ?? 0 >= 2)
    }

    @Test func walkAsksForTheCouncilWhenNotGiven() throws {
        let result = try Binary.run(["walk", "document-access", "--json"])
        let question = try #require(try json(result.stdout)["question"] as? [String: Any])
        #expect(question["kind"] as? String == "council")
    }

    @Test func walkRejectsABadAnswerAsAUsageError() throws {
        let result = try Binary.run(["walk", "document-access", "--council", "carlisle", "--answer", "carl-what=banana"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("banana"))
        let unknownTopic = try Binary.run(["walk", "no-such-topic"])
        #expect(unknownTopic.status == 64)
        #expect(unknownTopic.stderr.contains("document-access"))
    }

    @Test func clausePrintsVerbatimWithHeadingAndSource() throws {
        let result = try Binary.run(["clause", "wiltshire", "6.5.8"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Wiltshire, paragraph 6.5.8"))
        #expect(result.stdout.contains("002_917db46a597fcefa.txt"))
        let blackburn = try json(try Binary.run(["clause", "blackburn-with-darwen", "C 3.5", "--json"]).stdout)
        #expect(blackburn["id"] as? String == "C3.5")
        // A clause the protocol does not have is a usage error, like any other unknown value.
        let missing = try Binary.run(["clause", "carlisle", "999"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--all"))
    }

    @Test func clauseAllListsEveryClause() throws {
        let report = try json(try Binary.run(["clause", "carlisle", "--all", "--json"]).stdout)
        let clauses = try #require(report["clauses"] as? [[String: Any]])
        #expect(clauses.count == 146)
        #expect(clauses.allSatisfy { $0["id"] != nil && $0["number"] != nil && $0["heading"] != nil && $0["text"] != nil })
    }

    @Test func topicsJSONIsOneDocument() throws {
        let result = try Binary.run(["topics", "--json"])
        let topics = try #require(try json(result.stdout)["topics"] as? [[String: Any]])
        #expect(topics.contains { $0["id"] as? String == "document-access" })
    }
}

@Suite struct CoverageCommandTests {
    @Test func coverageJSONReportsEachCouncil() throws {
        let result = try Binary.run(["coverage", "--json"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let councils = try #require(report["councils"] as? [[String: Any]])
        // Every council of the shipped knowledge: a folder each under Knowledge/councils.
        let folders = try FileManager.default.contentsOfDirectory(atPath: Paths.knowledge + "/councils").filter { !$0.hasPrefix(".") }
        #expect(!folders.isEmpty)
        #expect(Set(councils.compactMap { $0["council"] as? String }) == Set(folders))
        for c in councils {
            #expect((c["share"] as? Double ?? 0) >= 0.9)
            #expect(c["uncited"] is [Any] && c["notAdvisory"] is [Any])
        }
    }
}
