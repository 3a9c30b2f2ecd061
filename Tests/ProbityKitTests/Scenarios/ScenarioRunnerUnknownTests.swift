import Foundation
import Testing

@testable import ProbityKit

/// Facts the chat takes from what was typed, and says back, that a scenario neither states nor answers are counted
/// apart (`takenUnknown`): the scenario cannot say whether the user said them, so `probity-bench --scenarios --half dev
/// --unknown` lists them to be read by hand. They do not make a scenario wrong.
@Suite struct ScenarioRunnerUnknownTests {
    static let message = "I'm not on the licensing committee and I want to see the exempt appendix to a report on their agenda"

    func scenario(stated: [String: String]) throws -> Scenario {
        let json: [String: Any] = [
            "id": "unknown-test", "role": "member", "topic": "document-access", "says": Self.message,
            "stated": stated, "answers": ["interest": "no"], "verdicts": ["no", "not-without", "yes-if", "ask-monitoring-officer"],
            "mustQuote": [],
        ]
        return try JSONDecoder().decode(Scenario.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func aFactTakenThatTheScenarioDoesNotKnowIsCountedApart() throws {
        let runner = ScenarioRunner(knowledge: ShippedChat.knowledge)
        let listed = runner.run(try scenario(stated: ["wilts-what": "exempt", "exempt-check": "yes", "member-of": "no"]), council: "wiltshire")
        #expect(listed.takenUnknown.isEmpty, "\(listed.takenUnknown)")
        // The same message, with the scenario silent on whether the papers hold exempt information.
        let silent = runner.run(try scenario(stated: ["wilts-what": "exempt", "member-of": "no"]), council: "wiltshire")
        #expect(silent.takenUnknown == ["exempt-check=yes"])
        #expect(silent.misheard.isEmpty && silent.reasked.isEmpty)
        let report = ScenarioReport(outcomes: [silent])
        #expect(report.takenUnknown == 1)
        #expect(report.summary.contains("1 facts taken that the scenario neither states nor answers"))
    }
}
