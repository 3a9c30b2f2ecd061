import Foundation
import Testing

@testable import ProbityKit

/// Adding a council is a new folder and nothing else: the shipped knowledge plus one more council folder
/// (Tests/Fixtures/fifth-council/testborough, with advice on one topic only) is sound, and every command's
/// engine serves the new council — its own advice where it has some, silent advice from its principles elsewhere.
@Suite struct FifthCouncilTests {
    static let directory: String = {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("probity-fifth-\(UUID().uuidString)").path
        try? fm.copyItem(atPath: Paths.knowledge, toPath: root)
        try? fm.copyItem(atPath: Paths.fixtures + "/fifth-council/testborough", toPath: root + "/councils/testborough")
        return root
    }()
    static let read = KnowledgeLoader.read(directory: directory)
    static var knowledge: KnowledgeBase { read.knowledge }
    static let newCouncil = "testborough"

    @Test func theFolderIsAllItTakes() {
        #expect(Self.read.issues.isEmpty, "\(Self.read.issues.map(\.description))")
        let issues = Validator.validate(Self.knowledge)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
        #expect(Self.knowledge.councilIDs.contains(Self.newCouncil))
        #expect(Self.knowledge.councilIDs.count == KnowledgeLoader.read(directory: Paths.knowledge).knowledge.councilIDs.count + 1)
    }

    /// Every topic reaches advice for every role: its own on media contact, silent advice from its principles elsewhere.
    @Test(arguments: KnowledgeLoader.read(directory: Paths.knowledge, councils: .none).knowledge.topics.map(\.id))
    func everyTopicReachesAdvice(topicID: String) throws {
        for role in Role.allCases {
            var session = try Session(knowledge: Self.knowledge, council: Self.newCouncil, role: role)
            try session.begin(topicID: topicID)
            var answered = 0
            while case .question? = session.step, answered < 20 {
                try session.answer("1")
                answered += 1
            }
            guard case .advice(let advice)? = session.step else {
                Issue.record("\(topicID), \(role): no advice")
                continue
            }
            #expect(advice.councilID == Self.newCouncil)
            #expect(!advice.quotes.isEmpty && advice.quotes.allSatisfy { $0.councilID == Self.newCouncil })
            if topicID == "media-contact" {
                #expect(!advice.silent)
            } else {
                #expect(advice.silent && advice.verdict == .askMonitoringOfficer)
                #expect(advice.quotes.map(\.clause.id) == ["1.2", "3.1"])
            }
        }
    }

    @Test func aRuleOfTheNewCouncilFiresOnAFactFromAnywhere() throws {
        var session = try Session(knowledge: Self.knowledge, council: Self.newCouncil, role: .officer)
        try session.begin(topicID: "media-contact")
        try session.setAnswer("election-period", option: "yes")
        guard case .advice(let advice)? = session.step else {
            Issue.record("no advice")
            return
        }
        #expect(advice.quotes.map(\.clause.id) == ["2.2", "2.3"])
        #expect(advice.steps.last?.because != nil)
    }

    @Test func compareSearchAndCoverageIncludeIt() throws {
        for topic in Self.knowledge.topics {
            let comparison = try TopicComparison(knowledge: Self.knowledge, topicID: topic.id)
            #expect(comparison.columns.contains { $0.council.id == Self.newCouncil }, "\(topic.id)")
        }
        let hits = ClauseSearch(knowledge: Self.knowledge).search("Head of Communications", council: Self.newCouncil)
        #expect(hits.first?.clause.id == "2.2")
        let coverage = CoverageReport(knowledge: Self.knowledge)
        #expect(coverage.councils.contains { $0.council == Self.newCouncil })
    }

    /// Routing reads the catalogue and no council, so another council changes no question's ranking.
    @Test func routingIsTheSameWithOneMoreCouncil() throws {
        let text = try String(contentsOfFile: Paths.fixtures + "/routing/held-out.tsv", encoding: .utf8)
        let questions = try RoutingEvaluation.parse(text).map(\.question)
        let shipped = Router(knowledge: KnowledgeLoader.read(directory: Paths.knowledge).knowledge)
        let more = Router(knowledge: Self.knowledge)
        for question in questions {
            #expect(shipped.rank(question, limit: 3) == more.rank(question, limit: 3), "\(question)")
        }
    }

    @Test func theChatAdvisesForIt() throws {
        let session = try Session(knowledge: Self.knowledge, council: Self.newCouncil, role: .officer)
        var conversation = Conversation(session: session, router: Router(knowledge: Self.knowledge))
        _ = conversation.start(recording: "in memory")
        var reply = conversation.handle("a journalist from the local paper rang me for a quote about the bin strike")
        if case .choosingTopic(_, let choices, _) = conversation.mode, let i = choices.firstIndex(where: { $0.topicID == "media-contact" }) {
            reply = conversation.handle("\(i + 1)")
        }
        let advised = reply.events.compactMap { if case .advised(let a) = $0 { a } else { nil } }.first
        #expect(advised?.council == Self.newCouncil)
        #expect(advised?.quotes.first?.clause == "2.2")
    }
}
