import Foundation
import Testing

@testable import ProbityKit

/// The scenario runner counts how each question re-asked was put: with the user's answer proposed, with another
/// proposed, or cold; and answers proposed for facts the scenario does not state.
@Suite struct ScenarioRunnerSuggestionTests {
    static let runner = ScenarioRunner(knowledge: ConversationSuggestionTests.knowledge)

    func scenario(stated: [String: String], answers: [String: String] = [:]) throws -> Scenario {
        let json: [String: Any] = [
            "id": "suggestion-test", "role": "officer", "topic": "officer-reports", "says": ConversationSuggestionTests.message,
            "stated": stated, "answers": answers, "verdicts": ["yes"], "mustQuote": [],
        ]
        return try JSONDecoder().decode(Scenario.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func aQuestionReaskedWithTheStatedAnswerProposedIsCountedSo() throws {
        let outcome = Self.runner.run(try scenario(stated: ["wilts-aim": "change"]), council: "wiltshire")
        #expect(outcome.reasked == ["wilts-aim"])
        #expect(outcome.suggestedRight == ["wilts-aim"])
        #expect(outcome.suggestedWrong.isEmpty && outcome.cold.isEmpty)
        let report = ScenarioReport(outcomes: [outcome])
        #expect(report.reasked == 1 && report.suggestedRight == 1 && report.cold == 0)
        #expect(report.summary.contains("1 questions asked whose answer had been given (1 with that answer proposed, 0 with another proposed, 0 cold)"))
    }

    @Test func anotherOptionProposedIsCountedWrong() throws {
        let outcome = Self.runner.run(try scenario(stated: ["wilts-aim": "criticise"]), council: "wiltshire")
        #expect(outcome.suggestedWrong == ["wilts-aim"])
        #expect(outcome.suggestedRight.isEmpty)
    }

    @Test func aProposalOnAFactTheScenarioDoesNotStateIsCounted() throws {
        let outcome = Self.runner.run(try scenario(stated: [:], answers: ["wilts-aim": "change"]), council: "wiltshire")
        #expect(outcome.reasked.isEmpty)
        #expect(outcome.suggestedUnstated == ["wilts-aim"])
        #expect(ScenarioReport(outcomes: [outcome]).suggestedUnstated == 1)
    }

    @Test func everyQuestionAskedIsListedStatedOrNot() throws {
        let stated = Self.runner.run(try scenario(stated: ["wilts-aim": "change"]), council: "wiltshire")
        #expect(stated.asked.first == "wilts-aim")
        #expect(Set(stated.reasked).isSubset(of: Set(stated.asked)))
        let unstated = Self.runner.run(try scenario(stated: [:], answers: ["wilts-aim": "change"]), council: "wiltshire")
        #expect(unstated.asked.first == "wilts-aim" && unstated.reasked.isEmpty)
    }

    @Test func withoutProposalsEveryReaskIsCold() throws {
        let runner = ScenarioRunner(knowledge: ConversationSuggestionTests.knowledge.with(answerSuggestion: nil))
        let outcome = runner.run(try scenario(stated: ["wilts-aim": "change"]), council: "wiltshire")
        #expect(outcome.cold == ["wilts-aim"])
    }
}
