import Testing

@testable import ProbityKit

/// A headline is said to the person reading it (issue 9, item 4): advice that speaks to either side of one situation
/// may word its headline for a member ("No: you must not take part…") and for an officer ("No: the councillor must
/// not…"), and each side is told its own in the chat, the walk and `compare`.
@Suite struct HeadlineInRoleTests {
    static let knowledge = ShippedChat.knowledge

    /// Every advice of every council whose headline has two wordings, with the tree it is in.
    static var worded: [(council: String, topic: Topic, tree: AdviceTree, advice: Advice)] {
        knowledge.councilIDs.flatMap { council in
            knowledge.topics.flatMap { topic -> [(String, Topic, AdviceTree, Advice)] in
                guard let tree = knowledge.tree(topic: topic, council: council) else { return [] }
                return tree.orderedNodes.compactMap { node in
                    guard case .advice(let a) = node, a.headline.member != a.headline.officer else { return nil }
                    return (council, topic, tree, a)
                }
            }
        }
    }

    @Test func aMemberIsToldYouAndAnOfficerIsToldTheCouncillor() throws {
        let topic = try #require(Self.knowledge.topic(id: "personal-relationship"))
        let kind = try #require(topic.facts.first { $0.localID == "kind" })
        let decision = try #require(topic.facts.first { $0.localID == "decision" })
        var headlines: [Role: String] = [:]
        for role in Role.allCases {
            var session = try Session(knowledge: Self.knowledge, council: "carlisle", role: role)
            session.begin(topic: topic)
            try session.setAnswer(kind.key, option: "personal")
            try session.setAnswer(decision.key, option: "appointment")
            guard case .advice(let result)? = session.step else {
                Issue.record("no advice for \(role)")
                continue
            }
            headlines[role] = result.headline
        }
        #expect(headlines[.member] == "No: you must not take part in that appointment")
        #expect(headlines[.officer] == "No: the councillor must not take part in that appointment")
    }

    /// The shipped advice words some headlines for each side, and no member is told about "the member" in a headline.
    @Test func noHeadlineSpeaksOfTheMemberToTheMember() {
        #expect(Self.worded.count >= 6)
        for council in Self.knowledge.councilIDs {
            for topic in Self.knowledge.topics where topic.audience != .officer {
                guard let tree = Self.knowledge.tree(topic: topic, council: council) else { continue }
                for outcome in TopicComparison.reachable(tree, role: .member) {
                    #expect(!outcome.headline.contains("the member must"), "\(council)/\(topic.id): \(outcome.headline)")
                    #expect(!outcome.headline.contains("the member should"), "\(council)/\(topic.id): \(outcome.headline)")
                }
            }
        }
    }

    /// `compare` lists each side's own wording of a headline, for every worded advice a role can reach.
    @Test func compareListsEachSidesWording() {
        var reached = 0
        for (council, topic, tree, advice) in Self.worded {
            for role in Role.allCases {
                guard let outcome = TopicComparison.reachable(tree, role: role).first(where: { $0.nodeID == advice.id }) else { continue }
                reached += 1
                #expect(outcome.headline == advice.headline.text(for: role), "\(council)/\(topic.id)/\(advice.id) for \(role)")
            }
        }
        #expect(reached >= Self.worded.count)
    }

    /// A headline object needs both wordings, reported where it is; and each wording is held to the headline rules
    /// (here: a "no" whose officer wording does not begin "No").
    @Test func aHeadlineObjectIsCheckedWhereItIs() throws {
        let topic = try #require(Self.knowledge.topic(id: "personal-relationship"))
        let file = "councils/testshire/advice/personal-relationship.json"
        let collector = IssueCollector(file: file)
        let json = try JSONParser.parse(
            """
            {"topic": "personal-relationship", "start": "a", "nodes": {
              "a": {"type": "advice", "verdict": "no", "summary": "S", "steps": [], "citations": [],
                    "headline": {"member": "No: you must not"}}}}
            """)
        _ = AdviceDecoder.decode(
            json, context: AdviceDecoder.Context(councilID: "testshire", topic: topic, sharedFacts: [:], file: file, issues: collector))
        #expect(collector.issues.contains { $0.message.contains("officer") && $0.position?.line == 3 }, "\(collector.issues)")

        let advice = Advice(
            id: "a", verdict: .no, headline: RoleText(member: "No: you must not", officer: "The councillor must not"), summary: "S",
            steps: [], citations: [], silent: false, position: nil)
        #expect(Validator.headlineProblem(advice)?.contains("The councillor must not") == true)
    }
}
