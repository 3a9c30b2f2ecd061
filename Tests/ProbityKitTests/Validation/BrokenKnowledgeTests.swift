import Testing

@testable import ProbityKit

/// Each broken fixture must be reported with the file, the JSON path and what is wrong.
@Suite struct BrokenKnowledgeTests {
    @Test func soundFixtureHasNoIssues() {
        #expect(KnowledgeFixture.issues("sound").isEmpty)
    }

    @Test(
        arguments: [
            ("malformed-json", "catalogue/topics/sample.json", nil, "malformed JSON: unexpected '\"'; expected ',' or '}'"),
            ("missing-field", "catalogue/topics/sample.json", "facts.kind.help", "missing required field \"help\""),
            ("wrong-type", "councils/testshire/advice/sample.json", "nodes.committee.next.no", "expected a string, found a number"),
            (
                "dangling-citation", "councils/testshire/advice/sample.json", "nodes.need.citations[0]",
                "cites clause \"99\", which does not exist in councils/testshire/versions/1.json"
            ),
            ("dangling-next", "councils/testshire/advice/sample.json", "nodes.kind.next.no", "points to \"nowhere\", but there is no node with that id"),
            ("unreachable-node", "councils/testshire/advice/sample.json", "nodes.orphan", "node \"orphan\" cannot be reached from \"kind\""),
            ("cycle", "councils/testshire/advice/sample.json", "nodes.kind", "the tree loops back on itself: kind → committee → kind"),
            (
                "single-option", "councils/testshire/advice/sample.json", "nodes.committee.next",
                "a question needs at least two options to choose from (it maps 1)"
            ),
            ("same-advice", "councils/testshire/advice/sample.json", "nodes.committee.next", "every option leads to the same advice \"allowed\""),
            ("no-route", "councils/testshire/advice/sample.json", "nodes.by-role", "no case for role \"officer\" and no default"),
            ("unknown-fact", "councils/testshire/advice/sample.json", "nodes.kind.fact", "there is no fact \"nosuch\""),
            ("unknown-option", "councils/testshire/advice/sample.json", "nodes.kind.next.maybe", "\"maybe\" is not an option of the fact \"kind\""),
            ("unlabelled-step", "councils/testshire/advice/sample.json", "nodes.need.steps[0]", "a step must cite the clauses it rests on"),
            (
                "caution-on-path", "councils/testshire/advice/sample.json", "nodes.need.steps[0].caution",
                "only a rule's step can be a caution"
            ),
            (
                "caution-on-path", "councils/testshire/advice/sample.json", "nodes.need.steps[0].caution",
                "a caution rests on the protocol"
            ),
            ("duplicate-clause", "councils/testshire/versions/1.json", "clauses[2].id", "duplicate clause id \"2\" (also clauses[1])"),
            ("few-examples", "catalogue/topics/sample.json", "examples", "routing needs at least 10 example phrasings (this topic has 3)"),
            ("bad-general-principle", "councils/testshire/council.json", "generalPrinciples[0]", "names clause \"99\" as a general principle"),
            ("out-of-scope-reply", "catalogue/out-of-scope.json", "subjects[0].reply", "the reply must point to the Monitoring Officer"),
            ("out-of-scope-clause", "councils/testshire/council.json", "outOfScope.gifts[0]", "names clause \"99\" as touching gifts"),
            ("out-of-scope-clause", "councils/testshire/council.json", "outOfScope.nosuch", "\"nosuch\" is not a subject of catalogue/out-of-scope.json"),
            (
                "not-verbatim", "councils/testshire/versions/1.json", "clauses[1].text",
                "clause 2 is not the source's words (councils/testshire/sources/testshire.txt): it departs from the source at \"any document"
            ),
        ] as [(String, String, String?, String)])
    func reportsFileAndPath(fixture: String, file: String, path: String?, message: String) {
        let issues = KnowledgeFixture.issues(fixture)
        let match = issues.first { $0.file == file && $0.path?.description == path && $0.message.contains(message) }
        #expect(match != nil, "expected \(file): \(path ?? "-"): …\(message)… among:\n\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test func malformedJSONGivesLineAndColumn() {
        let issue = KnowledgeFixture.issues("malformed-json").first
        #expect(issue?.position == SourcePosition(line: 4, column: 3))
        #expect(issue?.description.hasPrefix("catalogue/topics/sample.json:4:3: error: malformed JSON") == true)
    }

    @Test func semanticIssuesCarryAPosition() {
        let issue = KnowledgeFixture.issues("dangling-next").first { $0.path?.description == "nodes.kind.next.no" }
        #expect(issue?.position != nil)
    }

    @Test func loaderReportsEveryProblemAtOnce() {
        // A fact without its help: the missing field, and the question in a council's advice that names the fact,
        // are both reported in one go.
        let issues = KnowledgeLoader.read(directory: KnowledgeFixture.path("missing-field"), councils: .only(["testshire"])).issues
        #expect(issues.contains { $0.file == "catalogue/topics/sample.json" && $0.message.contains("missing required field \"help\"") })
        #expect(issues.contains { $0.file == "councils/testshire/advice/sample.json" && $0.message.contains("there is no fact \"kind\"") })
        let sound = KnowledgeLoader.read(directory: KnowledgeFixture.path("sound"))
        #expect(sound.issues.isEmpty)
    }

    @Test func loadThrowsWithEveryIssue() {
        // Loading for a council checks its advice; loading every council's versions (for search) leaves advice to be
        // checked topic by topic as it is read.
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: KnowledgeFixture.path("dangling-citation"), councils: .only(["testshire"])) }
        let all = try? KnowledgeLoader.load(directory: KnowledgeFixture.path("dangling-citation"), councils: .all)
        #expect(all?.tree(topic: all!.topics[0], council: "testshire") == nil, "advice that does not check out is never used")
        #expect(all?.problemsSoFar.isEmpty == false)
        do {
            _ = try KnowledgeLoader.load(directory: KnowledgeFixture.path("dangling-citation"), councils: .only(["testshire"]))
        } catch {
            #expect(error.description.contains("councils/testshire/advice/sample.json:"))
            #expect(error.description.contains(": error: nodes.need.citations[0]: cites clause \"99\""))
            #expect(error.description.contains("probity validate"))
        }
    }

    /// A council with no advice file for a topic gets silent advice from its general principles.
    @Test func aCouncilWithoutAnAdviceFileGetsSilentAdviceFromItsPrinciples() throws {
        let knowledge = try KnowledgeFixture.sound()
        var session = try Session(knowledge: knowledge, council: "otherton", role: .member)
        try session.begin(topicID: "sample")
        guard case .advice(let advice)? = session.step else {
            Issue.record("expected advice")
            return
        }
        #expect(advice.silent)
        #expect(advice.verdict == .askMonitoringOfficer)
        #expect(advice.quotes.map(\.clause.id) == ["A1"])
    }

    @Test func missingDirectorySaysWhatToDo() {
        let issues = KnowledgeLoader.read(directory: "/nonexistent/knowledge").issues
        #expect(issues.count == 1)
        #expect(issues[0].message.contains("--knowledge"))
    }
}
