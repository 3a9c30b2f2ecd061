import Foundation
import Testing

@testable import ProbityKit

/// Compare on every shipped topic: generic, so new topics are covered as they arrive.
@Suite struct TopicComparisonTests {
    static let knowledge = KnowledgeLoader.read(directory: Paths.knowledge).knowledge

    static var topicIDs: [String] { knowledge.topics.map(\.id) }

    @Test(arguments: topicIDs)
    func everyCouncilHasVerdictsAndClauses(_ topicID: String) throws {
        let comparison = try TopicComparison(knowledge: Self.knowledge, topicID: topicID)
        #expect(comparison.columns.map(\.council.id) == Self.knowledge.councils.map(\.id))
        for column in comparison.columns {
            #expect(!column.outcomes.isEmpty, "\(topicID): \(column.council.id) reaches no advice")
            #expect(!column.clauses.isEmpty, "\(topicID): \(column.council.id) cites no clause")
            #expect(column.verdicts.map(\.count).reduce(0, +) == column.outcomes.count)
            #expect(column.walk == nil)
        }
        // A role narrows the advice to what that role can reach, never widens it (a headline may be worded for the
        // role, so each listed advice counts with every wording it has).
        let topic = try #require(Self.knowledge.topic(id: topicID))
        for role in Role.allCases {
            let narrowed = try TopicComparison(knowledge: Self.knowledge, topicID: topicID, role: role)
            for (all, some) in zip(comparison.columns, narrowed.columns) {
                let tree = try #require(Self.knowledge.tree(topic: topic, council: all.council.id))
                let wordings = Set(
                    all.outcomes.flatMap { outcome -> [String] in
                        guard case .advice(let a)? = tree.nodes[outcome.nodeID] else { return [outcome.headline] }
                        return a.headline.wordings
                    })
                #expect(Set(some.outcomes.map(\.headline)).isSubset(of: wordings))
            }
        }
    }

    @Test(arguments: topicIDs)
    func rendersSideBySideWhenWideAndStackedWhenNarrow(_ topicID: String) throws {
        let comparison = try TopicComparison(knowledge: Self.knowledge, topicID: topicID)
        let names = comparison.columns.map(\.council.shortName)
        let wide = ComparisonRenderer(style: TextStyle(colour: false, width: 160)).render(comparison)
        let header = try #require(
            wide.split(separator: "\n").first { line in names.allSatisfy { line.contains($0) } },
            "no line of the table names every council")
        #expect(header.contains("│"))
        #expect(wide.split(separator: "\n").allSatisfy { $0.count <= 160 })
        let narrow = ComparisonRenderer(style: TextStyle(colour: false, width: 70)).render(comparison)
        #expect(!narrow.contains("│"))
        for column in comparison.columns { #expect(narrow.contains(column.council.name)) }
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 70 })
        let markdown = ComparisonRenderer(style: .plain).markdown(comparison)
        #expect(markdown.contains("| **Verdicts** |"))
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| **") }.allSatisfy { $0.components(separatedBy: " | ").count == names.count + 1 })
    }

    /// Answering, for each council, the first question its rules ask a member moves that council on.
    @Test(arguments: topicIDs)
    func answersAreWalkedThroughEachCouncil(_ topicID: String) throws {
        let topic = try #require(Self.knowledge.topic(id: topicID))
        for council in Self.knowledge.councils {
            var session = try Session(knowledge: Self.knowledge, council: council.id, role: .member)
            session.begin(topic: topic)
            guard case .question(let first)? = session.step, first.kind == .topic else { continue }
            let option = first.options[0]
            let comparison = try TopicComparison(
                knowledge: Self.knowledge, topicID: topicID, role: .member,
                answers: ["\(first.factKey)=\(option.id)"])
            let column = try #require(comparison.columns.first { $0.council.id == council.id })
            try session.answer(option.id)
            switch (column.walk, session.step) {
            case (.advice(let a)?, .advice(let b)?): #expect(a.nodeID == b.nodeID)
            case (.question(let a)?, .question(let b)?): #expect(a.nodeID == b.nodeID)
            default: Issue.record("\(topicID) \(council.id): the comparison and a walk disagree")
            }
        }
    }

    @Test func rejectsWhatItCannotUse() {
        #expect(throws: TopicComparison.Problem.self) { try TopicComparison(knowledge: Self.knowledge, topicID: "no-such-topic") }
        guard let topic = Self.knowledge.topics.first else { return }
        #expect(throws: TopicComparison.Problem.self) { try TopicComparison(knowledge: Self.knowledge, topicID: topic.id, answers: ["nonsense"]) }
        #expect(throws: TopicComparison.Problem.self) { try TopicComparison(knowledge: Self.knowledge, topicID: topic.id, answers: ["no-such-question=yes"]) }
    }
}

/// Compare on a knowledge base built in code: how answers carry across councils.
@Suite struct TopicComparisonWalkTests {
    static func council(_ id: String) -> Council {
        Council(
            id: id, name: "\(id.capitalized) Council", shortName: id.capitalized, document: "Protocol", version: "1", date: nil,
            status: .adopted, isCurrent: true, source: "", numbering: nil, reading: nil,
            clauses: [Clause(id: "1", number: "1", heading: "H", text: "Text of \(id).")], file: "")
    }

    static func fact(_ id: String, _ prompt: String, _ options: [String]) -> Fact {
        Fact(
            key: "t.\(id)", localID: id, prompt: RoleText(prompt), help: "", multiple: false,
            options: options.map { FactOption(id: $0, label: $0, says: nil, phrases: []) }, file: "", position: nil)
    }

    static func question(_ fact: Fact, _ next: [(String, String)]) -> Node {
        .question(
            Question(
                id: fact.localID, fact: fact.key, isSharedFact: false, prompt: fact.prompt, why: Why(text: "", cites: []), help: "",
                multiple: false, options: next.map { AnswerOption(id: $0.0, label: $0.0, next: $0.1) }, defaultNext: nil, position: nil))
    }

    static func advice(_ id: String, _ verdict: Verdict, _ council: String) -> Node {
        .advice(
            Advice(
                id: id, verdict: verdict, headline: RoleText("Advice \(id)"), summary: "", steps: [],
                citations: [Citation(council: council, clause: "1")], silent: false, position: nil))
    }

    static func folder(_ id: String, _ nodes: [Node], start: String) -> CouncilFolder {
        let c = council(id)
        return CouncilFolder(
            id: id, name: c.name, shortName: c.shortName, generalPrinciples: ["1"], versions: [c],
            trees: [AdviceTree(topicID: "t", councilID: id, start: start, nodes: nodes, rules: [], file: "")], folder: "")
    }

    static let knowledge: KnowledgeBase = {
        let a = fact("a-q", "What has the councillor asked for?", ["papers", "other"])
        let b = fact("b-q", "What has the member asked for?", ["papers", "other"])
        let g = fact("g-q", "Is it urgent?", ["yes", "no"])
        let topic = Topic(id: "t", title: "T", summary: "S", audience: .both, examples: [], facts: [a, b, g], file: "")
        return KnowledgeBase(
            councils: [
                folder(
                    "alpha", [question(a, [("papers", "a-yes"), ("other", "a-no")]), advice("a-yes", .yes, "alpha"), advice("a-no", .no, "alpha")], start: "a-q"
                ),
                folder("beta", [question(b, [("papers", "b-no"), ("other", "b-no")]), advice("b-no", .no, "beta")], start: "b-q"),
                folder("gamma", [question(g, [("yes", "g-yes"), ("no", "g-yes")]), advice("g-yes", .yes, "gamma")], start: "g-q"),
            ], topics: [topic])
    }()

    @Test func anAnswerCarriesToTheSameQuestionInOtherWords() throws {
        let comparison = try TopicComparison(knowledge: Self.knowledge, topicID: "t", answers: ["a-q=papers"])
        let byCouncil = Dictionary(uniqueKeysWithValues: comparison.columns.map { ($0.council.id, $0.walk) })
        guard case .advice(let alpha)?? = byCouncil["alpha"], case .advice(let beta)?? = byCouncil["beta"],
            case .question(let gamma)?? = byCouncil["gamma"]
        else {
            Issue.record("unexpected walks: \(byCouncil)")
            return
        }
        #expect(alpha.verdict == .yes)
        #expect(beta.verdict == .no)  // councillor = member: the same question, and the same answer
        #expect(gamma.prompt == "Is it urgent?")  // a different question: shown, not guessed
        #expect(comparison.outcomesDiffer)
        let line = ComparisonRenderer(style: .plain).differenceLine(comparison)
        #expect(line.hasPrefix("The outcomes differ on what you have said: Alpha — Yes; Beta — No."))
        #expect(line.contains("Still to answer: Gamma needs “Is it urgent?”"))
    }

    @Test func theSameOutcomeEverywhereIsSaid() throws {
        let comparison = try TopicComparison(
            knowledge: Self.knowledge, topicID: "t", answers: ["a-q=other", "g-q=yes"],
            councils: ["alpha", "beta"])
        #expect(!comparison.outcomesDiffer)
        #expect(ComparisonRenderer(style: .plain).differenceLine(comparison) == "Every council reaches the same verdict: No.")
    }

    /// Councils that still need an answer are undecided, not different: no "the outcomes differ" until two verdicts do.
    @Test func councilsThatNeedMoreAnswersAreNotCountedAsDifferent() throws {
        let comparison = try TopicComparison(knowledge: Self.knowledge, topicID: "t", answers: ["g-q=yes"], councils: ["alpha", "gamma"])
        #expect(!comparison.outcomesDiffer)
        let line = ComparisonRenderer(style: .plain).differenceLine(comparison)
        #expect(line == "Every council that can answer yet reaches the same verdict: Yes. Still to answer: Alpha needs “What has the councillor asked for?”.")
        // Answers are shown in the questions' own words, never as ids.
        let text = ComparisonRenderer(style: .plain).render(comparison)
        #expect(text.contains("Answers: Is it urgent? — yes"))
        #expect(!text.contains("g-q"))
    }

    @Test func reportCarriesEachOutcome() throws {
        let comparison = try TopicComparison(knowledge: Self.knowledge, topicID: "t", answers: ["a-q=papers"])
        let report = ComparisonReport(comparison)
        #expect(report.councils.map { $0.outcome?.status } == ["advice", "advice", "question"])
        #expect(report.outcomesDiffer == true)
        #expect(report.councils[0].verdicts.map(\.verdict) == ["yes", "no"])
    }
}
