import Testing

@testable import ProbityKit

@Suite struct VerdictLineTests {
    @Test(arguments: [
        (Verdict.yesIf, "Yes, if you can show a need to know", "Yes, if you can show a need to know"),
        (.no, "No: officers must not attend", "No: officers must not attend"),
        (
            .askMonitoringOfficer, "Tower Hamlets' protocol has no specific rule: ask the Monitoring Officer",
            "Tower Hamlets' protocol has no specific rule: ask the Monitoring Officer"
        ),
        (.askMonitoringOfficer, "Declare the relationship", "Ask the Monitoring Officer first: Declare the relationship"),
        (.notWithout, "Only with the Director's agreement", "Not without: Only with the Director's agreement"),
        (.guidance, "Keep a note of the call", "Guidance: Keep a note of the call"),
    ])
    func saysTheVerdictOnceAndFirst(verdict: Verdict, headline: String, expected: String) {
        #expect(AdviceRenderer.verdictLine(verdict, headline: headline) == expected)
    }
}
