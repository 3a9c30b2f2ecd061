import Testing

@testable import ProbityKit

@Suite struct StepRestatementTests {
    static func step(_ text: String, _ clauses: String...) -> AdviceStep {
        AdviceStep(text: text, citations: clauses.map { Citation(council: "x", clause: $0) })
    }

    @Test func theSameRuleCitingTheSameClauseIsARestatement() {
        let shown = Self.step("Behave in accordance with the Code of Conduct at all times, during the matter and after it has ended (step 3).", "C 6.1.3")
        #expect(
            StepRestatement.restates(
                Self.step("Behave in accordance with the Code of Conduct at all times, during the matter and after it has ended.", "C 6.1.3"), shown))
    }

    @Test func aStepCitingAClauseTheOtherDoesNotIsNew() {
        let shown = Self.step("Refer the request to the Corporate Leadership Team.", "7.4")
        #expect(!StepRestatement.restates(Self.step("Refer the request to the Corporate Leadership Team.", "7.4", "7.5"), shown))
    }

    /// The case: the group briefing step cites 7.4, and the rule about people who are not members, also in 7.4,
    /// must still be stated.
    @Test func aDifferentRuleFromTheSameClauseIsNew() {
        let shown = Self.step("Refer the request for a briefing to the Corporate Leadership Team.", "7.4")
        let rule = Self.step("Where people who are not members will be at the meeting, give only information you would give the public.", "7.4")
        #expect(!StepRestatement.restates(rule, shown))
    }

    @Test func practicalGuidanceCitingNothingIsNeverARestatement() {
        let shown = Self.step("Ask the Monitoring Officer.")
        #expect(!StepRestatement.restates(Self.step("Ask the Monitoring Officer."), shown))
    }
}
