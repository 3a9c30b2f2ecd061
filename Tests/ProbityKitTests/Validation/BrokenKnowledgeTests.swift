import Testing
@testable import ProbityKit

/// Each broken fixture must be reported with the file, the JSON path and what is wrong.
@Suite struct BrokenKnowledgeTests {
    @Test func soundFixtureHasNoIssues() {
        #expect(KnowledgeFixture.issues("sound").isEmpty)
    }

    @Test(arguments: [
        ("malformed-json", "topics/sample.json", nil, "malformed JSON: unexpected '\"'; expected ',' or '}'"),
        ("missing-field", "topics/sample.json", "nodes.kind.prompt", "missing required field \"prompt\""),
        ("wrong-type", "topics/sample.json", "nodes.committee.options[1].next", "expected a string, found a number"),
        ("dangling-citation", "topics/sample.json", "nodes.need.citations[0].clause", "cites clause \"99\" of testshire, which does not exist"),
        ("dangling-next", "topics/sample.json", "nodes.kind.options[1].next", "points to \"nowhere\", but there is no node with that id"),
        ("unreachable-node", "topics/sample.json", "nodes.orphan", "node \"orphan\" cannot be reached from \"by-council\""),
        ("cycle", "topics/sample.json", "nodes.kind", "the tree loops back on itself: kind → committee → kind"),
        ("single-option", "topics/sample.json", "nodes.committee.options", "a question needs at least two options (it has 1)"),
        ("same-advice", "topics/sample.json", "nodes.committee.options", "every option leads to the same advice \"allowed\""),
        ("no-route", "topics/sample.json", "nodes.by-council", "no case for council \"otherton\" and no default"),
        ("foreign-citation", "topics/sample.json", "nodes.need.citations[1]", "quotes otherton clause A1, but only testshire can reach this node"),
        ("duplicate-clause", "councils/testshire.json", "clauses[2].id", "duplicate clause id \"2\" (also clauses[1])"),
        ("few-examples", "topics/sample.json", "examples", "routing needs at least 10 example phrasings (this topic has 3)"),
        ("shared-fact-mismatch", "topics/sample.json", "nodes.kind.options", "the shared fact \"election-period\" has options no, yes here but not-really, yes in topics/other.json"),
        ("not-verbatim", "councils/testshire.json", "clauses[1].text", "clause 2 is not the source's words (sources/testshire.txt): it departs from the source at \"any document"),
    ] as [(String, String, String?, String)])
    func reportsFileAndPath(fixture: String, file: String, path: String?, message: String) {
        let issues = KnowledgeFixture.issues(fixture)
        let match = issues.first { $0.file == file && $0.path?.description == path && $0.message.contains(message) }
        #expect(match != nil, "expected \(file): \(path ?? "-"): …\(message)… among:\n\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func malformedJSONGivesLineAndColumn() {
        let issue = KnowledgeFixture.issues("malformed-json").first
        #expect(issue?.position == SourcePosition(line: 4, column: 3))
        #expect(issue?.description.hasPrefix("topics/sample.json: malformed JSON") == true)
    }

    @Test func semanticIssuesCarryAPosition() {
        let issue = KnowledgeFixture.issues("dangling-next").first { $0.path?.description == "nodes.kind.options[1].next" }
        #expect(issue?.position != nil)
    }

    @Test func loaderReportsEveryProblemAtOnce() {
        // Two faults in one file: both are reported, not just the first.
        let issues = KnowledgeLoader.read(directory: KnowledgeFixture.path("missing-field")).issues
        #expect(issues.count == 1)
        let sound = KnowledgeLoader.read(directory: KnowledgeFixture.path("sound"))
        #expect(sound.issues.isEmpty)
    }

    @Test func loadThrowsWithEveryIssue() {
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: KnowledgeFixture.path("dangling-citation")) }
        do {
            _ = try KnowledgeLoader.load(directory: KnowledgeFixture.path("dangling-citation"))
        } catch {
            #expect(error.description.contains("topics/sample.json: nodes.need.citations[0].clause"))
            #expect(error.description.contains("probity validate"))
        }
    }

    @Test func missingDirectorySaysWhatToDo() {
        let issues = KnowledgeLoader.read(directory: "/nonexistent/knowledge").issues
        #expect(issues.count == 1)
        #expect(issues[0].message.contains("--knowledge"))
    }
}
