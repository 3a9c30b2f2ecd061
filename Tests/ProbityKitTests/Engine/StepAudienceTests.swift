import Testing

@testable import ProbityKit

/// A topic that advises both sides of one situation (a member and an officer in a close relationship) marks the
/// steps meant for one side; each side is shown its own and the shared ones, without "If you are the member:".
@Suite struct StepAudienceTests {
    static let knowledge = ShippedChat.knowledge

    @Test func eachSideSeesItsOwnStepsAndTheSharedOnes() throws {
        let member = try ShippedChat.advice("carlisle", .member, "I've started seeing someone who works in the council's finance team").advised
        let officer = try ShippedChat.advice("carlisle", .officer, "I've started seeing one of the councillors").advised
        #expect(member.node == officer.node)
        let memberSteps = (member.steps ?? []).map(\.text)
        let officerSteps = (officer.steps ?? []).map(\.text)
        #expect(memberSteps.contains { $0.hasPrefix("Withdraw from the appointment") })
        #expect(!officerSteps.contains { $0.hasPrefix("Withdraw from the appointment") })
        #expect(
            memberSteps.contains { $0.hasPrefix("Be open about the relationship") } && officerSteps.contains { $0.hasPrefix("Be open about the relationship") })
        for text in memberSteps + officerSteps {
            #expect(!text.hasPrefix("If you are the") && !text.hasPrefix("Both:"), "\(text)")
        }
        // Their clauses are quoted to both sides all the same.
        #expect(member.quotes.map(\.clause) == officer.quotes.map(\.clause))
    }

    /// Whom a step is for is data, not words at its start: no step of any council begins "If you are the member:"
    /// or "Both:", and some steps are marked for one side.
    @Test func whomAStepIsForIsDataNotAPrefix() {
        var marked = 0
        for councilID in Self.knowledge.councilIDs {
            for topic in Self.knowledge.topics {
                guard let tree = Self.knowledge.tree(topic: topic, council: councilID) else { continue }
                let steps =
                    tree.nodes.values.flatMap { node -> [AdviceStep] in if case .advice(let a) = node { a.steps } else { [] } } + tree.rules.flatMap(\.steps)
                for step in steps {
                    #expect(!step.text.hasPrefix("If you are the") && !step.text.hasPrefix("Both:"), "\(councilID)/\(topic.id): \(step.text)")
                }
                marked += steps.filter { $0.audience != nil }.count
            }
        }
        #expect(marked > 0)
    }
}

/// A rule's step that says what a step for the other side says is still shown: it is compared with the steps this
/// user sees, not with one left out for them.
@Suite struct StepAudienceRestatementTests {
    @Test func aRuleStepIsNotDroppedForRestatingAStepTheUserDoesNotSee() throws {
        let election = TinyKnowledge.electionFact
        let text = "Take care with council printers in the run-up to an election."
        let cite = [Citation(council: "testshire", clause: "1")]
        let rule = Rule(
            fact: election.key, values: ["yes"], role: nil, steps: [AdviceStep(text: text, citations: cite)], citations: [], position: nil, index: 0)
        // The campaign advice has a step with the same words, for officers only.
        let knowledge = TinyKnowledge.make(
            moreFacts: [election], rules: [rule], moreCampaignSteps: [AdviceStep(text: text, citations: cite, audience: .officer)])
        let id = "testshire"
        var session = try Session(knowledge: knowledge, council: id, role: .member)
        try session.begin(topicID: "printing")
        try session.setAnswer(election.key, option: "yes")
        _ = try session.answer("campaign")
        guard case .advice(let advice)? = session.step else {
            Issue.record("no advice")
            return
        }
        #expect(advice.steps.filter { $0.text == text }.count == 1)
    }
}
